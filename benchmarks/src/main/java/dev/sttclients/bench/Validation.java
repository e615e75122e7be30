package dev.sttclients.bench;

import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The request half of pair 7: checking a {@code list} call's parameters against the spec, nothing sent
 * ({@code validateList}, what every {@code list} call does first), against plain Java checks of the same bounds
 * ({@code offset >= 0}, {@code limit >= 1}). The strict-response half is {@link GladiaGet#clientStrict}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Validation {

  /** The parameters, read from a field so that the JIT cannot fold the checks away. */
  @State(Scope.Benchmark)
  public static class Params {
    public ListParams params = ListParams.builder().offset(40).limit(Fixtures.PAGE_SIZE)
        .status(List.of(JobStatus.DONE)).build();
  }

  @Benchmark
  public ListParams client(Env env, Params p) {
    env.gladia.preRecorded().validateList(p.params);
    return p.params;
  }

  @Benchmark
  public ListParams plain(Params p) {
    return plainCheck(p.params);
  }

  /** The spec's bounds on list's parameters as hand-written checks (the only constrained ones are these two). */
  static ListParams plainCheck(ListParams p) {
    if (p.getOffset() != null && p.getOffset() < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + p.getOffset());
    }
    if (p.getLimit() != null && p.getLimit() < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + p.getLimit());
    }
    return p;
  }
}
