package io.customer360.scoring.training;

import io.customer360.apisecurity.problem.InvalidParameterException;
import io.customer360.apisecurity.problem.NotFoundException;
import io.customer360.scoring.model.LoadedModel;
import io.customer360.scoring.model.ServingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The churn model's lifecycle: train on demand, import, and what is serving. */
@RestController
@RequestMapping("/api/v1/models/churn")
class ModelController {

  private final TrainingJob training;
  private final ModelImporter importer;
  private final ServingModel serving;

  ModelController(TrainingJob training, ModelImporter importer, ServingModel serving) {
    this.training = training;
    this.importer = importer;
    this.serving = serving;
  }

  /** Trains now, synchronously; the report says whether the candidate was promoted. */
  @PostMapping("/train")
  TrainingReport train() {
    return training.run();
  }

  /** Imports an externally trained XGBoost model with its {@code features.json}. */
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  TrainingReport importModel(
      @RequestPart("model") MultipartFile model,
      @RequestPart("features") MultipartFile features,
      @RequestParam(defaultValue = "true") boolean promote) {
    if (model.isEmpty()) {
      throw new InvalidParameterException("model", "is empty");
    }
    return importer.importModel(bytes(model), bytes(features), promote);
  }

  /** The serving model. */
  @GetMapping("/current")
  ServingView current() {
    LoadedModel m =
        serving.current().orElseThrow(() -> new NotFoundException("No model is serving yet"));
    return new ServingView(
        m.version(), m.validationAuc(), m.loadedAt(), Arrays.asList(m.model().schema().names()));
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read upload " + file.getName(), e);
    }
  }

  /**
   * The serving model.
   *
   * @param version registry version
   * @param validationAuc its validation AUC
   * @param loadedAt when this instance loaded it
   * @param features its ordered features
   */
  record ServingView(
      String version, double validationAuc, Instant loadedAt, List<String> features) {}
}
