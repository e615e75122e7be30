package dev.sttclients.slng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobStatus;
import dev.sttclients.slng.model.JobSubmission;
import dev.sttclients.slng.model.NewBatchJob;
import dev.sttclients.slng.model.TranscriptionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB (SLNG's documented maximum) through each upload path of the client in a JVM whose whole heap is 64 MiB
 * (surefire execution {@code upload-in-64m-heap}, {@code -Xmx64m}): any buffering of the body would fail with
 * OutOfMemoryError. A loopback server plays SLNG and its object storage, reading each body as a stream and checking
 * its length, its CRC32C and, for the multipart form, its framing.
 */
class LargeUploadTest {
  private static final long SIZE = 1L << 30; // exactly SLNG's limit, read as 1 GiB: allowed
  private static final long HEAP_LIMIT = 64L * 1024 * 1024;

  private static HttpServer server;
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
  /** What the server received: per path, the body bytes and CRC32C of the file, and whether a key came along. */
  private static final ConcurrentHashMap<String, long[]> RECEIVED = new ConcurrentHashMap<>();
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
  private static SlngClient slng;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException {
    assertTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
        "run in a JVM with -Xmx64m (the surefire execution upload-in-64m-heap does), max heap is "
            + Runtime.getRuntime().maxMemory());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(EXECUTOR);
    server.createContext("/", LargeUploadTest::handle);
    server.start();
    slng = SlngClient.builder().apiKey("large-upload-key").baseUrl(base() + "/api").maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    if (slng != null) {
      slng.close();
    }
    if (server != null) {
      server.stop(0);
    }
    EXECUTOR.shutdownNow();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void oneGibFileInOneMultipartRequest() throws IOException {
    Path file = dir.resolve("long-meeting.wav");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(SIZE); // sparse: 1 GiB of zeros, nothing written to disk
    }
    CRC32C expected = new CRC32C();
    byte[] zeros = new byte[1 << 20];
    for (long n = 0; n < SIZE; n += zeros.length) {
      expected.update(zeros, 0, zeros.length);
    }
    resetPeaks();
    long started = System.nanoTime();

    JobSubmission queued = slng.batchJobs().upload(BinaryBody.of(file), new TranscriptionConfig().language("en"),
        "bigjob1", null, null, null, null);

    report("multipart upload of a 1 GiB file", started);
    assertEquals("QUEUED", queued.getStatus());
    long[] got = RECEIVED.get("multipart");
    assertEquals(SIZE, got[0], "file bytes the server read");
    assertEquals(expected.getValue(), got[1], "CRC32C of the file part");
    assertEquals(1, got[2], "the part was followed by the form's next delimiter");
  }

  @Test
  void oneGibStreamThroughThePresignedFlow() {
    Generated audio = new Generated(SIZE);
    resetPeaks();
    long started = System.nanoTime();

    BatchJob job = slng.transcribe(BinaryBody.of(audio, SIZE, "long-meeting.wav"),
        new NewBatchJob().jobId("bigjob2"), WaitOptions.builder().sleeper(d -> { }).build());

    report("presigned PUT of a 1 GiB stream (transcribe: presign, PUT, create, poll)", started);
    assertEquals(BatchJobStatus.DONE, job.getStatus());
    long[] got = RECEIVED.get("put");
    assertEquals(SIZE, got[0]);
    assertEquals(audio.crc.getValue(), got[1], "CRC32C of what the storage received = of what the stream gave");
    assertEquals(SIZE, audio.read, "the stream was read once, exactly to its length");
    assertFalse(AUTHORIZATIONS.contains("storage"), "the API key went to the storage origin");
    assertTrue(AUTHORIZATIONS.contains("api"), "the API got its key");
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static void report(String what, long startedNanos) {
    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("LargeUploadTest: %s: %d ms, peak heap used %.1f MiB of %d MiB max%n", what, ms,
        peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
  }

  /** Deterministic bytes of a given length, generated as they are read, with their CRC32C. */
  private static final class Generated extends InputStream {
    private final long length;
    private final CRC32C crc = new CRC32C();
    private long read;
    private long state = 0x9E3779B97F4A7C15L;

    Generated(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - read);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      crc.update(b, off, n);
      read += n;
      return n;
    }
  }

  // ---- the loopback server: SLNG's API under /api, its object storage under /storage ----

  private static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      boolean keyed = ex.getRequestHeaders().getFirst("Authorization") != null;
      if (keyed) {
        AUTHORIZATIONS.add(path.startsWith("/storage") ? "storage" : "api");
      }
      String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
      if (path.startsWith("/storage/") && ex.getRequestMethod().equals("PUT")) {
        long length = Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
        CRC32C crc = new CRC32C();
        long n = consume(ex.getRequestBody(), length, crc);
        drain(ex.getRequestBody());
        RECEIVED.put("put", new long[] {n, crc.getValue()});
        respond(ex, 200, "");
      } else if (path.equals("/api/v1/batch/jobs") && contentType.startsWith("multipart/form-data")) {
        RECEIVED.put("multipart", readMultipartFile(ex.getRequestBody(), contentType.split("boundary=")[1]));
        respond(ex, 202, "{\"job_id\": \"bigjob1\", \"status\": \"QUEUED\"}");
      } else if (path.equals("/api/v1/batch/jobs")) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("\"presign\"")) {
          respond(ex, 200, """
              {"job_id": "bigjob2", "transcription_config": {}, "input_s3_uri": "s3://in/bigjob2.wav",
               "output_s3_prefix": "s3://out/bigjob2/",
               "upload": {"url": "%s/storage/inputs/bigjob2.wav?X-Amz-Signature=s", "s3_key": "inputs/bigjob2.wav",
                          "s3_uri": "s3://in/inputs/bigjob2.wav", "expires_in": 1800,
                          "headers": {"Content-Type": "application/octet-stream"}}}
              """.formatted(base()));
        } else {
          respond(ex, 202, "{\"job_id\": \"bigjob2\", \"status\": \"QUEUED\"}");
        }
      } else if (path.startsWith("/api/v1/batch/jobs/")) {
        respond(ex, 200, "{\"job_id\": \"bigjob2\", \"status\": \"DONE\"}");
      } else {
        respond(ex, 404, "{\"error\": \"Not found\"}");
      }
    }
  }

  /**
   * The form's first part must be the file: its headers up to the blank line, then exactly {@link #SIZE} bytes
   * (into a CRC32C), then the next delimiter. Returns {bytes, crc, 1 when the delimiter followed}.
   */
  private static long[] readMultipartFile(InputStream in, String boundary) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n") && head.length() < 4096) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    if (!head.toString().startsWith("--" + boundary + "\r\n") || !head.toString().contains("name=\"file\"")) {
      throw new IOException("the form does not start with the file part: " + head);
    }
    CRC32C crc = new CRC32C();
    long n = consume(in, SIZE, crc);
    byte[] next = in.readNBytes(("\r\n--" + boundary).length());
    drain(in);
    boolean delimited = new String(next, StandardCharsets.ISO_8859_1).equals("\r\n--" + boundary);
    return new long[] {n, crc.getValue(), delimited ? 1 : 0};
  }

  private static long consume(InputStream in, long length, CRC32C crc) throws IOException {
    byte[] buf = new byte[256 * 1024];
    long total = 0;
    while (total < length) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, length - total));
      if (n < 0) {
        break;
      }
      crc.update(buf, 0, n);
      total += n;
    }
    return total;
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(java.io.OutputStream.nullOutputStream());
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
  }
}
