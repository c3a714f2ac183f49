package io.customer360.datagen.sink;

import java.util.List;

/**
 * Where generated data goes: records to streams, files to the landing area, ground truth beside
 * them. Implementations: {@link FolderSink} (local folder) and {@link AwsSink} (Kinesis and S3).
 */
public interface DataSink extends AutoCloseable {

  /** Sends records to a stream, in order. */
  void putRecords(String stream, List<StreamRecord> records);

  /** Stores a file under a lake key such as {@code landing/crm/customers_20260101.csv}. */
  void putFile(String key, byte[] content);

  /** Stores a ground-truth file, e.g. {@code counts.csv}, outside {@code landing/}. */
  void putTruth(String name, byte[] content);

  @Override
  void close();
}
