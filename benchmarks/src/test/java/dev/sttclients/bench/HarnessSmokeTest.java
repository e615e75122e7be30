package dev.sttclients.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark harness working as the clients change: every benchmark method runs once and must return a
 * correctly decoded model (see {@link Smoke}). No timing is measured or asserted here.
 */
class HarnessSmokeTest {

  @Test
  void everyBenchmarkMethodDecodesItsResponse() throws Exception {
    List<String> checks = Smoke.run();
    assertEquals(6, checks.size(), String.join("\n", checks));
  }
}
