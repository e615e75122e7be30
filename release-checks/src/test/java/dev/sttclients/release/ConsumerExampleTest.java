package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The consumer example (examples/gladia-consumer, run by examples/run.sh from the installed jars) runs what
 * README shows: its code holds README's Gladia snippet line for line (only the builder line may add
 * baseUrl(...)), it imports the BOM rather than naming versions, and it defaults to the project version.
 */
class ConsumerExampleTest {
  private static final Path EXAMPLE = Repo.root().resolve("examples/gladia-consumer");

  @Test
  void theExampleRunsReadmesGladiaSnippet() {
    String readme = Repo.read(Repo.root().resolve("README.md"));
    int section = readme.indexOf("### Gladia");
    assertTrue(section >= 0, "README has a \"### Gladia\" section");
    int start = readme.indexOf("```java", section);
    int end = readme.indexOf("```", start + 7);
    assertTrue(start > 0 && end > start, "README's Gladia section has a java block");
    List<String> snippet = new ArrayList<>();
    for (String line : readme.substring(start + 7, end).split("\\R")) {
      if (!line.isBlank()) {
        snippet.add(line.trim());
      }
    }
    assertTrue(snippet.size() > 5, "a snippet of some length");

    String code = Repo.read(EXAMPLE.resolve("src/main/java/com/example/stt/GladiaReadme.java"));
    List<String> lines = code.lines().map(String::trim).toList();
    int at = 0;
    for (String wanted : snippet) {
      boolean builder = wanted.startsWith("try (GladiaClient gladia = GladiaClient.builder()");
      int found = -1;
      for (int i = at; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.equals(wanted) || (builder && l.equals(wanted.replace(".build()) {", ".baseUrl(baseUrl).build()) {")))) {
          found = i;
          break;
        }
      }
      assertTrue(found >= 0, "the example lacks README's line (or has it out of order):\n  " + wanted);
      at = found + 1;
    }
  }

  @Test
  void theExampleImportsTheBomAtTheProjectVersion() {
    Element pom = Repo.xml(EXAMPLE.resolve("pom.xml")).getDocumentElement();
    Element props = Repo.children(pom, "properties").get(0);
    assertEquals(Repo.version(), Repo.child(props, "stt.version"), "release/set-version.sh keeps it in step");
    Element dm = Repo.children(pom, "dependencyManagement").get(0);
    Element bom = Repo.children(Repo.children(dm, "dependencies").get(0), "dependency").get(0);
    assertEquals("stt-bom", Repo.child(bom, "artifactId"));
    assertEquals("import", Repo.child(bom, "scope"));
    for (Element dep : Repo.children(Repo.children(pom, "dependencies").get(0), "dependency")) {
      if ("dev.sttclients".equals(Repo.child(dep, "groupId"))) {
        assertEquals(null, Repo.child(dep, "version"), "versions come from the BOM");
      }
    }
    assertNotNull(Repo.child(pom, "build"));

    java.util.regex.Matcher readme = java.util.regex.Pattern
        .compile("<artifactId>stt-bom</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Repo.read(Repo.root().resolve("README.md")));
    assertTrue(readme.find(), "README shows how to import the BOM");
    assertEquals(Repo.version(), readme.group(1), "README's BOM version (release/set-version.sh keeps it in step)");
  }
}
