package dev.sttclients.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the docs site: a reference page per vendor (Redocly CLI build-docs of specs/VENDOR.yaml, scripts inlined
 * so the page works offline) and index.html with the conformance matrix and BENCHMARKS.md's table.
 *
 * <p>The matrix has a row per vendor, operation and documented response code (plus a "request" row per operation
 * for its parameters and request body) and three cells, each counted from conformance-tests' Surefire reports:
 * <b>examples</b> (the spec's examples round-tripped through the generated models), <b>bounds</b> (the
 * constraints of every schema the response or request reaches, checked on both sides) and <b>Prism</b> (the call
 * through the generated client against a Prism mock of the spec). A cell is green when all its tests passed, red
 * when one failed, grey when the spec gives that row nothing to test. Tests whose names follow none of these
 * forms are counted per vendor under "other", so a failing test is never hidden.
 *
 * <p>Usage: {@code SiteBuilder REPO_ROOT OUTPUT_DIR VERSION [REDOCLY_BIN]} (no REDOCLY_BIN: index only).
 */
public final class SiteBuilder {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern EXAMPLE = Pattern.compile("^(\\w[\\w-]*): (\\S+) (\\S+) example '.*'$");
  private static final Pattern PRISM = Pattern.compile("^(\\w[\\w-]*): (\\S+) -> (\\S+)( example '.*')?$");
  private static final Pattern PARAM_BOUND = Pattern.compile("^(\\w[\\w-]*): param ([^.\\s]+)\\.\\S+ .*$");
  private static final Pattern MODEL_BOUND = Pattern.compile("^(\\w[\\w-]*): ([A-Za-z0-9_]+)\\.\\S+ .*$");

