package io.customer360.infra.aws;

import io.customer360.common.aws.PlatformResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The Kinesis streams of {@link PlatformResources#streams()}, on-demand (capacity follows traffic,
 * no shard planning) and encrypted with a customer-managed key.
 */
public final class StreamingStack extends Stack {

  /** How long records stay readable, enough to replay a day's outage. */
  static final Duration RETENTION = Duration.hours(48);

  private final Key key;
  private final List<Stream> streams = new ArrayList<>();

  public StreamingStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    key =
        Key.Builder.create(this, "StreamKey")
            .alias("alias/c360-streams")
            .description("Customer 360 Kinesis streams")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    for (String name : PlatformResources.streams()) {
      streams.add(
          Stream.Builder.create(this, name)
              .streamName(name)
              .streamMode(StreamMode.ON_DEMAND)
              .encryption(StreamEncryption.KMS)
              .encryptionKey(key)
              .retentionPeriod(RETENTION)
              .build());
    }
  }

  public Key key() {
    return key;
  }

  public List<Stream> streams() {
    return List.copyOf(streams);
  }
}
