package dev.sttclients.bench;

import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pair 3: every job of a {@link Fixtures#PAGES}-page listing ({@link Fixtures#PAGE_SIZE} jobs a page, filtered by
 * status): the client's {@code listAutoPaging} against a raw loop that requests {@code offset += limit} until
 * {@code next} is null. Both hand every job to the blackhole and return the count. {@code rawStrict} is the same
 * loop reading with the clients' own JSON rules ({@link Raw#gladiaListStrict}): what the client costs beyond them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Paging {
  static final ListParams PARAMS = ListParams.builder().status(List.of(JobStatus.DONE)).limit(Fixtures.PAGE_SIZE)
      .build();

  @Benchmark
  public int client(Env env, Blackhole bh) {
    int count = 0;
    for (PreRecordedJob job : env.gladia.preRecorded().listAutoPaging(PARAMS)) {
      bh.consume(job);
      count++;
    }
    return count;
  }

  @Benchmark
  public int raw(Env env, Blackhole bh) throws IOException {
    return rawLoop(env.raw::gladiaList, bh);
  }

  @Benchmark
  public int rawStrict(Env env, Blackhole bh) throws IOException {
    return rawLoop(env.raw::gladiaListStrict, bh);
  }

  interface PageCall {
    JobPage get(int offset, int limit) throws IOException;
  }

  private static int rawLoop(PageCall list, Blackhole bh) throws IOException {
    int count = 0;
    int offset = 0;
    JobPage page;
    do { // bounded: the fixture's last page has no next
      page = list.get(offset, Fixtures.PAGE_SIZE);
      for (PreRecordedJob job : page.getItems()) {
        bh.consume(job);
        count++;
      }
      offset += Fixtures.PAGE_SIZE;
    } while (page.getNext() != null);
    return count;
  }
}
