package io.customer360.scoring.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * Generic mode: cross-validate on any feature table or file. Give exactly one of {@code table} and
 * {@code file}.
 *
 * @param table warehouse table, optionally schema-qualified
 * @param file {@code s3://bucket/key} of a CSV or Parquet file
 * @param labelColumn 0/1 (or boolean) label column; rows where it is NULL are left out
 * @param idColumn an id column that is not a feature, if any
 * @param dateColumn a date column that is not a feature, if any
 * @param excludedColumns further columns that are not features
 * @param rowFilter a boolean column; only rows where it is true are used
 * @param folds number of folds, default 5
 */
public record CrossValidationRequest(
    String table,
    String file,
    @NotBlank String labelColumn,
    String idColumn,
    String dateColumn,
    List<String> excludedColumns,
    String rowFilter,
    @Min(2) @Max(20) Integer folds) {}
