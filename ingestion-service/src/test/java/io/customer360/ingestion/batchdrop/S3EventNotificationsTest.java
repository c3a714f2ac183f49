package io.customer360.ingestion.batchdrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3EventNotificationsTest {

  private final S3EventNotifications notifications = new S3EventNotifications();

  @Test
  void readsCreatedLandingObjectsWithDecodedKeys() {
    String body =
        """
        {"Records":[
          {"eventName":"ObjectCreated:Put","s3":{"object":{"key":"landing/crm/customers+2024%2B.csv","size":42,"eTag":"abc"}}},
          {"eventName":"ObjectRemoved:Delete","s3":{"object":{"key":"landing/crm/old.csv","size":1,"eTag":"x"}}},
          {"eventName":"ObjectCreated:Copy","s3":{"object":{"key":"bronze/crm/x.csv","size":1,"eTag":"y"}}}
        ]}
        """;

    assertThat(notifications.createdObjects(body))
        .containsExactly(new LandingObject("landing/crm/customers 2024+.csv", "abc", 42));
  }

  @Test
  void testEventYieldsNothingAndGarbageIsRefused() {
    assertThat(
            notifications.createdObjects("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"))
        .isEmpty();
    assertThatThrownBy(() -> notifications.createdObjects("not json"))
        .hasMessageContaining("Not an S3 event notification");
    assertThatThrownBy(() -> notifications.createdObjects("{\"foo\":1}"))
        .hasMessageContaining("no Records");
  }
}
