package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API compatibility gate (japicmp, configured once in the root pom for every published module) run by
 * Maven on copies of the runtime module whose jars were changed on purpose, against the runtime jar this build
 * made as their "last release" 1.4.0:
 * <ul>
 *   <li>a public class removed, next version 1.5.0-SNAPSHOT: red (binary-incompatible without a major bump);</li>
 *   <li>a public class added, 1.5.0-SNAPSHOT: green (a minor version may add);</li>
 *   <li>the class removed, 2.0.0-SNAPSHOT: green (the major version moved);</li>
 *   <li>the class removed, 1.5.0-SNAPSHOT, with a reviewed ACCEPTED-BREAKS.md: green.</li>
 * </ul>
 * One Maven run (a reactor of the four copies, --fail-at-end; jar:jar packages each copy's classes, then
 * japicmp compares) keeps this cheap.
 */
class ApiCompatibilityGateTest {
  private static final String REMOVED = "dev/sttclients/runtime/errors/ConflictException.class";
  private static final Pattern SUMMARY = Pattern.compile("(proof-[a-z]+) \\S+ \\.+ (SUCCESS|FAILURE|SKIPPED)");

  @Test
  void japicmpFailsABinaryIncompatibleChangeUnlessTheMajorMovesOrItIsAccepted(@TempDir Path dir) throws Exception {
    Path runtimeJar = Repo.root().resolve("clients/runtime/target/stt-runtime-" + Repo.version() + ".jar");
    assertTrue(Files.exists(runtimeJar), runtimeJar + " (built by clients/runtime before this module)");
    Path removedJar = dir.resolve("removed.jar");
    Path addedJar = dir.resolve("added.jar");
    copyJar(runtimeJar, removedJar, REMOVED, null, null);
    copyJar(runtimeJar, addedJar, null, "dev/sttclients/runtime/AddedInProof.class", compileAddedClass(dir));

    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("red", new Case("1.5.0-SNAPSHOT", removedJar, false, "FAILURE"));
    cases.put("added", new Case("1.5.0-SNAPSHOT", addedJar, false, "SUCCESS"));
    cases.put("major", new Case("2.0.0-SNAPSHOT", removedJar, false, "SUCCESS"));
    cases.put("accepted", new Case("1.5.0-SNAPSHOT", removedJar, true, "SUCCESS"));

    Path baseline = Files.createDirectories(dir.resolve("baseline"));
    Path reactor = Files.createDirectories(dir.resolve("reactor"));
    Path rootPom = Repo.root().resolve("pom.xml");
    String deps = runtimeDependencies();
    StringBuilder modules = new StringBuilder();
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      String artifact = "stt-runtime-" + e.getKey();
      Case c = e.getValue();
      Path module = Files.createDirectories(reactor.resolve(e.getKey()));
      Files.copy(runtimeJar, baseline.resolve(artifact + "-1.4.0.jar"));
      unzip(c.jar(), Files.createDirectories(module.resolve("target/classes")));
      if (c.accepted()) {
        Files.writeString(module.resolve("ACCEPTED-BREAKS.md"),
            "# Accepted breaking changes\nbaseline: 1.4.0\n\n- api: ConflictException removed (red-proof test)\n");
      }
      Files.writeString(module.resolve("pom.xml"), """
          <project xmlns="http://maven.apache.org/POM/4.0.0">
            <modelVersion>4.0.0</modelVersion>
            <parent>
              <groupId>dev.sttclients</groupId>
              <artifactId>stt-clients-parent</artifactId>
              <version>${revision}</version>
              <relativePath>%s</relativePath>
            </parent>
            <artifactId>%s</artifactId>
            <version>%s</version>
            <name>proof-%s</name>
            <properties>
              <publish.skip>false</publish.skip>
              <api.compat.skip>false</api.compat.skip>
              <api.baseline.version>1.4.0</api.baseline.version>
              <api.baseline.dir>%s</api.baseline.dir>
            </properties>
            <dependencies>%s</dependencies>
          </project>
          """.formatted(module.relativize(rootPom), artifact, c.version(), e.getKey(), baseline, deps));
      modules.append("<module>").append(e.getKey()).append("</module>");
    }
    Files.writeString(reactor.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>dev.sttclients</groupId>
            <artifactId>stt-clients-parent</artifactId>
            <version>${revision}</version>
            <relativePath>%s</relativePath>
          </parent>
          <artifactId>stt-api-gate-proof</artifactId>
          <packaging>pom</packaging>
          <name>proof-reactor</name>
          <modules>%s</modules>
        </project>
        """.formatted(reactor.relativize(rootPom), modules));

    Repo.Run run = Repo.run(reactor, List.of(Repo.root().resolve("mvnw").toString(), "-B", "-o", "-fae",
        "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
        // The root pom's version is ${revision}: a project outside its reactor names its parent's version the
        // same way (Maven compares the raw versions) and gives the value.
        "-Drevision=" + Repo.version(),
        "jar:jar", "japicmp:cmp@api-compatibility"), Map.of(), 240);

    Map<String, String> outcome = new LinkedHashMap<>();
    Matcher m = SUMMARY.matcher(run.output());
    while (m.find()) {
      outcome.put(m.group(1).substring("proof-".length()), m.group(2));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    cases.forEach((k, c) -> expected.put(k, c.expect()));
    expected.put("reactor", "SUCCESS");
    assertEquals(expected, outcome, () -> "japicmp outcomes per copy\n" + run.output());
    assertTrue(run.exit() != 0, "the run with a red copy must fail");
    assertTrue(run.output().contains("binary incompatible changes found"),
        () -> "the red copy failed for another reason:\n" + run.output());
  }

  record Case(String version, Path jar, boolean accepted, String expect) {
  }

  /** The runtime module's dependencies (japicmp resolves the classes the jar's API refers to). */
  private static String runtimeDependencies() {
    String pom = Repo.read(Repo.root().resolve("clients/runtime/pom.xml"));
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
    while (m.find()) {
      if (!m.group(1).contains("<scope>test</scope>")) {
        out.append("<dependency>").append(m.group(1)).append("</dependency>");
      }
    }
    assertTrue(out.length() > 0, "the runtime has dependencies");
    return out.toString();
  }

  private static void unzip(Path jar, Path dir) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry outside the directory: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (!e.getName().equals("META-INF/MANIFEST.MF")) {
          Files.createDirectories(target.getParent());
          try (InputStream is = in.getInputStream(e)) {
            Files.copy(is, target);
          }
        }
      }
    }
  }

  private static byte[] compileAddedClass(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/dev/sttclients/runtime")).resolve("AddedInProof.java");
    Files.writeString(src, "package dev.sttclients.runtime;\n"
        + "public final class AddedInProof { public static int answer() { return 42; } }\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "a JDK");
    Path out = Files.createDirectories(dir.resolve("classes"));
    assertEquals(0, javac.run(null, null, null, "--release", "17", "-d", out.toString(), src.toString()));
    return Files.readAllBytes(out.resolve("dev/sttclients/runtime/AddedInProof.class"));
  }

  private static void copyJar(Path from, Path to, String drop, String addName, byte[] addBytes) throws IOException {
    List<String> seen = new ArrayList<>();
    try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(os)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        seen.add(e.getName());
        if (e.getName().equals(drop)) {
          continue;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream is = in.getInputStream(e)) {
          is.transferTo(out);
        }
        out.closeEntry();
      }
      if (addName != null) {
        out.putNextEntry(new ZipEntry(addName));
        out.write(addBytes);
        out.closeEntry();
      }
    }
    if (drop != null) {
      assertTrue(seen.contains(drop), drop + " is not in " + from + ": pick another public class to remove");
    }
  }
}
