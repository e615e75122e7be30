package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sttclients.runtime.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The payloads a vendor itself publishes, as test cases for {@link PublishedExamplesTest}. Two sources under an
 * upstream directory (normally {@code specs/upstream}), both found by file name, nothing listed:
 * <ul>
 *   <li>{@code examples/<vendor>/*.json}: one example each, in the shared format {@code {"source", "operationId",
 *       "status", "headers", "body", "expect": {"message", "errorType", "requestId"}}} ({@code expect} for errors
 *       only; a key it leaves out means the client must report nothing for it);</li>
 *   <li>{@code <vendor>.openapi.json|yaml}: every response example (a media type's {@code example} and each of
 *       its {@code examples}) of every operation that our spec also has, matched by method and path (path
 *       parameter names and a server prefix such as {@code /v1} may differ).</li>
 * </ul>
 */
final class PublishedExamples {
  private PublishedExamples() {}

  /** One published response for one of our operations. {@code expect} is null for a contract's example. */
  record Case(VendorSpec.Op op, String label, String source, int status, Map<String, String> headers,
      JsonNode body, Expect expect) {

    boolean isError() {
      return status >= 300;
    }

    /** The body as sent on the wire: JSON, or the text itself when the vendor published a non-JSON body. */
    String wireBody() {
      if (body == null || body.isMissingNode()) {
        return "";
      }
      return body.isTextual() ? body.asText() : body.toString();
    }
  }

  /** What an example file says the client must report; null fields mean "nothing". */
  record Expect(String message, String errorType, String requestId) {}

  /** The cases of one vendor, plus what was left out and why (operations our spec does not have). */
  record Found(List<Case> cases, List<String> skipped, int sources) {}

  static Found of(VendorSpec spec, Path upstreamDir) {
    List<Case> cases = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int sources = 0;
    Path examplesDir = upstreamDir.resolve("examples").resolve(spec.name());
    if (Files.isDirectory(examplesDir)) {
      try (Stream<Path> files = Files.list(examplesDir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          cases.add(fromFile(spec, f));
          sources++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String ext : new String[] {"json", "yaml", "yml"}) {
      Path contract = upstreamDir.resolve(spec.name() + ".openapi." + ext);
      if (Files.isRegularFile(contract)) {
        fromContract(spec, contract, cases, skipped);
        sources++;
      }
    }
    return new Found(cases, skipped, sources);
  }

  private static Case fromFile(VendorSpec spec, Path file) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not JSON", e);
    }
    String operationId = required(doc, "operationId", file).asText();
    VendorSpec.Op op = spec.operations().stream().filter(o -> operationId.equals(o.id())).findFirst()
        .orElseThrow(() -> new IllegalStateException(file + ": " + spec.name() + " has no operation '"
            + operationId + "' (operationId must name one of our spec's operations)"));
    int status = required(doc, "status", file).asInt();
    Map<String, String> headers = new LinkedHashMap<>();
    if (doc.has("headers")) {
      doc.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(),
          h.getValue().isArray() ? h.getValue().get(0).asText() : h.getValue().asText()));
    }
    Expect expect = null;
    if (status >= 300) {
      JsonNode e = required(doc, "expect", file);
      expect = new Expect(text(e, "message"), text(e, "errorType"), text(e, "requestId"));
    }
    return new Case(op, file.getFileName().toString(), doc.path("source").asText(file.toString()), status, headers,
        doc.get("body"), expect);
  }

  private static void fromContract(VendorSpec spec, Path file, List<Case> cases, List<String> skipped) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
    OpenAPI upstream = parsed.getOpenAPI();
    if (upstream == null) {
      throw new IllegalStateException(file + " does not parse: " + parsed.getMessages());
    }
    String upstreamPrefix = serverPath(upstream.getServers());
    String oursPrefix = serverPath(spec.api().getServers());
    upstream.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      VendorSpec.Op op = spec.operations().stream()
          .filter(o -> o.method().equals(method.name())
              && samePath(oursPrefix + o.path(), upstreamPrefix + path))
          .findFirst().orElse(null);
      String where = method + " " + path;
      if (op == null) {
        skipped.add(where + ": no operation of ours");
        return;
      }
      if (operation.getResponses() == null) {
        return;
      }
      operation.getResponses().forEach((code, response) -> {
        if (!code.matches("\\d{3}|[1-5]XX")) {
          return; // "default" has no status to serve
        }
        int status = code.endsWith("XX") ? (code.charAt(0) - '0') * 100 : Integer.parseInt(code);
        ApiResponse r = response.get$ref() != null && upstream.getComponents() != null
            ? upstream.getComponents().getResponses().get(VendorSpec.refName(response.get$ref())) : response;
        if (r == null || r.getContent() == null) {
          return;
        }
        r.getContent().forEach((mediaType, mt) -> {
          if (!mediaType.toLowerCase(Locale.ROOT).contains("json")) {
            return;
          }
          for (Map.Entry<String, JsonNode> ex : examplesOf(upstream, mt).entrySet()) {
            cases.add(new Case(op, op.id() + " " + code + " '" + ex.getKey() + "'", file.getFileName() + " "
                + where, status, Map.of("Content-Type", "application/json"), ex.getValue(), null));
          }
        });
      });
    }));
  }

  /** A media type's {@code example} (named "example") and each of its {@code examples}, $refs followed. */
  private static Map<String, JsonNode> examplesOf(OpenAPI api, MediaType mt) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (mt.getExample() != null) {
      out.put("example", Json.mapper().valueToTree(mt.getExample()));
    }
    if (mt.getExamples() != null) {
      mt.getExamples().forEach((name, ex) -> {
        Example e = ex;
        if (e.get$ref() != null && api.getComponents() != null && api.getComponents().getExamples() != null) {
          e = api.getComponents().getExamples().get(VendorSpec.refName(e.get$ref()));
        }
        if (e != null && e.getValue() != null) {
          out.put(name, Json.mapper().valueToTree(e.getValue()));
        }
      });
    }
    return out;
  }

  /** The path part of the first server URL ("/v1" for https://api.daily.co/v1), "" when none. */
  static String serverPath(List<Server> servers) {
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      return "";
    }
    String url = servers.get(0).getUrl();
    String path = url.startsWith("/") ? url : URI.create(url).getPath();
    return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
  }

  /** Same method path, whatever the path parameters are called; one may carry a prefix the other has in its server. */
  static boolean samePath(String a, String b) {
    String x = normalize(a);
    String y = normalize(b);
    return x.equals(y) || x.endsWith(y) && y.startsWith("/") || y.endsWith(x) && x.startsWith("/");
  }

  private static String normalize(String path) {
    return path.replaceAll("\\{[^}/]+}", "{}").replaceAll("/+$", "");
  }

  private static JsonNode required(JsonNode doc, String field, Path file) {
    JsonNode v = doc.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalStateException(file + ": missing \"" + field + "\"");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
