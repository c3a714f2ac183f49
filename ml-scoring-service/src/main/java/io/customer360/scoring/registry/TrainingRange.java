package io.customer360.scoring.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code training.json}: where a model came from and which data it saw.
 *
 * @param origin {@code trained} by this service or {@code imported}
 * @param source the feature table or file
 * @param trainStart first training snapshot date
 * @param trainEnd last training snapshot date allowed by the split
 * @param validationStart first validation snapshot date
 * @param validationEnd last validation snapshot date
 * @param trainRows training rows
 * @param validationRows validation rows
 * @param labelHorizonDays embargo between the two
 * @param createdAt when the version was written
 */
public record TrainingRange(
    String origin,
    String source,
    LocalDate trainStart,
    LocalDate trainEnd,
    LocalDate validationStart,
    LocalDate validationEnd,
    long trainRows,
    long validationRows,
    int labelHorizonDays,
    Instant createdAt) {}
