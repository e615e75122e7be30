package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Test;

class HttpStackTest {
  /** The user's customizer sees the builder first; the runtime's own interceptors are added to the same builder. */
  @Test
  void theCustomizerRunsFirstThenTheRuntimesInterceptors() throws Exception {
    List<String> order = new ArrayList<>();
    List<HttpClientBuilder> seen = new ArrayList<>();
    HttpStack.Settings s = new HttpStack.Settings(4, Duration.ofSeconds(1), Duration.ofSeconds(2),
        javax.net.ssl.SSLContext.getDefault(), null, null, null, false, "test-agent/1",
        b -> {
          order.add("customizer");
          seen.add(b);
        });
    try (PoolingHttpClientConnectionManager pool = HttpStack.pool(s)) {
      HttpClientBuilder built = HttpStack.client(s, pool, b -> {
        order.add("interceptors");
        seen.add(b);
      });
      assertEquals(List.of("customizer", "interceptors"), order);
      assertSame(built, seen.get(0));
      assertSame(built, seen.get(1));
    }
  }
}
