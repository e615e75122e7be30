package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.Json;
import dev.sttclients.verbit.model.NewJobResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Verbit's own operations through the tool: create, add-media, start, and their request bodies. */
class VerbitCommandsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Cli cli = Cli.withKeys();

  private Cli.Result verbit(String... args) {
    return cli.run(Stream.concat(Stream.of("verbit"), Stream.concat(Stream.of(args),
        Stream.of("--base-url", server.baseUrl()))).toArray(String[]::new));
  }

  @Test
  void createSendsTheOptionsOnceAndPrintsTheNewJobsId() throws IOException {
    String created = Specs.json("verbit", "create", 200, "created");
    server.stubFor(post(urlPathEqualTo("/job/new")).willReturn(okJson(created)));

    Cli.Result r = verbit("create", "--profile", "Standard", "--name", "meeting.mp4", "--language", "en-US").succeeds();

    long id = Json.mapper().readValue(created, NewJobResponse.class).getJobId();
    assertEquals("VENDOR  JOB_ID\nverbit  " + id + "\n", r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/new")).withQueryParam("v", equalTo("4"))
        .withHeader("Authorization", equalTo("ApiToken key-verbit"))
        .withRequestBody(equalToJson("{\"profile\":\"Standard\",\"job_name\":\"meeting.mp4\",\"language\":\"en-US\"}")));

    Cli.Result json = verbit("create", "--profile", "Standard", "--output", "json").succeeds();
    assertEquals(Json.mapper().readValue(created, NewJobResponse.class),
        Json.mapper().readValue(json.out(), NewJobResponse.class));
  }

  @Test
  void createTakesTheWholeRequestFromABodyFileAndOptionsOverrideIt() throws IOException {
    server.stubFor(post(urlPathEqualTo("/job/new")).willReturn(okJson(Specs.json("verbit", "create", 200, "created"))));
    Path body = Files.writeString(dir.resolve("job.json"),
        "{\"profile\": \"Premium\", \"labels\": [\"a\", \"b\"], \"job_metadata\": {\"team\": 7}}");

    verbit("create", "--body", body.toString(), "--name", "x.mp4").succeeds();

    server.verify(postRequestedFor(urlPathEqualTo("/job/new")).withRequestBody(equalToJson(
        "{\"profile\":\"Premium\",\"labels\":[\"a\",\"b\"],\"job_metadata\":{\"team\":7},\"job_name\":\"x.mp4\"}")));
  }

  @Test
  void createWithoutAProfileOrWithABadBodyExits2AndSendsNothing() throws IOException {
    assertEquals("jobs: verbit create: a profile is required: --profile NAME (or \"profile\" in --body)\n",
        verbit("create", "--name", "x").failsWith(2).err());
    Path missing = dir.resolve("missing.json");
    assertEquals("jobs: cannot read body file " + missing + ": no such file\n",
        verbit("create", "--body", missing.toString()).failsWith(2).err());
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"profile\": ");
    assertTrue(verbit("create", "--body", broken.toString()).failsWith(2).err()
        .startsWith("jobs: body file " + broken + " is not a NewJobRequest in JSON"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void addMediaSendsTheUrl() {
    server.stubFor(post(urlPathEqualTo("/job/add_media")).willReturn(okJson(Specs.json("verbit", "addMedia", 200,
        "added"))));

    Cli.Result r = verbit("add-media", "123456", "--url", "https://media.example.com/m.mp4").succeeds();

    assertEquals("VENDOR  JOB_ID  MEDIA\nverbit  123456  https://media.example.com/m.mp4\n", r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/add_media")).withQueryParam("job_id", equalTo("123456"))
        .withRequestBody(equalToJson("{\"media_url\":\"https://media.example.com/m.mp4\"}")));
  }

  @Test
  void addMediaWithoutMediaOrWithANonNumericIdExits2() {
    assertTrue(verbit("add-media", "123456").failsWith(2).err().contains("no media"));
    assertTrue(verbit("add-media", "abc", "--url", "https://x").failsWith(2).err().contains("'abc' is not a long"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void startSendsFinishInZeroForTheSandbox() {
    server.stubFor(post(urlPathEqualTo("/job/perform_transcription")).willReturn(okJson(Specs.json("verbit",
        "startProcessing", 200, "started"))));

    Cli.Result r = verbit("start", "123456", "--finish-in", "0").succeeds();

    assertEquals("VENDOR  JOB_ID  STARTED\nverbit  123456  yes\n", r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/perform_transcription"))
        .withQueryParam("job_id", equalTo("123456")).withRequestBody(equalToJson("{\"finish_in\":0}")));
  }

  @Test
  void startOutsideTheSpecsBoundsExits2BeforeSending() {
    Cli.Result r = verbit("start", "123456", "--finish-in", "901").failsWith(2);
    assertTrue(r.err().contains("finish_in") && r.err().contains("nothing sent"), r.err());
    assertTrue(verbit("start", "0").failsWith(2).err().contains("job_id"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void infoIsGetByVerbitsName() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/job/info"))
        .willReturn(okJson(Specs.json("verbit", "info", 200, "completed"))));

    assertEquals(verbit("get", "123456").succeeds().out(), verbit("info", "123456").succeeds().out());
  }
}
