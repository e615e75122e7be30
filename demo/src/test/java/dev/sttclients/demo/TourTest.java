package dev.sttclients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.testkit.PrismServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command keeps working: the demo's commands, against Prism mocks of the four specs, each give the
 * exit code the demo says, every vendor answers, and every documented exit code shows up.
 */
class TourTest {
  private static final Map<String, PrismServer> MOCKS = new LinkedHashMap<>();

  @TempDir
  Path downloads;

  @BeforeAll
  static void start() {
    Map<String, CompletableFuture<PrismServer>> starting = new LinkedHashMap<>();
    Demo.VENDORS.forEach(v -> starting.put(v, CompletableFuture.supplyAsync(
        () -> PrismServer.start(PrismServer.specsDir().resolve(v + ".yaml")))));
    starting.forEach((v, f) -> MOCKS.put(v, f.join()));
  }

  @AfterAll
  static void stop() {
    MOCKS.values().forEach(PrismServer::close);
  }

  @Test
  void everyCommandGivesItsExitCodeAndEveryVendorAnswers() {
    Map<String, String> urls = new LinkedHashMap<>();
    MOCKS.forEach((v, p) -> urls.put(v, p.baseUrl()));

    List<Tour.Result> results = Tour.run(urls, downloads);

    for (Tour.Result r : results) {
      assertTrue(r.asExpected(), r.command() + " -> exit " + r.exit() + "\n" + r.out() + r.err());
      if (r.exit() == 0) {
        assertEquals("", r.err(), r.command());
      } else {
        assertEquals(1, r.err().lines().count(), r.command() + ": one line on stderr\n" + r.err());
      }
    }
    assertEquals(List.of(0, 1, 2, 3, 4), results.stream().map(Tour.Result::exit).distinct().sorted().toList());
    String status = results.get(0).out();
    for (String vendor : Demo.VENDORS) {
      assertTrue(status.lines().anyMatch(l -> l.startsWith(vendor + " ")), vendor + " in\n" + status);
    }

    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Demo.print(new PrintStream(screen, true, StandardCharsets.UTF_8), results);
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertFalse(shown.contains("!!"), shown);
    assertTrue(shown.lines().count() < 80, "about one screen: " + shown.lines().count() + " lines\n" + shown);
  }
}
