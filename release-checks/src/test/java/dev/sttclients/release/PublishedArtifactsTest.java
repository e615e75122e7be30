package dev.sttclients.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a consumer gets from each published artifact: the BOM lists exactly the published modules at the
 * project version; every published jar has an Automatic-Module-Name owning its packages, the licence, a sources
 * jar with every class's source (generated code included) and a javadoc jar with a page for every public class
 * (the generated models and APIs carrying their spec's descriptions and summaries); every installed pom is
 * flattened (no parent to resolve, every version written out, the licence/SCM/developer metadata present).
 * A module is published when its build made a javadoc jar (publish.skip=false).
 */
class PublishedArtifactsTest {
  private static final String VERSION = Repo.version();

  /** A reactor module: its directory and coordinates. */
  record Module(Path dir, String artifactId, String packaging) {
    Path jar(String classifier) {
      return dir.resolve("target/" + artifactId + "-" + VERSION + (classifier == null ? "" : "-" + classifier) + ".jar");
    }

    boolean published() {
      return Files.exists(jar("javadoc"));
    }
  }

  static List<Module> modules() {
    List<Module> out = new ArrayList<>();
    Document root = Repo.xml(Repo.root().resolve("pom.xml"));
    for (Element m : Repo.elements(root, "module")) {
      Path dir = Repo.root().resolve(m.getTextContent().trim());
      Element pom = Repo.xml(dir.resolve("pom.xml")).getDocumentElement();
      String packaging = Repo.child(pom, "packaging");
      out.add(new Module(dir, Repo.child(pom, "artifactId"), packaging == null ? "jar" : packaging));
    }
    return out;
  }

  static List<Module> published() {
    List<Module> p = modules().stream().filter(m -> m.packaging().equals("jar") && m.published()).toList();
    assertFalse(p.isEmpty(), "no published module was built (is release-checks last in the reactor?)");
    return p;
  }

  @Test
  void theBomListsEveryPublishedArtifactAtTheProjectVersion() throws IOException {
    Element bom = Repo.xml(Repo.root().resolve("bom/pom.xml")).getDocumentElement();
    assertEquals(VERSION, Repo.child(bom, "version"), "bom/pom.xml's version must be the project's ${revision}"
        + " (release/set-version.sh changes both)");
    assertEquals(null, Repo.child(bom, "parent"), "the BOM must not have a parent: a consumer would resolve it");
    Set<String> listed = new TreeSet<>();
    Element dm = Repo.children(bom, "dependencyManagement").get(0);
    for (Element dep : Repo.children(Repo.children(dm, "dependencies").get(0), "dependency")) {
      assertEquals("dev.sttclients", Repo.child(dep, "groupId"));
      assertEquals("${project.version}", Repo.child(dep, "version"), "one version for every artifact");
      listed.add(Repo.child(dep, "artifactId"));
    }
    Set<String> built = new TreeSet<>();
    published().forEach(m -> built.add(m.artifactId()));
    assertEquals(built, listed, "bom/pom.xml must list exactly the published modules (those with publish.skip=false)");
    for (Module m : published()) {
      for (String classifier : new String[] {null, "sources", "javadoc"}) {
        assertTrue(Files.size(m.jar(classifier)) > 0, m.jar(classifier) + " is missing or empty");
      }
    }
  }

  @Test
  void everyPublishedJarHasAModuleNameAndTheLicence() throws IOException {
    byte[] licence = Files.readAllBytes(Repo.root().resolve("LICENSE"));
    Map<String, String> names = new TreeMap<>();
    for (Module m : published()) {
      try (JarFile jar = new JarFile(m.jar(null).toFile())) {
        Manifest mf = jar.getManifest();
        assertNotNull(mf, m.artifactId() + " has no manifest");
        String name = mf.getMainAttributes().getValue("Automatic-Module-Name");
        assertNotNull(name, m.artifactId() + " has no Automatic-Module-Name");
        assertTrue(name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*"), m.artifactId() + ": bad module name " + name);
        String clash = names.put(name, m.artifactId());
        assertEquals(null, clash, name + " names two jars");
        for (String cls : classes(jar)) {
          assertTrue(cls.replace('/', '.').startsWith(name + "."),
              m.artifactId() + ": " + cls + " is outside its module's package " + name);
        }
        ZipEntry lic = jar.getEntry("META-INF/LICENSE");
        assertNotNull(lic, m.artifactId() + " carries no META-INF/LICENSE");
        try (InputStream in = jar.getInputStream(lic)) {
          assertArrayEquals(licence, in.readAllBytes(), m.artifactId() + ": META-INF/LICENSE differs from LICENSE");
        }
      }
    }
  }

  @Test
  void sourcesAndJavadocCoverEveryClassIncludingGeneratedOnes() throws Exception {
    for (Module m : published()) {
      List<String> noSource = new ArrayList<>();
      List<String> noPage = new ArrayList<>();
      try (JarFile jar = new JarFile(m.jar(null).toFile());
          JarFile sources = new JarFile(m.jar("sources").toFile());
          JarFile javadoc = new JarFile(m.jar("javadoc").toFile())) {
        List<String> classes = classes(jar);
        assertTrue(classes.size() > 2, m.artifactId() + " has almost no classes");
        for (String cls : classes) {
          if (sources.getEntry(cls + ".java") == null) {
            noSource.add(cls);
          }
          Class<?> c = Class.forName(cls.replace('/', '.'), false, getClass().getClassLoader());
          if (Modifier.isPublic(c.getModifiers()) && javadoc.getEntry(cls + ".html") == null) {
            noPage.add(cls);
          }
        }
        assertNotNull(javadoc.getEntry("index.html"), m.artifactId() + " javadoc has no index.html");
      }
      assertTrue(noSource.isEmpty(), () -> m.artifactId() + " sources jar lacks " + noSource);
      assertTrue(noPage.isEmpty(), () -> m.artifactId() + " javadoc lacks pages for " + noPage);
    }
  }

  /** The generated models' and APIs' javadoc carries the spec's descriptions and summaries. */
  @Test
  void generatedJavadocCarriesTheSpecsDescriptions() throws Exception {
    int checked = 0;
    for (Path spec : Repo.specs()) {
      String vendor = Repo.vendorOf(spec);
      Path jar = Repo.root().resolve("clients/" + vendor + "/target/" + vendor + "-client-" + VERSION + "-javadoc.jar");
      assertTrue(Files.exists(jar), jar + " (every spec has a published client)");
      ObjectNode tree = Specs.load(spec);
      List<String> missing = new ArrayList<>();
      try (JarFile javadoc = new JarFile(jar.toFile())) {
        for (Map.Entry<String, JsonNode> s : fields(tree.path("components").path("schemas"))) {
          String description = s.getValue().path("description").asText("");
          ZipEntry page = javadoc.getEntry("dev/sttclients/" + vendor + "/model/" + className(s.getKey()) + ".html");
          if (description.isBlank() || page == null) {
            continue; // a free-form map has no class of its own
          }
          checked++;
          if (!text(javadoc, page).contains(firstWords(description))) {
            missing.add(s.getKey() + ": \"" + firstWords(description) + "\"");
          }
        }
        for (Specs.Op op : Specs.operations(tree)) {
          String tag = op.node().path("tags").path(0).asText();
          ZipEntry page = javadoc.getEntry("dev/sttclients/" + vendor + "/api/" + className(tag) + "Api.html");
          assertNotNull(page, vendor + ": no javadoc page for the API of tag " + tag);
          checked++;
          String summary = op.node().path("summary").asText();
          if (!text(javadoc, page).contains(firstWords(summary))) {
            missing.add(op + ": \"" + firstWords(summary) + "\"");
          }
        }
      }
      assertTrue(missing.isEmpty(), () -> vendor + " javadoc lacks the spec's text for " + missing);
    }
    assertTrue(checked > 10, "descriptions checked: " + checked);
  }

  @Test
  void everyPublishedPomIsFlattenedForConsumers() throws IOException {
    for (Module m : published()) {
      Path flat = m.dir().resolve("target/flattened-pom.xml");
      assertTrue(Files.exists(flat), flat + " (flatten-maven-plugin)");
      Element pom = Repo.xml(flat).getDocumentElement();
      String where = m.artifactId() + " flattened pom: ";
      assertEquals(null, Repo.child(pom, "parent"), where + "a consumer would have to resolve the build parent");
      assertEquals(null, Repo.child(pom, "build"), where + "carries the build");
      assertEquals(VERSION, Repo.child(pom, "version"));
      for (String required : List.of("name", "description", "url", "licenses", "scm", "developers")) {
        assertNotNull(Repo.child(pom, required), where + "no " + required);
      }
      assertTrue(Repo.child(pom, "licenses").contains("Apache-2.0"), where + "licence");
      String text = Repo.read(flat);
      assertFalse(text.contains("${"), where + "an unresolved property");
      Set<String> scopes = new HashSet<>();
      for (Element dep : Repo.elements(Repo.xml(flat), "dependency")) {
        assertNotNull(Repo.child(dep, "version"), where + Repo.child(dep, "artifactId") + " has no version");
        scopes.add(String.valueOf(Repo.child(dep, "scope")));
      }
      scopes.removeAll(Set.of("compile", "runtime", "null"));
      assertEquals(Collections.emptySet(), scopes, where + "only compile/runtime dependencies reach consumers");
      try (JarFile jar = new JarFile(m.jar(null).toFile())) {
        ZipEntry embedded = jar.getEntry("META-INF/maven/dev.sttclients/" + m.artifactId() + "/pom.xml");
        assertNotNull(embedded, m.artifactId() + " embeds no pom");
        assertFalse(text(jar, embedded).contains("<parent>"), m.artifactId() + " embeds the unflattened pom");
      }
    }
  }

  // ---- helpers ----

  /** Top-level classes of a jar ("dev/x/Y"), without inner classes and module/package descriptors. */
  static List<String> classes(JarFile jar) {
    List<String> out = new ArrayList<>();
    jar.stream().map(ZipEntry::getName)
        .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("META-INF/")
            && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
        .map(n -> n.substring(0, n.length() - ".class".length())).sorted().forEach(out::add);
    return out;
  }

  private static String text(JarFile jar, ZipEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      String html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      html = java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html).replaceAll(e -> java.util.regex.Matcher
          .quoteReplacement(Character.toString(Integer.parseInt(e.group(2), e.group(1).isEmpty() ? 10 : 16))));
      return normalize(html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&quot;", "\"")
          .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
          // the generator escapes quotes in enum descriptions as \"
          .replace("\\\"", "\"")
          .replaceAll("[`*_]", "")); // compared with firstWords(), which drops Markdown emphasis the same way
    }
  }

  /** The first words of a (Markdown) description, as plain text, for a containment check. */
  static String firstWords(String markdown) {
    String plain = normalize(markdown.replaceAll("[`*_]", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"));
    String[] words = plain.split(" ");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 5)));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** The generator's class name for a schema or tag name (camelized). */
  static String className(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.fields().forEachRemaining(out::add);
    return out;
  }
}
