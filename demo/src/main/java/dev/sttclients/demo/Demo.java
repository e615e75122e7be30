package dev.sttclients.demo;

import dev.sttclients.testkit.PrismServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The README's first command: starts a Prism mock of each of the four specs on free loopback ports (in parallel),
 * runs the {@code jobs} tool against them ({@link Tour}), prints each command with what it printed and its exit
 * code, and stops the mocks. Exits non-zero if any command did not give the exit code it should.
 */
public final class Demo {
  static final List<String> VENDORS = List.of("gladia", "daily", "slng", "verbit");
  private static final int JSON_LINES_SHOWN = 8;

  private Demo() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, CompletableFuture<PrismServer>> starting = new LinkedHashMap<>();
    for (String vendor : VENDORS) {
      starting.put(vendor, CompletableFuture.supplyAsync(
          () -> PrismServer.start(PrismServer.specsDir().resolve(vendor + ".yaml"))));
    }
    Map<String, PrismServer> mocks = new LinkedHashMap<>();
    Path downloads = Files.createTempDirectory("jobs-demo-");
    boolean allAsExpected;
    try {
      for (Map.Entry<String, CompletableFuture<PrismServer>> e : starting.entrySet()) {
        mocks.put(e.getKey(), e.getValue().join());
      }
      Map<String, String> urls = new LinkedHashMap<>();
      mocks.forEach((vendor, prism) -> urls.put(vendor, prism.baseUrl()));

      out.println("Prism mocks of specs/*.yaml: " + urls);
      out.println("Each command gets --base-url for its vendor's mock and a demo key in GLADIA_API_KEY, ...; the same");
      out.println("commands run as: java -jar cli/target/jobs.jar ...   (see docs/cli.md)");
      List<Tour.Result> results = Tour.run(urls, downloads);
      print(out, results);
      allAsExpected = results.stream().allMatch(Tour.Result::asExpected);
    } finally {
      starting.values().forEach(f -> f.thenAccept(PrismServer::close));
      try (var files = Files.list(downloads)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(downloads);
    }
    if (!allAsExpected) {
      out.println("demo: some commands did not give the exit code they should (marked above)");
      System.exit(1);
    }
  }

  static void print(PrintStream out, List<Tour.Result> results) {
    for (Tour.Result r : results) {
      if (r.step().what() != null) {
        out.println();
        out.println("# " + r.step().what());
      }
      out.println("$ " + r.command());
      List<String> lines = r.out().lines().toList();
      boolean json = r.out().startsWith("{") || r.out().startsWith("[");
      int shown = json ? Math.min(JSON_LINES_SHOWN, lines.size()) : lines.size();
      lines.subList(0, shown).forEach(out::println);
      if (shown < lines.size()) {
        out.println("  ... (" + (lines.size() - shown) + " more line" + (lines.size() - shown == 1 ? "" : "s") + ")");
      }
      r.err().lines().forEach(l -> out.println("stderr: " + l));
      if (r.exit() != 0 || !r.asExpected()) {
        out.println("[exit " + r.exit() + (r.asExpected() ? "" : ", expected " + r.step().expectedExit() + " !!") + "]");
      }
    }
  }
}
