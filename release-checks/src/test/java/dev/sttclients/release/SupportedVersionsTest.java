package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The declared range of Jackson and HttpClient versions (README "Supported versions") is tested at both ends:
 * every published module ran its tests with the pinned versions (the default run) and again with the lowest
 * supported ones (the lowest-supported-deps run), and that second run really had the lowest versions, and only
 * them, on its classpath (read from the Surefire reports).
 */
class SupportedVersionsTest {

  @Test
  void everyPublishedModuleRanItsTestsAgainstTheLowestSupportedVersions() throws IOException {
    String jackson = System.getProperty("jackson.version");
    String jacksonLowest = System.getProperty("jackson.version.lowest");
    String http = System.getProperty("httpclient5.version");
    String httpLowest = System.getProperty("httpclient5.version.lowest");
    assertFalse(jackson.equals(jacksonLowest) && http.equals(httpLowest), "the range is a single version");
    List<String> problems = new ArrayList<>();
    for (PublishedArtifactsTest.Module m : PublishedArtifactsTest.published()) {
      Path lowest = m.dir().resolve("target/surefire-reports-lowest");
      List<Path> reports = reports(lowest);
      List<Path> pinned = reports(m.dir().resolve("target/surefire-reports"));
      if (reports.isEmpty() || pinned.isEmpty()) {
        problems.add(m.artifactId() + ": no test reports for " + (reports.isEmpty() ? "the lowest" : "the pinned")
            + " versions (a published module needs tests of its own)");
        continue;
      }
      for (Path report : reports) {
        String xml = Repo.read(report);
        if (xml.contains("failures=\"0\"") && xml.contains("errors=\"0\"")
            && hasJar(xml, "jackson-databind-" + jacksonLowest) && hasJar(xml, "httpclient5-" + httpLowest)
            && !hasJar(xml, "jackson-databind-" + jackson) && !hasJar(xml, "httpclient5-" + http)) {
          continue;
        }
        problems.add(report + ": not a green run on jackson-databind " + jacksonLowest + " and httpclient5 "
            + httpLowest + " alone");
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  private static boolean hasJar(String xml, String nameAndVersion) {
    return xml.contains("/" + nameAndVersion + ".jar");
  }

  private static List<Path> reports(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
  }
}
