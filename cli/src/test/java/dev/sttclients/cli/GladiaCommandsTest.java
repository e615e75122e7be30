package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Gladia's own operations through the tool: list (one page, every page), download, delete. */
class GladiaCommandsTest {
  private static final String ID = "45463597-20b7-4af7-b3b3-f5fb778203ab";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Cli cli = Cli.withKeys();

  private Cli.Result gladia(String... args) {
    String[] all = Stream.concat(Stream.of("gladia"), Stream.concat(Stream.of(args),
        Stream.of("--base-url", server.baseUrl()))).toArray(String[]::new);
    return cli.run(all);
  }

  @Test
  void listSendsTheFiltersAndPrintsOneRowPerJob() throws IOException {
    String page = Specs.json("gladia", "list", 200, "first-of-several");
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).willReturn(okJson(page)));

    Cli.Result r = gladia("list", "--status", "done,error", "--limit", "5", "--offset", "10", "--date", "2024-03-01",
        "--metadata", "user=John Doe").succeeds();

    server.verify(getRequestedFor(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("limit", equalTo("5"))
        .withQueryParam("offset", equalTo("10")).withQueryParam("date", equalTo("2024-03-01"))
        .withQueryParam("status", equalTo("done")).withQueryParam("status", equalTo("error"))
        .withQueryParam("custom_metadata", equalTo("{\"user\":\"John Doe\"}")));
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(1).startsWith("gladia  9c1f3a52-6d0e-4b7a-9f61-2f7c1b0d4e88  SUCCEEDED  done"), r.out());

    Cli.Result json = gladia("list", "--output", "json").succeeds();
    assertEquals(Json.mapper().readValue(page, JobPage.class), Json.mapper().readValue(json.out(), JobPage.class));
  }

  @Test
  void listAllFollowsEveryPage() throws IOException {
    ObjectNode first = Specs.example("gladia", "list", 200, "first-of-several");
    ObjectNode last = Specs.example("gladia", "list", 200, "last-page");
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("0"))
        .willReturn(okJson(first.toString())));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("1"))
        .willReturn(okJson(last.toString())));

    Cli.Result r = gladia("list", "--all", "--status", "done", "--limit", "1", "--offset", "0", "--output", "json")
        .succeeds();

    PreRecordedJob[] jobs = Json.mapper().readValue(r.out(), PreRecordedJob[].class);
    assertEquals(2, jobs.length);
    JsonNode firstItem = first.path("items").get(0);
    assertEquals(Json.mapper().treeToValue(firstItem, PreRecordedJob.class), jobs[0]);
    server.verify(2, getRequestedFor(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("status", equalTo("done")));

    Cli.Result table = gladia("list", "--all", "--limit", "1", "--offset", "0").succeeds();
    assertEquals(3, table.out().lines().count(), table.out());
  }

  @Test
  void anUnlistedStatusExits2NamingTheStatusesGladiaHas() {
    Cli.Result r = gladia("list", "--status", "finished").failsWith(2);
    assertTrue(r.err().contains("--status: 'finished' is not one of queued, processing, done, error"), r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aLimitBelowTheSpecsMinimumExits2BeforeSending() {
    Cli.Result r = gladia("list", "--limit", "0").failsWith(2);
    assertTrue(r.err().contains("limit") && r.err().contains("nothing sent"), r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void downloadStreamsTheExactBytesToTheFile() throws IOException {
    byte[] audio = new byte[700_000];
    new Random(7).nextBytes(audio);
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded/" + ID + "/file")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "audio/wav").withHeader("Content-Disposition", "attachment; filename=\"../m.wav\"")
        .withBody(audio)));
    Path target = dir.resolve("meeting.wav");

    Cli.Result r = gladia("download", ID, "-o", target.toString()).succeeds();

    assertArrayEquals(audio, Files.readAllBytes(target));
    assertEquals("wrote 700000 bytes to " + target + " (audio/wav), Gladia's name m.wav\n", r.out());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(target), left.toList(), "no .part file left");
    }

    Cli.Result json = gladia("download", ID, "-o", target.toString(), "--output", "json").succeeds();
    JsonNode written = Json.mapper().readTree(json.out());
    assertEquals(700_000, written.path("bytes").asLong());
    assertEquals("audio/wav", written.path("contentType").asText());
  }

  @Test
  void downloadToStandardOutputWritesOnlyTheAudio() {
    byte[] audio = new byte[100_000];
    new Random(8).nextBytes(audio);
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded/" + ID + "/file"))
        .willReturn(aResponse().withStatus(200).withBody(audio)));

    Cli.Result r = gladia("download", ID, "-o", "-", "--output", "json").succeeds();

    assertArrayEquals(audio, r.outBytes());
  }

  @Test
  void downloadIntoAMissingDirectoryExits2BeforeSending() {
    Path target = dir.resolve("no/such/dir/a.wav");

    Cli.Result r = gladia("download", ID, "-o", target.toString()).failsWith(2);

    assertEquals("jobs: cannot write " + target + ": no such directory " + target.getParent() + "\n", r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aDownloadThatBreaksOffExits3AndLeavesNoFile() throws IOException {
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded/" + ID + "/file"))
        .willReturn(aResponse().withStatus(200).withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    Path target = dir.resolve("broken.wav");

    Cli.Result r = gladia("download", ID, "-o", target.toString());

    assertEquals(3, r.exit(), r.err());
    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(0, left.count(), "no .part file left");
    }
  }

  @Test
  void deleteSaysWhatItDeleted() {
    server.stubFor(delete(urlPathEqualTo("/v2/pre-recorded/" + ID)).willReturn(aResponse().withStatus(202)));

    assertEquals("deleted gladia job " + ID + "\n", gladia("delete", ID).succeeds().out());
    assertEquals("", gladia("delete", ID, "--output", "json").succeeds().out());
    server.verify(2, deleteRequestedFor(urlPathEqualTo("/v2/pre-recorded/" + ID)));
  }

  @Test
  void deletingAJobStillProcessingExits3WithGladiasMessage() {
    server.stubFor(delete(urlPathEqualTo("/v2/pre-recorded/" + ID)).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody(Specs.json("gladia", "delete", 403, "not-deletable"))));

    Cli.Result r = gladia("delete", ID).failsWith(3);

    assertTrue(r.err().startsWith("jobs: gladia delete: HTTP 403"), r.err());
  }
}
