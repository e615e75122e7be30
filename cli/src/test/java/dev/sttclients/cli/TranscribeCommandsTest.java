package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From audio to transcript with each vendor's {@code transcribe}, and {@code transcript ID}, against a local server
 * playing the vendor with the spec's own examples (its "bucket" of output files too): the requests in order, the
 * finished job and its text on stdout, the exit code; and the checks made before anything is sent.
 */
class TranscribeCommandsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Cli cli = Cli.withKeys();

  private Cli.Result jobs(String... args) {
    return cli.run(Stream.concat(Stream.of(args), Stream.of("--base-url", server.baseUrl())).toArray(String[]::new));
  }

  private static String transcriptOf(ObjectNode gladiaJob) {
    return gladiaJob.at("/result/transcription/full_transcript").asText();
  }

  @Test
  void gladiaUploadsAFileCreatesAJobWaitsAndPrintsTheTranscript() throws IOException {
    Path audio = Files.write(dir.resolve("meeting.wav"), new byte[] {1, 2, 3, 4, 5});
    String id = Specs.example("gladia", "create", 201, "created").path("id").asText();
    ObjectNode done = Specs.example("gladia", "get", 200, "done").put("id", id);
    server.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(okJson(Specs.json("gladia", "upload", 200,
        "uploaded"))));
    server.stubFor(post(urlPathEqualTo("/v2/pre-recorded")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("gladia", "create", 201, "created"))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded/" + id)).willReturn(okJson(done.toString())));
    Path options = Files.writeString(dir.resolve("options.json"), "{\"diarization\": true}");

    Cli.Result r = jobs("gladia", "transcribe", audio.toString(), "--body", options.toString()).succeeds();

    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(1).matches("gladia +" + id + " +SUCCEEDED +done .*"), r.out());
    assertEquals("", lines.get(2));
    assertEquals(transcriptOf(done), lines.get(3));
    server.verify(1, postRequestedFor(urlPathEqualTo("/v2/upload")).withHeader("x-gladia-key", equalTo("key-gladia"))
        .withRequestBody(containing("meeting.wav")));
    server.verify(1, postRequestedFor(urlPathEqualTo("/v2/pre-recorded"))
        .withRequestBody(matchingJsonPath("$.audio_url", equalTo("https://api.gladia.io/file/6c09400e-23d2-4bd2-be55-96a5ececfa3b")))
        .withRequestBody(matchingJsonPath("$.diarization", equalTo("true"))));

    Cli.Result json = jobs("gladia", "transcribe", audio.toString(), "--output", "json").succeeds();
    assertEquals(Json.mapper().readValue(done.toString(), PreRecordedJob.class),
        Json.mapper().readValue(json.out(), PreRecordedJob.class));

    Cli.Result text = jobs("gladia", "transcript", id).succeeds();
    assertEquals(transcriptOf(done) + "\n", text.out());
    JsonNode transcript = Json.mapper().readTree(jobs("gladia", "transcript", id, "--output", "json").succeeds().out());
    assertEquals(transcriptOf(done), transcript.path("transcript").asText());
    assertEquals(id, transcript.path("id").asText());
  }

  @Test
  void gladiaTranscribesAUrlWithoutUploading() {
    String id = Specs.example("gladia", "create", 201, "created").path("id").asText();
    server.stubFor(post(urlPathEqualTo("/v2/pre-recorded")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("gladia", "create", 201, "created"))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded/" + id)).willReturn(okJson(
        Specs.example("gladia", "get", 200, "failed").put("id", id).toString())));

    Cli.Result r = jobs("gladia", "transcribe", "https://media.example.com/a.wav").failsWith(1);

    assertTrue(r.out().lines().toList().get(1).contains(" FAILED "), r.out());
    server.verify(0, postRequestedFor(urlPathEqualTo("/v2/upload")));
    server.verify(1, postRequestedFor(urlPathEqualTo("/v2/pre-recorded"))
        .withRequestBody(matchingJsonPath("$.audio_url", equalTo("https://media.example.com/a.wav"))));
  }

  @Test
  void aMissingAudioFileOrABadOptionsFileExits2AndNothingIsSent() throws IOException {
    Path missing = dir.resolve("nope.wav");
    for (List<String> command : List.of(List.of("gladia", "transcribe"), List.of("slng", "transcribe"),
        List.of("verbit", "transcribe", "--profile", "Standard"), List.of("gladia", "upload"),
        List.of("slng", "upload"))) {
      Stream<String> args = Stream.concat(command.stream(), Stream.of(missing.toString()));
      assertEquals("jobs: cannot read audio file " + missing + ": no such file\n",
          jobs(args.toArray(String[]::new)).failsWith(2).err(), command.toString());
    }
    Path notJson = Files.writeString(dir.resolve("bad.json"), "[1, 2]");
    assertTrue(jobs("gladia", "transcribe", "https://x.example/a.wav", "--body", notJson.toString()).failsWith(2)
        .err().startsWith("jobs: body file " + notJson + " is not a InitTranscriptionRequest in JSON"));
    assertTrue(jobs("verbit", "transcribe", "https://x.example/a.mp4").failsWith(2).err()
        .contains("a profile is required"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void dailySubmitsWaitsAndFetchesTheTranscriptFromItsLink() throws IOException {
    String id = Specs.example("daily", "submit", 200, "submitted").path("id").asText();
    ObjectNode links = Specs.example("daily", "getAccessLinks", 200, "transcript");
    ((ObjectNode) links.path("transcription").get(0)).put("link", server.baseUrl() + "/bucket/file.txt");
    server.stubFor(post(urlPathEqualTo("/batch-processor")).willReturn(okJson(Specs.json("daily", "submit", 200,
        "submitted"))));
    server.stubFor(get(urlPathEqualTo("/batch-processor/" + id)).willReturn(okJson(
        Specs.example("daily", "get", 200, "finished-transcript").put("id", id).toString())));
    server.stubFor(get(urlPathEqualTo("/batch-processor/" + id + "/access-link")).willReturn(okJson(links.toString())));
    server.stubFor(get(urlPathEqualTo("/bucket/file.txt")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("Hello from Daily.\r\nSecond line.")));

    Cli.Result r = jobs("daily", "transcribe", "https://media.example.com/call.mp4").succeeds();

    assertTrue(r.out().lines().toList().get(1).matches("daily +" + id + " +SUCCEEDED +finished .*"), r.out());
    assertTrue(r.out().endsWith("\nHello from Daily.\nSecond line.\n"), r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/batch-processor")).withRequestBody(equalToJson(
        "{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"uri\",\"uri\":\"https://media.example.com/call.mp4\"}}",
        true, true)));
    server.verify(getRequestedFor(urlPathEqualTo("/bucket/file.txt")).withHeader("Authorization", absent()));

    Cli.Result json = jobs("daily", "transcribe", "https://media.example.com/call.mp4", "--output", "json").succeeds();
    assertEquals(id, Json.mapper().readValue(json.out(), BatchProcessorJob.class).getId());
    assertEquals("Hello from Daily.\nSecond line.\n", jobs("daily", "transcript", id).succeeds().out());
  }

  @Test
  void slngCreatesFromAUrlWaitsAndReadsTheTxtOutput() {
    ObjectNode files = Specs.example("slng", "files", 200, "done");
    for (JsonNode output : files.path("outputs")) {
      ((ObjectNode) output).put("download_url", server.baseUrl() + "/storage/" + output.path("format").asText());
    }
    server.stubFor(post(urlPathEqualTo("/v1/batch/jobs")).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("slng", "create", 202, "queued"))));
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/myjob123")).willReturn(okJson(Specs.json("slng", "get", 200,
        "done"))));
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/myjob123/files")).willReturn(okJson(files.toString())));
    server.stubFor(get(urlPathEqualTo("/storage/txt")).willReturn(aResponse().withStatus(200).withBody("SLNG text")));

    Cli.Result r = jobs("slng", "transcribe", "https://media.example.com/a.wav", "--body",
        write("{\"job_id\": \"myjob123\", \"transcription_config\": {\"language\": \"en\"}}")).succeeds();

    assertTrue(r.out().lines().toList().get(1).matches("slng +myjob123 +SUCCEEDED +DONE .*"), r.out());
    assertTrue(r.out().endsWith("\nSLNG text\n"), r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/v1/batch/jobs"))
        .withRequestBody(matchingJsonPath("$.input_url", equalTo("https://media.example.com/a.wav")))
        .withRequestBody(matchingJsonPath("$.job_id", equalTo("myjob123"))));
    server.verify(getRequestedFor(urlPathEqualTo("/storage/txt")).withHeader("Authorization", absent()));
    assertEquals("SLNG text\n", jobs("slng", "transcript", "myjob123").succeeds().out());
  }

  @Test
  void verbitCreatesAddsMediaStartsWaitsAndFetchesTheTxtCaption() {
    server.stubFor(post(urlPathEqualTo("/job/new")).willReturn(okJson(Specs.json("verbit", "create", 200,
        "created"))));
    server.stubFor(post(urlPathEqualTo("/job/add_media")).willReturn(okJson(Specs.json("verbit", "addMedia", 200,
        "added"))));
    server.stubFor(post(urlPathEqualTo("/job/perform_transcription")).willReturn(okJson(Specs.json("verbit",
        "startProcessing", 200, "started"))));
    server.stubFor(get(urlPathEqualTo("/job/info")).willReturn(okJson(Specs.json("verbit", "info", 200,
        "completed"))));
    server.stubFor(get(urlPathEqualTo("/job/get_caption")).withQueryParam("caption_format", equalTo("txt"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("Verbit text")));

    Cli.Result r = jobs("verbit", "transcribe", "https://media.example.com/a.mp4", "--profile", "Standard",
        "--finish-in", "0").succeeds();

    assertTrue(r.out().lines().toList().get(1).matches("verbit +\\d+ +SUCCEEDED +Completed .*"), r.out());
    assertTrue(r.out().endsWith("\nVerbit text\n"), r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/new")).withRequestBody(equalToJson(
        "{\"profile\":\"Standard\"}")));
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/add_media")).withRequestBody(equalToJson(
        "{\"media_url\":\"https://media.example.com/a.mp4\"}")));
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/perform_transcription")).withRequestBody(equalToJson(
        "{\"finish_in\":0}")));
    assertEquals("Verbit text\n", jobs("verbit", "transcript", "123456").succeeds().out());
  }

  private String write(String json) {
    try {
      return Files.writeString(dir.resolve("body-" + System.nanoTime() + ".json"), json).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
