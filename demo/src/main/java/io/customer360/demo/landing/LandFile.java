package io.customer360.demo.landing;

import io.customer360.common.aws.AwsClientFactory;
import io.customer360.common.contract.ContractRegistry;
import io.customer360.common.contract.DatasetContract;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/land-file.sh DATASET FILE [--data-dir=DIR] [--timeout=SECONDS]}: lands a file for a
 * dataset in the running local demo and tells what became of it.
 *
 * <ol>
 *   <li>Checks the dataset against the contracts (only datasets whose source channel is {@code
 *       landing}) and reads the file.
 *   <li>Finds the demo from {@code <data-dir>/running.properties} (default {@code .c360-local}),
 *       which its launcher writes while it runs.
 *   <li>Writes the file to {@code landing/<contract source>/<file name>} and prints its s3:// key.
 *   <li>Polls the lake every 2 s, at most {@code --timeout} seconds (180), until the outcome is
 *       known ({@link PipelineWatch} says when), then prints the rows in silver, the quarantined
 *       rows per reason code and their quarantine file, or the reason the whole file was
 *       quarantined and where it is. The last line is {@code LAND-FILE RESULT dataset=<d>
 *       file=<key> silver_rows=<n> quarantined_rows=<m> file_quarantined=<true|false>}.
 * </ol>
 *
 * Exit codes: {@value #EXIT_OK} processed, at least one row in silver; {@value #EXIT_FAILED} an
 * unexpected failure; {@value #EXIT_USAGE} a wrong argument, dataset or file; {@value
 * #EXIT_NOT_RUNNING} no running demo; {@value #EXIT_BAD_FILE} a bad file (quarantined whole, every
 * record quarantined, or no records); {@value #EXIT_TIMEOUT} no outcome within the timeout.
 */
public final class LandFile {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_NOT_RUNNING = 3;
  public static final int EXIT_BAD_FILE = 4;
  public static final int EXIT_TIMEOUT = 5;

  /** Where the user ran the script, which changes to the repository root before Java starts. */
  static final String CALLER_DIR_ENV = "C360_LAND_FILE_CWD";

  private final LandFileArgs args;
  private final PrintStream out;

  private LandFile(LandFileArgs args, PrintStream out) {
    this.args = args;
    this.out = out;
  }

  /**
   * Runs the command; prints the outcome to {@code out} and a one-line error to {@code err}.
   *
   * @param args the arguments after {@code land-file}
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.println(LandFileArgs.USAGE);
      out.println("exit codes: 0 processed, 2 bad arguments, 3 demo not running, 4 bad file,");
      out.println("5 no outcome within --timeout (default 180 s), 1 unexpected failure");
      return EXIT_OK;
    }
    try {
      Path workingDir = Path.of("").toAbsolutePath();
      return new LandFile(LandFileArgs.parse(args, callerDir(workingDir), workingDir), out).land();
    } catch (LandFileException e) {
      err.println("land-file: " + e.getMessage());
      return e.exitCode();
    } catch (RuntimeException e) {
      err.println("land-file: failed: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private int land() {
    DatasetContract contract =
        new LandingDatasets(ContractRegistry.loadDefault()).resolve(args.dataset());
    DroppedFile file = DroppedFile.read(args.file());
    String key = file.landingPath(contract.source().name()).key();
    RunningPlatform platform = RunningPlatform.requireRunning(args.dataDir());
    try (Lake lake =
        new Lake(new AwsClientFactory(platform.awsSettings()).s3(), platform.bucket())) {
      lake.requireReachable(platform.s3Endpoint());
      LandedObject landed = lake.put(key, file.path());
      out.printf(
          "Landed %s (%d bytes) as s3://%s/%s%n", file.name(), file.size(), lake.bucket(), key);
      return watch(lake, contract, file, landed);
    }
  }

  private int watch(Lake lake, DatasetContract contract, DroppedFile file, LandedObject landed) {
    Path work = workDir();
    try (ParquetRows parquet = new ParquetRows()) {
      OutcomeReport report = new OutcomeReport(lake.bucket(), contract);
      Probe probe = new LakeProbe(lake, contract, file, landed, parquet, work);
      out.printf(
          "Waiting up to %d s for the pipeline, checking every %d s%n",
          args.timeout().toSeconds(), PipelineWatch.POLL_INTERVAL.toSeconds());
      PipelineWatch.Result result =
          new PipelineWatch(probe, Clock.systemUTC(), LandFile::sleep, report.progressTo(out))
              .await(args.timeout());
      if (!result.known()) {
        throw new LandFileException(EXIT_TIMEOUT, report.timeout(result.last(), args.timeout()));
      }
      Outcome outcome = Outcome.of(contract.name(), landed.key(), result.last());
      report.details(result.last()).forEach(out::println);
      out.println(report.verdict(outcome, result.last()));
      out.println(outcome.resultLine());
      return outcome.exitCode();
    } finally {
      FileSystemUtils.deleteRecursively(work.toFile());
    }
  }

  private static Path callerDir(Path workingDir) {
    String dir = System.getenv(CALLER_DIR_ENV);
    return dir == null || dir.isBlank() ? workingDir : Path.of(dir);
  }

  private static Path workDir() {
    try {
      return Files.createTempDirectory("c360-land-file-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LandFileException(EXIT_FAILED, "interrupted while waiting for the outcome");
    }
  }
}
