package io.customer360.datagen;

import io.customer360.datagen.sink.DataSink;
import io.customer360.datagen.sink.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps everything sent, in order, as text, for comparisons. */
final class RecordingSink implements DataSink {

  final List<String> calls = new ArrayList<>();
  final Map<String, List<StreamRecord>> records = new TreeMap<>();

  @Override
  public void putRecords(String stream, List<StreamRecord> batch) {
    records.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(batch);
    for (StreamRecord r : batch) {
      calls.add("record " + stream + " " + r.partitionKey() + " " + r.text());
    }
  }

  @Override
  public void putFile(String key, byte[] content) {
    calls.add("file " + key + " " + new String(content, StandardCharsets.UTF_8));
  }

  @Override
  public void putTruth(String name, byte[] content) {
    calls.add("truth " + name + " " + new String(content, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {}
}
