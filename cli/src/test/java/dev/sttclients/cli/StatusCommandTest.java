package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jobs status VENDOR:ID...}: one table over all four vendors (their paths differ, so one local server plays
 * all of them), JSON that parses back into each vendor's model, and the arguments it refuses before sending.
 */
class StatusCommandTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Cli cli = Cli.withKeys();
  private final List<VendorCase> vendors = VendorCase.all();

  private List<String> args(String... more) {
    List<String> args = new ArrayList<>(List.of("status"));
    for (VendorCase v : vendors) {
      args.add(v.vendor() + ":" + v.id());
    }
    for (VendorCase v : vendors) {
      args.add("--base-url");
      args.add(v.vendor() + "=" + server.baseUrl());
    }
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void oneRowPerJobInTheSharedVocabulary() {
    vendors.forEach(v -> server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample())))));

    Cli.Result r = cli.run(args().toArray(String[]::new)).succeeds();

    List<String> lines = r.out().lines().toList();
    assertEquals(5, lines.size(), r.out());
    assertEquals("VENDOR", lines.get(0).split("\\s+")[0]);
    for (int i = 0; i < vendors.size(); i++) {
      String[] cells = lines.get(i + 1).split("\\s+");
      assertEquals(vendors.get(i).vendor(), cells[0], r.out());
      assertEquals("SUCCEEDED", cells[2], r.out());
    }
  }

  @Test
  void jsonCarriesEachVendorsModel() throws IOException {
    vendors.forEach(v -> server.stubFor(v.fetch().willReturn(okJson(v.job(v.failedExample())))));

    Cli.Result r = cli.run(args("--output", "json").toArray(String[]::new)).succeeds();

    JsonNode entries = Json.mapper().readTree(r.out());
    assertEquals(vendors.size(), entries.size());
    for (int i = 0; i < vendors.size(); i++) {
      VendorCase v = vendors.get(i);
      JsonNode e = entries.get(i);
      assertEquals(v.vendor(), e.path("vendor").asText());
      assertEquals("FAILED", e.path("state").asText());
      assertEquals(Json.mapper().readValue(v.job(v.failedExample()), v.model()),
          Json.mapper().treeToValue(e.path("job"), v.model()));
    }
  }

  @Test
  void aJobThatCannotBeFetchedIsARowWithItsErrorAndTheExitCodeSaysSo() {
    vendors.forEach(v -> server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample())))));
    VendorCase slng = vendors.get(2);
    server.stubFor(slng.fetch().willReturn(aResponse().withStatus(404).withBody("{\"error\": \"Job not found\"}")));

    Cli.Result r = cli.run(args().toArray(String[]::new));

    assertEquals(3, r.exit(), r.err());
    assertEquals("jobs: slng get: HTTP 404: Job not found after 1 attempt\n", r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("slng +myjob123 +ERROR .*Job not found.*")),
        r.out());
    assertEquals(4, r.out().lines().filter(l -> l.contains("SUCCEEDED") || l.contains("ERROR")).count(), r.out());
  }

  @Test
  void aMalformedIdIsAUsageErrorEvenAmongGoodOnes() {
    vendors.forEach(v -> server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample())))));
    List<String> args = args();
    args.add(1, "gladia:abc");

    Cli.Result r = cli.run(args.toArray(String[]::new));

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("jobs: gladia get: invalid request, nothing sent: id='abc'"), r.err());
  }

  @Test
  void argumentsThatAreNotVendorColonIdExit2BeforeAnythingIsSent() {
    assertEquals("jobs: status: 'gladia' is not VENDOR:ID (e.g. gladia:45463597-20b7-4af7-b3b3-f5fb778203ab)\n",
        cli.run("status", "gladia").failsWith(2).err());
    assertEquals("jobs: status: unknown vendor 'acme' in 'acme:42': expected one of gladia, daily, slng, verbit\n",
        cli.run("status", "slng:myjob123", "acme:42").failsWith(2).err());
    assertEquals("jobs: status: 'daily:' has no job id after the colon\n",
        cli.run("status", "daily:").failsWith(2).err());
    assertTrue(cli.run("status", "slng:myjob123", "--base-url", "acme=http://x").failsWith(2).err()
        .contains("unknown vendor 'acme' in --base-url/--api-key-file"));
    assertTrue(cli.run("status").failsWith(2).err().contains("Missing required parameter"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aMissingKeyForAnyVendorNamedExits2BeforeAnythingIsSent() {
    cli.env.remove("VERBIT_API_KEY");

    assertEquals("jobs: verbit: no API key: set VERBIT_API_KEY or pass --api-key-file FILE\n",
        cli.run(args().toArray(String[]::new)).failsWith(2).err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }
}
