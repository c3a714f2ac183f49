package io.customer360.loader.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.customer360.loader.warehouse.WarehouseSqlException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class LoadFailedExceptionTest {

  @Test
  void classifiesDatabaseFailuresBySqlState() {
    assertThat(classify(sql("23505"))).isEqualTo("bad_data false");
    assertThat(classify(sql("22001"))).isEqualTo("bad_data false");
    assertThat(classify(sql("42P01"))).isEqualTo("bad_data false");
    assertThat(classify(sql("57P01"))).isEqualTo("database true");
    assertThat(classify(sql("08006"))).isEqualTo("database true");
    assertThat(classify(sql("40001"))).isEqualTo("database true");
  }

  @Test
  void classifiesStorageFailures() {
    assertThat(classify(NoSuchKeyException.builder().message("gone").build()))
        .isEqualTo("gold_object_missing false");
    assertThat(classify(SdkClientException.create("timeout"))).isEqualTo("storage true");
  }

  @Test
  void keepsFailuresAlreadyClassified() {
    LoadFailedException failure = LoadFailedException.permanent("schema_mismatch", "x");

    assertThat(LoadFailedException.classify(failure)).isSameAs(failure);
  }

  private static WarehouseSqlException sql(String state) {
    return WarehouseSqlException.statement("SELECT 1", new SQLException("failed", state));
  }

  private static String classify(Throwable failure) {
    LoadFailedException classified = LoadFailedException.classify(failure);
    return classified.reason() + " " + classified.retryable();
  }
}
