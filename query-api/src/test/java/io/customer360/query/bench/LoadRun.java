package io.customer360.query.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concurrency} workers each send the next request as soon as the last
 * one is answered. Requests started during the warm-up are not counted; latencies of those started
 * in the measured window and finished before its end give p50, p99 and the throughput.
 */
final class LoadRun {

  /** One request; true when it succeeded. */
  interface Call {
    boolean send(Random random) throws Exception;
  }

  /** What a run measured. */
  record Stats(long requests, long errors, double seconds, double p50Millis, double p99Millis) {

    double throughput() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          "n=%d rps=%.1f p50=%.1fms p99=%.1fms errors=%d",
          requests, throughput(), p50Millis, p99Millis, errors);
    }
  }

  private LoadRun() {}

  static Stats run(int concurrency, Duration warmup, Duration measure, Call call) throws Exception {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    AtomicLong errors = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    List<Future<long[]>> results = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      Random random = new Random(31L * w + 7);
      results.add(
          workers.submit(
              () -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  boolean ok;
                  try {
                    ok = call.send(random);
                  } catch (Exception e) {
                    ok = false;
                  }
                  long t1 = System.nanoTime();
                  if (t0 < measureFrom || t1 > end) {
                    continue;
                  }
                  if (!ok) {
                    errors.incrementAndGet();
                    continue;
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = t1 - t0;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    long[] all = new long[0];
    for (Future<long[]> f : results) {
      long[] part = f.get();
      long[] merged = Arrays.copyOf(all, all.length + part.length);
      System.arraycopy(part, 0, merged, all.length, part.length);
      all = merged;
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.MINUTES);
    Arrays.sort(all);
    return new Stats(
        all.length,
        errors.get(),
        measure.toNanos() / 1e9,
        percentile(all, 0.50),
        percentile(all, 0.99));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
