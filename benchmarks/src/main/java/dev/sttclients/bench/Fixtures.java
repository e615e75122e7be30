package dev.sttclients.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the loopback server serves and what both sides of every pair ask for: one success body per vendor (a
 * spec example, see {@code responses/README.md}), the ids, the paging shape and the download size.
 */
public final class Fixtures {
  /** Sent as every vendor's credential; the loopback server does not check it. */
  public static final String API_KEY = "bench-key-not-a-secret";

  /**
   * Pool and timeouts of both sides of every pair, set explicitly on the client's builder and on the raw
   * baseline (they are also the clients' defaults today).
   */
  public static final int MAX_CONNECTIONS = 64;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration CONNECTION_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public static final String GLADIA_ID = "9c1f3a52-6d0e-4b7a-9f61-2f7c1b0d4e88";
  public static final String DAILY_ID = "1dae15c5-6a85-4d65-ab00-4b19bb054b84";
  public static final String SLNG_ID = "myjob123";
  public static final long VERBIT_JOB_ID = 123456;
  public static final int VERBIT_API_VERSION = 4;

  /** Auto-paging: this many pages of {@link #PAGE_SIZE} jobs each, the last one with {@code next: null}. */
  public static final int PAGES = 50;
  public static final int PAGE_SIZE = 20;

  /** The download pair's body size unless {@code -Dbench.downloadBytes} says otherwise: 1 GiB. */
  public static final long DOWNLOAD_BYTES = 1L << 30;

  public static final String GLADIA_JOB = resource("gladia-job.json");
  public static final String DAILY_JOB = resource("daily-job.json");
  public static final String SLNG_JOB = resource("slng-job.json");
  public static final String VERBIT_JOB_INFO = resource("verbit-job-info.json");

  private Fixtures() {}

  /** The id of the {@code n}-th job of a listing: 00000000-0000-4000-8000-00000000000n. */
  public static String listedJobId(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /** Page {@code index} (0-based) of the listing, links on Gladia's public host as the real API writes them. */
  static String page(int index) {
    String api = "https://api.gladia.io/v2/pre-recorded?status=done";
    StringBuilder sb = new StringBuilder(PAGE_SIZE * (GLADIA_JOB.length() + 1) + 400);
    sb.append("{\"first\":\"").append(api).append("&offset=0&limit=").append(PAGE_SIZE).append("\",");
    sb.append("\"current\":\"").append(api).append("&offset=").append(index * PAGE_SIZE).append("&limit=")
        .append(PAGE_SIZE).append("\",");
    if (index + 1 < PAGES) {
      sb.append("\"next\":\"").append(api).append("&offset=").append((index + 1) * PAGE_SIZE).append("&limit=")
          .append(PAGE_SIZE).append("\",");
    } else {
      sb.append("\"next\":null,");
    }
    sb.append("\"items\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(GLADIA_JOB.replace(GLADIA_ID, listedJobId(index * PAGE_SIZE + i)));
    }
    return sb.append("]}").toString();
  }

  private static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource responses/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
