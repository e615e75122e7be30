package dev.sttclients.bench;

import dev.sttclients.runtime.BinaryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Pair 4: Gladia's audio download ({@link Fixtures#DOWNLOAD_BYTES}, 1 GiB, unless {@code -Dbench.downloadBytes})
 * read to the end through a 64 KiB buffer: {@code getFile()} against raw streaming. The runner forks these with
 * {@code -Xmx64m}, so a body held in memory would fail rather than show up as a slow figure.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Download {

  /** One read buffer per thread, the same size on both sides. */
  @State(Scope.Thread)
  public static class Buffer {
    public final byte[] bytes = new byte[64 * 1024];
  }

  @Benchmark
  public long client(Env env, Buffer buffer) throws IOException {
    long total = 0;
    try (BinaryResponse audio = env.gladia.preRecorded().getFile(Fixtures.GLADIA_ID);
        InputStream in = audio.body()) {
      for (int n; (n = in.read(buffer.bytes)) > 0; ) {
        total += n;
      }
    }
    return total;
  }

  @Benchmark
  public long raw(Env env, Buffer buffer) throws IOException {
    return env.raw.gladiaDownload(Fixtures.GLADIA_ID, buffer.bytes);
  }
}
