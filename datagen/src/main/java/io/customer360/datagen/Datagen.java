package io.customer360.datagen;

import io.customer360.datagen.sim.RunSummary;
import io.customer360.datagen.sim.Simulation;
import io.customer360.datagen.sink.DataSink;

/**
 * The library entry point: {@code Datagen.run(DatagenConfig.of(1, 1000), new FolderSink(dir))}
 * generates every dataset with its ground truth into the sink.
 */
public final class Datagen {

  private Datagen() {}

  /** Generates a run into the sink (the caller closes the sink). */
  public static RunSummary run(DatagenConfig config, DataSink sink) {
    return new Simulation(config, sink).run();
  }
}
