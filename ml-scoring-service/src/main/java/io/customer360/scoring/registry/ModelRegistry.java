package io.customer360.scoring.registry;

import io.customer360.common.lake.LakePath;
import io.customer360.common.lake.LakeZone;
import io.customer360.scoring.features.FeatureSchema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry in S3:
 *
 * <pre>
 * models/{name}/{version}/xgboost-model   XGBoost JSON (any XGBoost format loads)
 * models/{name}/{version}/features.json   ordered feature names and types
 * models/{name}/{version}/metrics.json    validation metrics of model and baseline
 * models/{name}/{version}/training.json   origin, source and data range
 * models/{name}/current.json              the promoted version
 * </pre>
 *
 * Versions are immutable once written; promotion only rewrites the pointer, which is a single PUT.
 */
public class ModelRegistry {

  /** The model file name; SageMaker's built-in XGBoost calls its artifact the same. */
  public static final String MODEL_FILE = "xgboost-model";

  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final S3Client s3;
  private final String bucket;
  private final String modelName;
  private final JsonMapper json;

  public ModelRegistry(S3Client s3, String bucket, String modelName, JsonMapper json) {
    this.s3 = s3;
    this.bucket = bucket;
    this.modelName = modelName;
    this.json = json;
  }

  /** A new version name, ordered by time: {@code 20261122T101500123Z-trained}. */
  public static String newVersion(Instant now, String origin) {
    return VERSION_TIME.format(now) + "-" + origin;
  }

  /** Writes every artifact of a new version; the model file last, so a listed version is whole. */
  public void save(
      String version,
      byte[] model,
      FeatureSchema schema,
      ModelMetrics metrics,
      TrainingRange range) {
    put(key(version, "features.json"), json.writeValueAsBytes(schema.toDocument()));
    put(key(version, "metrics.json"), json.writeValueAsBytes(metrics));
    put(key(version, "training.json"), json.writeValueAsBytes(range));
    put(key(version, MODEL_FILE), model);
  }

  /**
   * Reads a version.
   *
   * @throws RegistryException when an artifact is missing or unreadable
   */
  public StoredModel load(String version) {
    byte[] model = get(key(version, MODEL_FILE));
    Map<String, Object> features =
        json.readValue(get(key(version, "features.json")), new TypeReference<>() {});
    ModelMetrics metrics = json.readValue(get(key(version, "metrics.json")), ModelMetrics.class);
    return new StoredModel(version, model, FeatureSchema.fromDocument(features), metrics);
  }

  /** A version's training range. */
  public TrainingRange trainingRange(String version) {
    return json.readValue(get(key(version, "training.json")), TrainingRange.class);
  }

  /** The promoted version, if any. */
  public Optional<PromotedPointer> promoted() {
    try {
      return Optional.of(json.readValue(get(pointerKey()), PromotedPointer.class));
    } catch (RegistryException e) {
      if (e.getCause() instanceof NoSuchKeyException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Points {@code current.json} at a version. */
  public void promote(PromotedPointer pointer) {
    put(pointerKey(), json.writeValueAsBytes(pointer));
  }

  /** Writes raw bytes as a version's artifact; for imports and for tests of broken artifacts. */
  public void putArtifact(String version, String name, byte[] bytes) {
    put(key(version, name), bytes);
  }

  /** Versions present in the registry (those with a model file), oldest first. */
  public List<String> versions() {
    String prefix = LakePath.prefix(LakeZone.MODELS, modelName);
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> o.key())
        .filter(k -> k.endsWith("/" + MODEL_FILE))
        .map(k -> k.substring(prefix.length(), k.length() - MODEL_FILE.length() - 1))
        .sorted()
        .toList();
  }

  /** The key of the pointer object. */
  public String pointerKey() {
    return new LakePath(LakeZone.MODELS, modelName, List.of(), "current.json").key();
  }

  private String key(String version, String name) {
    return LakePath.model(modelName, version, name).key();
  }

  private void put(String key, byte[] bytes) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new RegistryException("Cannot write s3://" + bucket + "/" + key, e);
    }
  }

  private byte[] get(String key) {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw new RegistryException("Cannot read s3://" + bucket + "/" + key, e);
    }
  }
}
