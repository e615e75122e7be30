package dev.sttclients.bench;

import dev.sttclients.gladia.model.PreRecordedJob;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Pairs 1 and 2 (one Gladia job: {@code get()} against the raw call; the runner measures it as time per call on one
 * thread and as throughput on 8 and 64 threads) and the strict half of pair 7 ({@code get()} with
 * {@code strictResponseValidation(true)} against the same call without).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GladiaGet {

  @Benchmark
  public PreRecordedJob client(Env env) {
    return env.gladia.preRecorded().get(Fixtures.GLADIA_ID);
  }

  @Benchmark
  public PreRecordedJob raw(Env env) throws IOException {
    return env.raw.gladiaGet(Fixtures.GLADIA_ID);
  }

  @Benchmark
  public PreRecordedJob clientStrict(Env env) {
    return env.gladiaStrict.preRecorded().get(Fixtures.GLADIA_ID);
  }
}
