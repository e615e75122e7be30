package dev.sttclients.bench;

import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.verbit.model.JobInfo;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Pair 6: one read operation of each other vendor, client against raw (Daily get, SLNG get, Verbit info). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VendorGet {

  @Benchmark
  public BatchProcessorJob dailyClient(Env env) {
    return env.daily.batchProcessor().get(Fixtures.DAILY_ID);
  }

  @Benchmark
  public BatchProcessorJob dailyRaw(Env env) throws IOException {
    return env.raw.dailyGet(Fixtures.DAILY_ID);
  }

  @Benchmark
  public BatchJob slngClient(Env env) {
    return env.slng.batchJobs().get(Fixtures.SLNG_ID);
  }

  @Benchmark
  public BatchJob slngRaw(Env env) throws IOException {
    return env.raw.slngGet(Fixtures.SLNG_ID);
  }

  @Benchmark
  public JobInfo verbitClient(Env env) {
    return env.verbit.jobs().info(Fixtures.VERBIT_JOB_ID);
  }

  @Benchmark
  public JobInfo verbitRaw(Env env) throws IOException {
    return env.raw.verbitInfo(Fixtures.VERBIT_JOB_ID);
  }
}
