package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed release baseline (release/baseline/VERSION/: the last release's jars and specs, listed with
 * their SHA-256 in SHA256SUMS) is intact; every published module that has a baseline jar was really compared
 * with it by japicmp (skipping the check cannot hide a break); every released artifact and spec is still
 * there unless the major version moved; and every ACCEPTED-BREAKS.md is for the current baseline.
 */
class ReleaseBaselineTest {

  @Test
  void theBaselineIsIntactAndEveryPublishedModuleWasComparedWithIt() throws Exception {
    String baseline = Repo.baselineVersion();
    if (baseline.equals("none")) {
      assertFalse(Files.exists(Repo.root().resolve("release/baseline/none")));
      System.out.println("release baseline: none yet (first release)");
      return;
    }
    Path dir = Repo.baselineDir();
    Path sums = dir.resolve("SHA256SUMS");
    assertTrue(Files.exists(sums), sums + " lists the baseline's files");
    Map<String, String> listed = new LinkedHashMap<>();
    for (String line : Repo.read(sums).split("\\R")) {
      if (!line.isBlank()) {
        String[] parts = line.trim().split("\\s+\\*?", 2);
        listed.put(parts[1], parts[0]);
      }
    }
    Set<String> present;
    try (Stream<Path> files = Files.walk(dir)) {
      present = files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.equals("SHA256SUMS")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(listed.keySet()), present, "files in " + dir + " vs SHA256SUMS");
    for (Map.Entry<String, String> e : listed.entrySet()) {
      assertEquals(e.getValue(), sha256(dir.resolve(e.getKey())), e.getKey() + " changed since it was released");
    }

    boolean major = Repo.major(Repo.version()) > Repo.major(baseline);
    Set<String> published = new TreeSet<>();
    PublishedArtifactsTest.published().forEach(m -> published.add(m.artifactId()));
    List<String> problems = new ArrayList<>();
    for (String file : listed.keySet()) {
      String suffix = "-" + baseline + ".jar";
      if (file.contains("/") || !file.endsWith(suffix)) {
        continue;
      }
      String artifact = file.substring(0, file.length() - suffix.length());
      if (!published.contains(artifact) && !major) {
        problems.add(artifact + " was released in " + baseline + " and is no longer published");
      }
    }
    for (PublishedArtifactsTest.Module m : PublishedArtifactsTest.published()) {
      boolean hasBaseline = listed.containsKey(m.artifactId() + "-" + baseline + ".jar");
      Path reports = m.dir().resolve("target/japicmp");
      boolean compared = Files.isDirectory(reports) && list(reports).stream()
          .anyMatch(f -> f.getFileName().toString().startsWith("api-compatibility"));
      if (hasBaseline && !compared) {
        problems.add(m.artifactId() + " has a baseline jar but japicmp did not compare it (was the check skipped?)");
      }
      if (!hasBaseline) {
        System.out.println("release baseline: " + m.artifactId() + " is new since " + baseline);
      }
    }
    for (String file : listed.keySet()) {
      if (file.startsWith("specs/") && !Files.exists(Repo.specsDir().resolve(file.substring("specs/".length())))
          && !major) {
        problems.add(file + " was released in " + baseline + " and is gone");
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void everyAcceptedBreakIsForTheCurrentBaseline() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Repo.root(), 3)) {
      files = walk.filter(f -> f.getFileName().toString().equals("ACCEPTED-BREAKS.md"))
          .filter(f -> !f.toString().contains("node_modules") && !f.toString().contains("/target/")).toList();
    }
    String baseline = Repo.baselineVersion();
    for (Path f : files) {
      assertFalse(baseline.equals("none"), f + ": nothing has been released, so nothing can break");
      SpecCompatibility.Accepted a = SpecCompatibility.Accepted.read(f);
      assertEquals(baseline, a.baseline(), f + " was written for another baseline: remove it");
    }
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0;) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