  private SiteBuilder() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: SiteBuilder REPO_ROOT OUTPUT_DIR VERSION [REDOCLY_BIN]");
    }
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<Path> specs = specs(root.resolve("specs"));
    if (args.length > 3) {
      for (Path spec : specs) {
        renderReference(Path.of(args[3]), spec, out);
      }
    }
    Path reports = root.resolve("conformance-tests/target/surefire-reports");
    List<TestResult> results = readReports(reports);
    if (results.isEmpty()) {
      throw new IllegalStateException("no test reports in " + reports + ": run the tests first (./mvnw -B -Pdocs verify)");
    }
    List<Vendor> vendors = new ArrayList<>();
    for (Path spec : specs) {
      vendors.add(matrix(spec, results));
    }
    Path benchmarks = root.resolve("BENCHMARKS.md");
    String html = index(vendors, results, args[2], Files.exists(benchmarks) ? Files.readString(benchmarks) : null);
    Files.writeString(out.resolve("index.html"), html, StandardCharsets.UTF_8);
    System.out.println("docs site: " + out.resolve("index.html") + " (" + vendors.size() + " vendors, "
        + vendors.stream().mapToInt(v -> v.rows().size()).sum() + " matrix rows)");
  }

  // ---- model ----

  /** One test case of a Surefire report: its display name and outcome. */
  public record TestResult(String name, Outcome outcome) {
  }

  public enum Outcome { PASSED, FAILED, SKIPPED }

  /** Counts of one matrix cell. */
  public static final class Cell {
    int passed;
    int failed;
    int skipped;

    void add(Outcome o) {
      switch (o) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        default -> skipped++;
      }
    }

    public int passed() {
      return passed;
    }

    public int failed() {
      return failed;
    }

    public int total() {
      return passed + failed + skipped;
    }

    /** "green", "red" or "none". */
    public String state() {
      return failed > 0 ? "red" : passed > 0 ? "green" : "none";
    }
  }

  /** A matrix row: an operation and a response code ("request" for the request side), and its three cells. */
  public record Row(String operationId, String method, String path, String code, Cell examples, Cell bounds,
      Cell prism) {
  }

  public record Vendor(String name, String title, List<Row> rows, Cell other) {
    public Row row(String operationId, String code) {
      return rows.stream().filter(r -> r.operationId().equals(operationId) && r.code().equals(code)).findFirst()
          .orElse(null);
    }
  }

  // ---- reading ----

  static List<Path> specs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Every test case of every TEST-*.xml in the directory; the display name is what follows "method() ". */
  public static List<TestResult> readReports(Path dir) throws Exception {
    List<TestResult> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    for (Path file : files) {
      NodeList cases = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        String name = c.getAttribute("name");
        int call = name.indexOf("() ");
        String display = call >= 0 ? name.substring(call + 3) : name;
        Outcome o = c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength() > 0
            ? Outcome.FAILED : c.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
        out.add(new TestResult(display, o));
      }
    }
    return out;
  }

  /** The matrix of one spec, filled from the test results. */
  public static Vendor matrix(Path specFile, List<TestResult> results) throws IOException {
    JsonNode spec = YAML.readTree(specFile.toFile());
    String vendor = specFile.getFileName().toString().replaceFirst("\\.yaml$", "");
    List<Row> rows = new ArrayList<>();
    Map<String, Set<String>> schemasOfRow = new LinkedHashMap<>();
    spec.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
      if (!METHODS.contains(m.getKey())) {
        return;
      }
      JsonNode op = m.getValue();
      String id = op.path("operationId").asText();
      Set<String> requestSchemas = new LinkedHashSet<>();
      reach(spec, deref(spec, op.path("requestBody")).path("content"), requestSchemas);
      Row request = new Row(id, m.getKey().toUpperCase(), p.getKey(), "request", new Cell(), new Cell(), new Cell());
      rows.add(request);
      schemasOfRow.put(id + " request", requestSchemas);
      op.path("responses").fields().forEachRemaining(r -> {
        Set<String> reached = new LinkedHashSet<>();
        reach(spec, deref(spec, r.getValue()).path("content"), reached);
        rows.add(new Row(id, m.getKey().toUpperCase(), p.getKey(), r.getKey(), new Cell(), new Cell(), new Cell()));
        schemasOfRow.put(id + " " + r.getKey(), reached);
      });
    }));
    Vendor v = new Vendor(vendor, spec.path("info").path("title").asText(vendor), rows, new Cell());
    for (TestResult t : results) {
      if (!t.name().startsWith(vendor + ": ")) {
        continue;
      }
      boolean placed = false;
      Matcher m;
      if ((m = PRISM.matcher(t.name())).matches() && m.group(1).equals(vendor)) {
        placed = addTo(v.row(m.group(2), m.group(3)), Row::prism, t);
      } else if ((m = EXAMPLE.matcher(t.name())).matches() && m.group(1).equals(vendor)) {
        placed = addTo(v.row(m.group(2), m.group(3)), Row::examples, t);
      } else if ((m = PARAM_BOUND.matcher(t.name())).matches() && m.group(1).equals(vendor)) {
        placed = addTo(v.row(m.group(2), "request"), Row::bounds, t);
      } else if ((m = MODEL_BOUND.matcher(t.name())).matches() && m.group(1).equals(vendor)) {
        String schema = m.group(2);
        for (Row row : rows) {
          if (schemasOfRow.get(row.operationId() + " " + row.code()).contains(schema)) {
            row.bounds().add(t.outcome());
            placed = true;
          }
        }
      }
      if (!placed) {
        v.other().add(t.outcome());
      }
    }
    // A request row with nothing to test (no parameters, no body) is left out.
    rows.removeIf(r -> r.code().equals("request") && r.examples().total() + r.bounds().total() + r.prism().total() == 0);
    return v;
  }

  private static boolean addTo(Row row, java.util.function.Function<Row, Cell> cell, TestResult t) {
    if (row == null) {
      return false;
    }
    cell.apply(row).add(t.outcome());
    return true;
  }

  private static JsonNode deref(JsonNode spec, JsonNode node) {
    for (int i = 0; i < 10 && node.has("$ref"); i++) {
      node = spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  /** Collects the names of every component schema reachable from a node (through $refs, properties, items...). */
  static void reach(JsonNode spec, JsonNode node, Set<String> seen) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (ref.startsWith("#/components/schemas/")) {
        String name = ref.substring("#/components/schemas/".length());
        if (seen.add(name)) {
          reach(spec, spec.path("components").path("schemas").path(name), seen);
        }
        return;
      }
      reach(spec, deref(spec, node), seen);
      return;
    }
    if (node.isContainerNode()) {
      node.elements().forEachRemaining(child -> reach(spec, child, seen));
    }
  }

  // ---- rendering ----

  static void renderReference(Path redocly, Path spec, Path out) throws IOException, InterruptedException {
    String vendor = spec.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path page = out.resolve(vendor + ".html");
    ProcessBuilder pb = new ProcessBuilder(redocly.toString(), "build-docs", spec.toString(), "--output",
        page.toString(), "--inlineBundle").redirectErrorStream(true);
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Path log = Files.createTempFile("redocly", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("redocly build-docs timed out for " + spec);
    }
    if (p.exitValue() != 0 || !Files.exists(page)) {
      throw new IllegalStateException("redocly build-docs failed for " + spec + ":\n" + Files.readString(log));
    }
    Files.deleteIfExists(log);
    Files.copy(spec, out.resolve(spec.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  static String index(List<Vendor> vendors, List<TestResult> results, String version, String benchmarks) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>STT clients ").append(esc(version)).append(": reference and conformance</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}\n")
        .append("th{background:#f3f3f3}td.green{background:#d8f5d8}td.red{background:#f8d0d0;font-weight:bold}")
        .append("td.none{background:#f6f6f6;color:#888}code{font-size:.85rem}p.red{color:#a00;font-weight:bold}\n")
        .append("</style></head>\n<body>\n<h1>STT clients ").append(esc(version)).append("</h1>\n")
        .append("<p>Contract-first Java clients for speech-to-text job APIs. Each vendor's reference is rendered from ")
        .append("its spec; the conformance matrix is counted from the latest run of the conformance suite.</p>\n");

    h.append("<h2>Vendors</h2>\n<ul id=\"vendors\">\n");
    for (Vendor v : vendors) {
      h.append("<li><a href=\"").append(esc(v.name())).append(".html\">").append(esc(v.title())).append("</a> (")
          .append(esc(v.name())).append(", <a href=\"").append(esc(v.name())).append(".yaml\">spec</a>)</li>\n");
    }
    h.append("</ul>\n");

    h.append("<h2 id=\"conformance\">Conformance matrix</h2>\n<p>Per operation and documented response code: ")
        .append("<b>examples</b> = the spec's examples round-trip through the generated model; <b>bounds</b> = every ")
        .append("constraint of the schemas that response (or the request) reaches, checked just inside and just outside; ")
        .append("<b>Prism</b> = the operation called through the generated client against a Prism mock of the spec. ")
        .append("Figures are passed/run; green = all passed, red = a test failed, grey = nothing to test.</p>\n");
    long failed = results.stream().filter(t -> t.outcome() == Outcome.FAILED).count();
    h.append("<p id=\"suite\" class=\"").append(failed > 0 ? "red" : "green").append("\">Conformance suite: ")
        .append(results.size()).append(" tests, ").append(failed).append(" failed.</p>\n");
    for (Vendor v : vendors) {
      h.append("<h3 id=\"vendor-").append(esc(v.name())).append("\">").append(esc(v.title())).append(" (")
          .append(esc(v.name())).append(")</h3>\n<table class=\"matrix\" data-vendor=\"").append(esc(v.name()))
          .append("\">\n<tr><th>operation</th><th>response</th><th>examples</th><th>bounds</th><th>Prism</th></tr>\n");
      for (Row r : v.rows()) {
        h.append("<tr><td><code>").append(esc(r.operationId())).append("</code> ").append(esc(r.method())).append(' ')
            .append(esc(r.path())).append("</td><td>").append(esc(r.code())).append("</td>")
            .append(cell(r.examples())).append(cell(r.bounds())).append(cell(r.prism())).append("</tr>\n");
      }
      h.append("</table>\n");
      if (v.other().total() > 0) {
        h.append("<p>Other conformance tests of ").append(esc(v.name())).append(": <span class=\"")
            .append(v.other().state()).append("\">").append(v.other().passed()).append('/').append(v.other().total())
            .append(" passed</span>.</p>\n");
      }
    }

    h.append("<h2 id=\"benchmarks\">Benchmarks</h2>\n");
    if (benchmarks == null) {
      h.append("<p>No BENCHMARKS.md yet.</p>\n");
    } else {
      h.append(markdownTable(benchmarks));
      h.append("<p>From BENCHMARKS.md (ratios: the client / raw HttpClient + Jackson, measured in the same run).</p>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String cell(Cell c) {
    String text = c.total() == 0 ? "&mdash;" : c.passed() + "/" + c.total();
    return "<td class=\"" + c.state() + "\">" + text + "</td>";
  }

  /** The "Side by side" table of BENCHMARKS.md (else its first table) as HTML. */
  static String markdownTable(String md) {
    String[] lines = md.split("\\R");
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].trim().equalsIgnoreCase("## Side by side")) {
        start = i;
        break;
      }
    }
    List<String> table = new ArrayList<>();
    for (int i = start; i < lines.length; i++) {
      String l = lines[i].trim();
      if (l.startsWith("|")) {
        table.add(l);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    if (table.size() < 2) {
      return "<p>BENCHMARKS.md has no table yet.</p>\n";
    }
    StringBuilder h = new StringBuilder("<table class=\"benchmarks\">\n");
    for (int i = 0; i < table.size(); i++) {
      if (i == 1 && table.get(i).matches("\\|[\\s:|-]+\\|?")) {
        continue;
      }
      String tag = i == 0 ? "th" : "td";
      h.append("<tr>");
      String row = table.get(i).replaceAll("^\\||\\|$", "");
      for (String c : row.split("\\|", -1)) {
        h.append('<').append(tag).append('>')
            .append(esc(c.trim()).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>"))
            .append("</").append(tag).append('>');
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
