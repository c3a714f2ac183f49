package io.customer360.scoring.training;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Generic mode: cross-validated AUC of any labelled feature table or file. */
@RestController
class CrossValidationController {

  private final GenericCrossValidation crossValidation;

  CrossValidationController(GenericCrossValidation crossValidation) {
    this.crossValidation = crossValidation;
  }

  @PostMapping("/api/v1/models/cross-validation")
  CrossValidationReport crossValidate(@Valid @RequestBody CrossValidationRequest request) {
    return crossValidation.run(request);
  }
}
