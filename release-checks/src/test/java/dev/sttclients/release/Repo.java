package dev.sttclients.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository this build runs in, as the pom hands it to the tests, plus small helpers. */
final class Repo {
  private Repo() {
  }

  static Path root() {
    return Path.of(required("repo.root")).toAbsolutePath().normalize();
  }

  static String version() {
    return required("project.version");
  }

  /** The last released version (release/baseline/VERSION), or "none" before the first release. */
  static String baselineVersion() {
    return required("api.baseline.version");
  }

  static Path baselineDir() {
    return Path.of(required("api.baseline.dir"));
  }

  static Path specsDir() {
    return root().resolve("specs");
  }

  /** Our specs: specs/*.yaml (not specs/upstream/, not specs/lint/). */
  static List<Path> specs() {
    try (Stream<Path> files = Files.list(specsDir())) {
      List<Path> specs = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
      if (specs.isEmpty()) {
        throw new IllegalStateException("no specs in " + specsDir());
      }
      return specs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String vendorOf(Path spec) {
    return spec.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  static Path npmBin(String tool) {
    Path bin = Path.of(required("npm.bin.dir")).resolve(tool);
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(bin + " is missing: the testkit module installs it (npm ci)");
    }
    return bin;
  }

  private static String required(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank() || v.startsWith("${")) {
      throw new IllegalStateException("system property " + name + " is not set (run through Maven)");
    }
    return v;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document xml(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      return f.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** Text of the direct child element {@code name} of {@code parent}, or null. */
  static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> elements(Document doc, String name) {
    NodeList list = doc.getElementsByTagName(name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** A finished process: exit code and everything it printed (stdout and stderr interleaved). */
  record Run(int exit, String output) {
  }

  /** Runs a command with a deadline; never waits forever. */
  static Run run(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("release-checks", ".log");
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(log));
      }
      String out = Files.readString(log);
      Files.deleteIfExists(log);
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Semantic version major of "1.2.3" or "1.2.3-SNAPSHOT". */
  static int major(String version) {
    return Integer.parseInt(version.split("[.-]")[0]);
  }
}
