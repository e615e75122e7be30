package dev.sttclients.bench;

import dev.sttclients.daily.DailyClient;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.slng.SlngClient;
import dev.sttclients.verbit.VerbitClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One benchmark fork's world, shared by all its threads: the loopback server, each vendor's client (built once and
 * shared, as users are told to) and the raw baseline, both sides with the same pool size and timeouts.
 * Only public client API is used (builders, operations), so the harness runs unchanged on older and newer commits.
 */
@State(Scope.Benchmark)
public class Env {
  public LoopbackServer server;
  public GladiaClient gladia;
  /** The same client with {@code strictResponseValidation(true)}. */
  public GladiaClient gladiaStrict;
  public DailyClient daily;
  public SlngClient slng;
  public VerbitClient verbit;
  public Raw raw;

  @Setup(Level.Trial)
  public void setUp() {
    setUp(Long.getLong("bench.downloadBytes", Fixtures.DOWNLOAD_BYTES));
  }

  /** As {@link #setUp()}, serving downloads of {@code downloadBytes} (the smoke check uses a small size). */
  public void setUp(long downloadBytes) {
    server = LoopbackServer.start(downloadBytes);
    String base = server.baseUrl();
    gladia = gladia(base, false);
    gladiaStrict = gladia(base, true);
    // Each builder configured in full, method by method: no reliance on the builders' shared type, so that the
    // harness compiles against older and newer runtimes alike.
    daily = DailyClient.builder().apiKey(Fixtures.API_KEY).baseUrl(base)
        .maxConnections(Fixtures.MAX_CONNECTIONS).connectTimeout(Fixtures.CONNECT_TIMEOUT)
        .responseTimeout(Fixtures.RESPONSE_TIMEOUT).connectionRequestTimeout(Fixtures.CONNECTION_REQUEST_TIMEOUT)
        .build();
    slng = SlngClient.builder().apiKey(Fixtures.API_KEY).baseUrl(base)
        .maxConnections(Fixtures.MAX_CONNECTIONS).connectTimeout(Fixtures.CONNECT_TIMEOUT)
        .responseTimeout(Fixtures.RESPONSE_TIMEOUT).connectionRequestTimeout(Fixtures.CONNECTION_REQUEST_TIMEOUT)
        .build();
    verbit = VerbitClient.builder().apiKey(Fixtures.API_KEY).baseUrl(base)
        .maxConnections(Fixtures.MAX_CONNECTIONS).connectTimeout(Fixtures.CONNECT_TIMEOUT)
        .responseTimeout(Fixtures.RESPONSE_TIMEOUT).connectionRequestTimeout(Fixtures.CONNECTION_REQUEST_TIMEOUT)
        .build();
    raw = new Raw(base);
  }

  /** Gladia's client as every pair builds it (also the cold start's). */
  static GladiaClient gladia(String baseUrl, boolean strict) {
    return GladiaClient.builder().apiKey(Fixtures.API_KEY).baseUrl(baseUrl)
        .maxConnections(Fixtures.MAX_CONNECTIONS).connectTimeout(Fixtures.CONNECT_TIMEOUT)
        .responseTimeout(Fixtures.RESPONSE_TIMEOUT).connectionRequestTimeout(Fixtures.CONNECTION_REQUEST_TIMEOUT)
        .strictResponseValidation(strict)
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (AutoCloseable c : new AutoCloseable[] {gladia, gladiaStrict, daily, slng, verbit, raw, server}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing anyway
        }
      }
    }
  }
}
