package dev.sttclients.faults;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.RetryEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.function.Executable;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared fixtures of the fault suite, and the evidence the secret scan reads at the end. */
final class Faults {
  /** The API key every client in the suite uses; SecretScanTest looks for it everywhere. */
  static final String API_KEY = "gk-FAULT-SUITE-7f3c9e21-do-not-leak";
  static final String JOB_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab";
  static final String JOB_PATH = "/v2/pre-recorded/" + JOB_ID;
  static final String JOB_JSON = """
      {"id":"45463597-20b7-4af7-b3b3-f5fb778203ab","request_id":"G-45463597","version":2,"status":"done",
       "created_at":"2023-12-28T09:04:17.210Z","post_session_metadata":{},"kind":"pre-recorded",
       "completed_at":"2023-12-28T09:04:37.210Z","custom_metadata":{"user":"John Doe"},"error_code":null}""";
  static final String NOT_FOUND_JSON = """
      {"timestamp":"2024-03-01T10:00:01.000Z","path":"/v2/pre-recorded/45463597-20b7-4af7-b3b3-f5fb778203ab",
       "request_id":"G-5e6f7a8b","statusCode":404,"message":"Job not found"}""";

  /** Every exception the suite provoked from a client, and every retry event it saw. */
  static final List<Throwable> THROWN = new CopyOnWriteArrayList<>();
  static final List<RetryEvent> EVENTS = new CopyOnWriteArrayList<>();
  /** toString() of clients, configs and responses the suite made. */
  static final List<String> RENDERED = new CopyOnWriteArrayList<>();

  private Faults() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20))
        .build();
  }

  static String baseUrl(WireMockExtension wm) {
    return "http://127.0.0.1:" + wm.getPort();
  }

  /** How many requests the server received, whatever happened to them. */
  static int serverSaw(WireMockExtension wm) {
    return wm.findAll(RequestPatternBuilder.allRequests()).size();
  }

  /**
   * The number of requests the server received once it reached {@code expected} (or after 2 s): WireMock journals a
   * request on one of its own threads, which on a loaded machine can lag behind the client that already gave up.
   */
  static int serverSawEventually(WireMockExtension wm, int expected) throws InterruptedException {
    long end = System.nanoTime() + 2_000_000_000L;
    while (serverSaw(wm) < expected && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return serverSaw(wm);
  }

  /** A Gladia client with the suite's key, the recording sleeper and listener, and short timeouts. */
  static GladiaClient.Builder gladia(String baseUrl, Harness h) {
    return GladiaClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .sleeper(h.sleeper)
        .retryListener(h::onRetry)
        .connectTimeout(java.time.Duration.ofSeconds(2))
        .responseTimeout(java.time.Duration.ofSeconds(5))
        .connectionRequestTimeout(java.time.Duration.ofSeconds(2));
  }

  /** assertThrows, keeping the exception for the secret scan. */
  static <T extends Throwable> T fails(Class<T> type, Executable call) {
    T t = assertThrows(type, call);
    THROWN.add(t);
    return t;
  }

  /** A loopback port nothing listens on (bound, then released). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
