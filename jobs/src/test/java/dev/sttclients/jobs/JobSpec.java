package dev.sttclients.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.waiter.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a spec says about its jobs, read from the YAML itself: the status enum and its {@code x-job-states} table,
 * the job schema holding that status (and the property's name), the operation that fetches one job, an example
 * job and an example id. Nothing is listed by hand: a new spec with a table shows up here.
 */
record JobSpec(String vendor, String statusSchema, List<String> statuses, Map<String, String> table,
    String jobSchema, String statusField, String fetchOperation, ObjectNode exampleJob, String exampleId) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Path specsDir() {
    return Path.of(System.getProperty("specs.dir", "../specs"));
  }

  /** Every spec in specs/, in file-name order. */
  static List<Path> files() {
    try (Stream<Path> s = Files.list(specsDir())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String vendorOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  /** The status schemas of a spec that carry an {@code x-job-states} table, by name. */
  static Map<String, JsonNode> statusSchemas(JsonNode spec) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    spec.path("components").path("schemas").fields().forEachRemaining(e -> {
      if (e.getValue().has("x-job-states")) {
        found.put(e.getKey(), e.getValue());
      }
    });
    return found;
  }

  static List<JobSpec> all() {
    List<JobSpec> all = new ArrayList<>();
    for (Path file : files()) {
      JsonNode spec = read(file);
      statusSchemas(spec).forEach((name, schema) -> all.add(of(vendorOf(file), spec, name, schema)));
    }
    return all;
  }

  private static JobSpec of(String vendor, JsonNode spec, String statusSchema, JsonNode schema) {
    List<String> statuses = new ArrayList<>();
    schema.path("enum").forEach(v -> statuses.add(v.asText()));
    Map<String, String> table = new LinkedHashMap<>();
    schema.path("x-job-states").fields().forEachRemaining(e -> table.put(e.getKey(), e.getValue().asText()));

    // Candidate job schemas: those with a property that is a $ref to the status schema (the job itself, but also a
    // list item or a results view that repeat the status), by schema name -> the property's name.
    String ref = "#/components/schemas/" + statusSchema;
    Map<String, String> candidates = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> props = s.getValue().path("properties").fields(); props.hasNext(); ) {
        Map.Entry<String, JsonNode> p = props.next();
        if (ref.equals(p.getValue().path("$ref").asText())) {
          candidates.put(s.getKey(), p.getKey());
        }
      }
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException(vendor + ": no schema has a property of type " + statusSchema);
    }

    // The job and its fetch: the GET with an id parameter whose 200 answers a candidate, the shortest path winning
    // (GET /jobs/{id} rather than GET /jobs/{id}/results): its first example and the example of its id parameter.
    JobSpec best = null;
    int bestDepth = Integer.MAX_VALUE;
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().path("get");
      JsonNode json = get.path("responses").path("200").path("content").path("application/json");
      String answered = json.path("schema").path("$ref").asText().replaceFirst("^#/components/schemas/", "");
      if (!candidates.containsKey(answered)) {
        continue;
      }
      ObjectNode example = null;
      for (JsonNode ex : json.path("examples")) {
        example = (ObjectNode) ex.path("value");
        break;
      }
      String id = null;
      List<JsonNode> params = new ArrayList<>();
      path.getValue().path("parameters").forEach(params::add);
      get.path("parameters").forEach(params::add);
      for (JsonNode p : params) {
        JsonNode param = p.has("$ref")
            ? spec.path("components").path("parameters").path(p.get("$ref").asText().replaceFirst(".*/", ""))
            : p;
        if (param.path("name").asText().toLowerCase().matches("(job_?)?id")) {
          id = param.path("example").asText(null);
        }
      }
      int depth = path.getKey().split("/").length;
      if (id == null || example == null || depth >= bestDepth) {
        continue;
      }
      best = new JobSpec(vendor, statusSchema, statuses, table, answered, candidates.get(answered),
          get.path("operationId").asText(), example, id);
      bestDepth = depth;
    }
    if (best == null) {
      throw new IllegalStateException(vendor + ": no GET with an id parameter (and an example of it) answers one of "
          + candidates.keySet() + " with an example");
    }
    return best;
  }

  /** The example job with its status set to {@code status}. */
  String jobWith(String status) {
    ObjectNode job = exampleJob.deepCopy();
    job.put(statusField, status);
    return job.toString();
  }

  /** The first status the table maps to {@code state}. */
  String statusFor(JobState state) {
    return table.entrySet().stream().filter(e -> e.getValue().equals(state.name())).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalStateException(vendor + " has no status for " + state));
  }

  /**
   * The vendor's client, found by convention as {@code dev.sttclients.<vendor>.<Vendor>Client} (as the conformance
   * suite finds it), with a test key, talking to {@code baseUrl}, built with {@code configure} applied to its builder.
   */
  SttClient client(String baseUrl, java.util.function.UnaryOperator<dev.sttclients.runtime.SttClientBuilder<?, ?>> configure) {
    String cls = "dev.sttclients." + vendor + "." + Character.toUpperCase(vendor.charAt(0)) + vendor.substring(1) + "Client";
    try {
      dev.sttclients.runtime.SttClientBuilder<?, ?> b =
          (dev.sttclients.runtime.SttClientBuilder<?, ?>) Class.forName(cls).getMethod("builder").invoke(null);
      b.apiKey("test-key-" + vendor).baseUrl(baseUrl);
      return (SttClient) configure.apply(b).build();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no client " + cls + " for specs/" + vendor + ".yaml", e);
    }
  }

  @Override
  public String toString() {
    return vendor;
  }
}
