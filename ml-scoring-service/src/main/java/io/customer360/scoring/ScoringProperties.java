package io.customer360.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of ml-scoring-service, bound from {@code c360.ml-scoring.*}.
 *
 * @param bucket The lake bucket.
 * @param modelName Registry name of the churn model (models/{name}/{version}/).
 * @param trainingInterval Time between scheduled training runs.
 */
@ConfigurationProperties("c360.ml-scoring")
public record ScoringProperties(
    @DefaultValue("c360-lake") String bucket,
    @DefaultValue("churn") String modelName,
    @DefaultValue("24h") java.time.Duration trainingInterval) {}
