package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.daily.model.BatchProcessorJobList;
import dev.sttclients.gladia.model.AudioUploadResponse;
import dev.sttclients.runtime.Json;
import dev.sttclients.slng.model.BatchJobFiles;
import dev.sttclients.slng.model.BatchJobPage;
import dev.sttclients.slng.model.JobSubmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendors' own job operations beyond get and wait (upload, create, submit, list, links, files, download,
 * captions, draft, assets, delete), against a local server serving the spec's examples: what was sent, what was
 * printed, the exit code, JSON parsed back into the model.
 */
class LifecycleCommandsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Cli cli = Cli.withKeys();

  private Cli.Result jobs(String... args) {
    return cli.run(Stream.concat(Stream.of(args), Stream.of("--base-url", server.baseUrl())).toArray(String[]::new));
  }

  @Test
  void gladiaUploadPrintsTheAudioUrlAndCreateTheNewJobsId() throws IOException {
    Path audio = Files.write(dir.resolve("a.wav"), new byte[] {9, 8, 7});
    server.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(okJson(Specs.json("gladia", "upload", 200,
        "uploaded"))));
    server.stubFor(post(urlPathEqualTo("/v2/pre-recorded")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("gladia", "create", 201, "created"))));

    Cli.Result up = jobs("gladia", "upload", audio.toString()).succeeds();
    assertEquals("VENDOR  AUDIO_URL\ngladia  https://api.gladia.io/file/6c09400e-23d2-4bd2-be55-96a5ececfa3b\n",
        up.out());
    assertEquals(Json.mapper().readValue(Specs.json("gladia", "upload", 200, "uploaded"), AudioUploadResponse.class),
        Json.mapper().readValue(jobs("gladia", "upload", audio.toString(), "--output", "json").succeeds().out(),
            AudioUploadResponse.class));

    Cli.Result created = jobs("gladia", "create", "https://media.example.com/a.wav").succeeds();
    assertEquals("VENDOR  ID\ngladia  45463597-20b7-4af7-b3b3-f5fb778203ab\n", created.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/v2/pre-recorded"))
        .withRequestBody(equalToJson("{\"audio_url\":\"https://media.example.com/a.wav\"}")));
  }

  @Test
  void dailySubmitListLinksDelete() throws IOException {
    server.stubFor(post(urlPathEqualTo("/batch-processor")).willReturn(okJson(Specs.json("daily", "submit", 200,
        "submitted"))));
    server.stubFor(get(urlPathEqualTo("/batch-processor")).willReturn(okJson(Specs.json("daily", "list", 200,
        "two-jobs"))));
    String id = "3ab8faa2-8ba2-4ee6-bd15-003a92c18245";
    server.stubFor(get(urlPathEqualTo("/batch-processor/" + id + "/access-link")).willReturn(okJson(
        Specs.json("daily", "getAccessLinks", 200, "transcript"))));
    server.stubFor(delete(urlPathEqualTo("/batch-processor/" + id)).willReturn(okJson(Specs.json("daily", "delete",
        200, "deleted"))));

    assertEquals("VENDOR  ID\ndaily   " + id + "\n", jobs("daily", "submit", "https://m.example.com/a.mp4").succeeds()
        .out());
    Path body = Files.writeString(dir.resolve("submit.json"), "{\"preset\": \"summarize\", \"inParams\": "
        + "{\"sourceType\": \"recordingId\", \"recordingId\": \"r-1\"}, \"outParams\": {\"s3Config\": "
        + "{\"s3KeyTemplate\": \"summary\"}}}");
    jobs("daily", "submit", "--body", body.toString()).succeeds();
    server.verify(1, postRequestedFor(urlPathEqualTo("/batch-processor"))
        .withRequestBody(matchingJsonPath("$.preset", equalTo("summarize"))));
    assertTrue(jobs("daily", "submit").failsWith(2).err().contains("the media's URL, or the whole submission"));

    Cli.Result list = jobs("daily", "list", "--limit", "2", "--recording-id", "r-1").succeeds();
    assertTrue(list.out().lines().toList().get(1).matches("daily +" + id + " +SUCCEEDED +finished +transcript"),
        list.out());
    server.verify(getRequestedFor(urlPathEqualTo("/batch-processor")).withQueryParam("limit", equalTo("2"))
        .withQueryParam("recordingId", equalTo("r-1")));
    assertEquals(Json.mapper().readValue(Specs.json("daily", "list", 200, "two-jobs"), BatchProcessorJobList.class),
        Json.mapper().readValue(jobs("daily", "list", "--output", "json").succeeds().out(),
            BatchProcessorJobList.class));

    assertEquals("OUTPUT         FORMAT  LINK\ntranscription  txt     https://access-link-url.tld/file.txt\n"
        + "transcription  vtt     https://access-link-url.tld/file.vtt\n", jobs("daily", "links", id).succeeds().out());
    assertEquals("deleted daily job " + id + "\n", jobs("daily", "delete", id).succeeds().out());
    server.verify(deleteRequestedFor(urlPathEqualTo("/batch-processor/" + id)));
  }

  @Test
  void slngCreateUploadListFilesDownloadDelete() throws IOException {
    server.stubFor(post(urlPathEqualTo("/v1/batch/jobs")).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("slng", "create", 202, "queued"))));
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs")).willReturn(okJson(Specs.json("slng", "list", 200,
        "first-page"))));
    ObjectNode files = Specs.example("slng", "files", 200, "done");
    for (JsonNode output : files.path("outputs")) {
      ((ObjectNode) output).put("download_url", server.baseUrl() + "/storage/" + output.path("format").asText());
    }
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/myjob123/files")).willReturn(okJson(files.toString())));
    server.stubFor(get(urlPathEqualTo("/storage/srt")).willReturn(aResponse().withStatus(200).withBody("1\n00:00")));
    server.stubFor(delete(urlPathEqualTo("/v1/batch/jobs/myjob123")).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody(Specs.json("slng", "delete", 202, "deleted"))));

    assertEquals("VENDOR  ID        STATUS\nslng    myjob123  QUEUED\n",
        jobs("slng", "create", "https://m.example.com/a.wav").succeeds().out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/v1/batch/jobs"))
        .withRequestBody(equalToJson("{\"input_url\":\"https://m.example.com/a.wav\",\"transcription_config\":{}}")));

    Path audio = Files.write(dir.resolve("a.wav"), new byte[] {1, 2, 3});
    Cli.Result up = jobs("slng", "upload", audio.toString(), "--output", "json").succeeds();
    assertEquals("myjob123", Json.mapper().readValue(up.out(), JobSubmission.class).getJobId());
    server.verify(1, postRequestedFor(urlPathEqualTo("/v1/batch/jobs"))
        .withHeader("Content-Type", containing("multipart/form-data")).withRequestBody(containing("a.wav")));

    Cli.Result list = jobs("slng", "list", "--status", "done,in_progress", "--page-size", "2").succeeds();
    assertTrue(list.out().lines().toList().get(1).matches("slng +myjob123 +SUCCEEDED +DONE .*"), list.out());
    server.verify(getRequestedFor(urlPathEqualTo("/v1/batch/jobs")).withQueryParam("page_size", equalTo("2"))
        .withQueryParam("status", equalTo("DONE,IN_PROGRESS")));
    assertEquals(2, Json.mapper().readValue(jobs("slng", "list", "--output", "json").succeeds().out(),
        BatchJobPage.class).getItems().size());

    Cli.Result filesOut = jobs("slng", "files", "myjob123").succeeds();
    assertEquals(5, filesOut.out().lines().count(), filesOut.out());
    assertEquals(Json.mapper().readValue(files.toString(), BatchJobFiles.class),
        Json.mapper().readValue(jobs("slng", "files", "myjob123", "--output", "json").succeeds().out(),
            BatchJobFiles.class));

    Path srt = dir.resolve("out.srt");
    assertEquals("wrote 7 bytes to " + srt + "\n", jobs("slng", "download", "myjob123", "--format", "srt", "-o",
        srt.toString()).succeeds().out());
    assertArrayEquals("1\n00:00".getBytes(), Files.readAllBytes(srt));
    server.verify(getRequestedFor(urlPathEqualTo("/storage/srt")).withHeader("Authorization", absent()));
    files.withArray("outputs").removeAll();
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/myjob123/files")).willReturn(okJson(files.toString())));
    assertTrue(jobs("slng", "download", "myjob123", "-o", srt.toString()).failsWith(3).err()
        .startsWith("jobs: slng download: SLNG lists no txt output for job myjob123"));
    assertTrue(jobs("slng", "download", "myjob123", "--format", "mp3", "-o", srt.toString()).failsWith(2).err()
        .contains("--format: 'mp3' is not one of json, txt, srt"));

    assertEquals("deleted slng job myjob123 (DELETED)\n", jobs("slng", "delete", "myjob123").succeeds().out());
  }

  @Test
  void verbitAddMediaFromAFileUploadsItAsAnAsset() throws IOException {
    ObjectNode asset = Specs.example("verbit", "addAsset", 200, "upload")
        .put("upload_url", server.baseUrl() + "/uploads/a-1f2e3d");
    server.stubFor(post(urlPathEqualTo("/job/add_asset")).willReturn(okJson(asset.toString())));
    server.stubFor(put(urlPathEqualTo("/uploads/a-1f2e3d")).willReturn(aResponse().withStatus(200)));
    server.stubFor(post(urlPathEqualTo("/job/add_media")).willReturn(okJson(Specs.json("verbit", "addMedia", 200,
        "added"))));
    byte[] media = {4, 5, 6, 7};
    Path file = Files.write(dir.resolve("talk.mp4"), media);

    Cli.Result r = jobs("verbit", "add-media", "123456", "--file", file.toString()).succeeds();

    assertEquals("VENDOR  JOB_ID  MEDIA\nverbit  123456  a-1f2e3d\n", r.out());
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/add_asset"))
        .withRequestBody(matchingJsonPath("$.file_name", equalTo("talk.mp4"))));
    server.verify(1, putRequestedFor(urlPathEqualTo("/uploads/a-1f2e3d")).withRequestBody(binaryEqualTo(media))
        .withHeader("Authorization", absent()));
    server.verify(1, postRequestedFor(urlPathEqualTo("/job/add_media"))
        .withRequestBody(equalToJson("{\"asset_ids\":[\"a-1f2e3d\"]}")));
  }

  @Test
  void verbitAddAssetCaptionsAndDraft() throws IOException {
    server.stubFor(post(urlPathEqualTo("/job/add_asset")).willReturn(okJson(Specs.json("verbit", "addAsset", 200,
        "remote"))));
    server.stubFor(get(urlPathEqualTo("/job/get_caption")).withQueryParam("caption_format", equalTo("srt"))
        .willReturn(aResponse().withStatus(200).withBody("1\n00:00:01,000 --> 00:00:02,000\nHi")));
    server.stubFor(get(urlPathEqualTo("/job/draft")).withQueryParam("caption_format", equalTo("txt"))
        .willReturn(aResponse().withStatus(200).withBody("draft text")));

    Cli.Result asset = jobs("verbit", "add-asset", "123456", "--url", "https://m.example.com/a.mp4").succeeds();
    assertTrue(asset.out().startsWith("VENDOR  JOB_ID  ASSET_ID"), asset.out());
    server.verify(postRequestedFor(urlPathEqualTo("/job/add_asset"))
        .withRequestBody(equalToJson("{\"asset_url\":\"https://m.example.com/a.mp4\"}")));
    assertTrue(jobs("verbit", "add-asset", "123456").failsWith(2).err().contains("one of --url URL or --file-name"));

    Path srt = dir.resolve("captions.srt");
    jobs("verbit", "captions", "123456", "--format", "srt", "-o", srt.toString()).succeeds();
    assertEquals("1\n00:00:01,000 --> 00:00:02,000\nHi", Files.readString(srt));
    assertEquals("draft text", jobs("verbit", "draft", "123456", "--format", "txt", "-o", "-").succeeds().out());
    assertTrue(jobs("verbit", "captions", "123456", "--format", "mp3", "-o", "-").failsWith(2).err()
        .contains("--format: 'mp3' is not one of vtt, web_vtt, srt"));
  }
}
