package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.internal.OperationRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed request bodies (the runtime's {@link BinaryBody}, used by every spec's multipart and binary bodies):
 * what goes on the wire, the checks made before anything is sent, and which failures may be retried (a file can be
 * read again; a stream that was read cannot; a POST never once it may have arrived).
 */
class UploadTest {
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
  private static final byte[] AUDIO = "RIFF....WAVEfmt fake audio bytes \u00e9\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  @TempDir
  Path dir;

  private final Harness h = new Harness();

  private RawClient client() {
    return RawClient.builder().apiKey(Faults.API_KEY).baseUrl(Faults.baseUrl(wm)).sleeper(h.sleeper)
        .retryListener(h::onRetry).build();
  }

  private Path audioFile() throws IOException {
    return Files.write(dir.resolve("meeting.wav"), AUDIO);
  }

  private static ApiResponse<Map<String, Object>> call(RawClient c, OperationRequest r) {
    return c.rt().execute(r, JSON_OBJECT, RequestOptions.none());
  }

  private static OperationRequest.Builder upload(Object audio) {
    return OperationRequest.builder("upload", "POST", "/v2/upload").form("multipart/form-data")
        .formParam("audio", audio, null)
        .formParam("note", "café", null)
        .formParam("config", Map.of("language", "en", "speakers", 2), "application/json")
        .formParam("absent", null, null)
        .maxBytes("audio", 1000);
  }

  @Test
  void aMultipartFormCarriesTheFileTextAndJsonPartsWithAContentLength() throws IOException {
    wm.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(okJson("{\"audio_url\":\"https://x/1\"}")));
    try (RawClient c = client()) {
      assertEquals("https://x/1", call(c, upload(BinaryBody.of(audioFile()).withContentType("audio/wav")).build())
          .body().get("audio_url"));
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v2/upload"))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.matching(
            "multipart/form-data; ?boundary=.+"))
        .withHeader("x-gladia-key", equalTo(Faults.API_KEY))
        .withHeader("Transfer-Encoding", absent())
        .withRequestBodyPart(aMultipart().withName("audio").withHeader("Content-Type", equalTo("audio/wav"))
            .withBody(binaryEqualTo(AUDIO)).build())
        .withRequestBodyPart(aMultipart().withName("note").withBody(equalTo("café")).build())
        .withRequestBodyPart(aMultipart().withName("config").withHeader("Content-Type",
            com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
            .withBody(equalToJson("{\"language\":\"en\",\"speakers\":2}")).build()));
    LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/v2/upload"))).get(0);
    assertEquals(String.valueOf(sent.getBody().length), sent.getHeader("Content-Length"));
    String body = new String(sent.getBody(), StandardCharsets.ISO_8859_1);
    assertTrue(body.contains("name=\"audio\"; filename=\"meeting.wav\""), body);
    assertFalse(body.contains("absent"), "a null field is left out");
  }

  @Test
  void aStreamIsSentAsARawBodyOfExactlyItsLength() {
    wm.stubFor(put(urlPathEqualTo("/media")).willReturn(aResponse().withStatus(200)));
    byte[] more = new byte[AUDIO.length + 100]; // the stream holds more than the declared length
    System.arraycopy(AUDIO, 0, more, 0, AUDIO.length);
    try (RawClient c = client()) {
      c.rt().execute(OperationRequest.builder("put", "PUT", "/media")
          .body(BinaryBody.of(new ByteArrayInputStream(more), AUDIO.length, "meeting.wav"), "application/octet-stream")
          .build(), null, RequestOptions.none());
    }
    wm.verify(1, putRequestedFor(urlPathEqualTo("/media")).withHeader("Content-Type", equalTo("application/octet-stream"))
        .withHeader("Content-Length", equalTo(String.valueOf(AUDIO.length))).withRequestBody(binaryEqualTo(AUDIO)));
  }

  @Test
  void missingDirectoryOversizedAndNegativeFailBeforeSending() throws IOException {
    Path big = Files.write(dir.resolve("big.wav"), new byte[1001]);
    try (RawClient c = client()) {
      RequestValidationException missing = fails(RequestValidationException.class,
          () -> call(c, upload(BinaryBody.of(dir.resolve("nope.wav"))).build()));
      assertEquals(List.of(new Violation("audio", dir.resolve("nope.wav").toString(), "must be an existing file")),
          missing.violations());
      assertEquals(0, missing.attempts());
      assertTrue(missing.getMessage().startsWith("raw upload: invalid request, nothing sent: audio="),
          missing.getMessage());

      RequestValidationException directory = fails(RequestValidationException.class,
          () -> call(c, upload(BinaryBody.of(dir)).build()));
      assertEquals("must be a regular file (not a directory or device)", directory.violations().get(0).rule());

      RequestValidationException oversized = fails(RequestValidationException.class,
          () -> call(c, upload(BinaryBody.of(big)).build()));
      Violation v = oversized.violations().get(0);
      assertEquals("audio", v.field());
      assertEquals(big + " (1001 bytes)", v.value());
      assertTrue(v.rule().startsWith("must be at most 1000 bytes (the vendor's documented limit"), v.rule());

      RequestValidationException negative = fails(RequestValidationException.class, () -> call(c,
          upload(BinaryBody.of(InputStream.nullInputStream(), -1, "x.wav")).build()));
      assertEquals("length must be >= 0", negative.violations().get(0).rule());
    }
    assertEquals(0, serverSaw(wm));
  }

  @Test
  void theBodysOwnLimitReplacesTheDocumentedOne() throws IOException {
    wm.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(okJson("{}")));
    Path big = Files.write(dir.resolve("big.wav"), new byte[1001]);
    try (RawClient c = client()) {
      call(c, upload(BinaryBody.of(big).withSizeLimit(2000)).build());
      RequestValidationException e = fails(RequestValidationException.class,
          () -> call(c, upload(BinaryBody.of(big).withSizeLimit(10)).build()));
      assertTrue(e.violations().get(0).rule().startsWith("must be at most 10 bytes (the body's own"),
          e.violations().get(0).rule());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void anUnreadableFileFailsBeforeSending() throws IOException {
    Path locked = audioFile();
    org.junit.jupiter.api.Assumptions.assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
        "the file system lets this user read a file without read permission (e.g. root)");
    try (RawClient c = client()) {
      RequestValidationException e = fails(RequestValidationException.class,
          () -> call(c, upload(BinaryBody.of(locked)).build()));
      assertTrue(e.violations().get(0).rule().startsWith("must be readable"), e.getMessage());
    } finally {
      locked.toFile().setReadable(true, false);
    }
    assertEquals(0, serverSaw(wm));
  }

  @Test
  void aStreamIsSentOnceAndASecondCallIsRefused() {
    wm.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(okJson("{}")));
    BinaryBody once = BinaryBody.of(new ByteArrayInputStream(AUDIO), AUDIO.length, "meeting.wav");
    try (RawClient c = client()) {
      call(c, upload(once).build());
      RequestValidationException again = fails(RequestValidationException.class, () -> call(c, upload(once).build()));
      assertEquals("must not have been sent already (a stream is sent once)", again.violations().get(0).rule());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void aStreamThatEndsEarlyFailsTheCallInsteadOfSendingLess() {
    wm.stubFor(put(urlPathEqualTo("/media")).willReturn(aResponse().withStatus(200)));
    try (RawClient c = client()) {
      ConnectionException e = fails(ConnectionException.class, () -> c.rt().execute(
          OperationRequest.builder("put", "PUT", "/media")
              .body(BinaryBody.of(new ByteArrayInputStream(AUDIO), AUDIO.length + 10L, "meeting.wav"),
                  "application/octet-stream").build(), null, RequestOptions.none()));
      assertTrue(e.getMessage().contains("the request body could not be sent as declared: the stream of meeting.wav"
          + " ended after " + AUDIO.length + " of " + (AUDIO.length + 10) + " bytes"), e.getMessage());
      assertEquals(1, e.attempts(), "a PUT is idempotent, but a read stream cannot be sent again");
    }
  }

  @Test
  void aFileIsSentAgainOnARetriedPutAStreamIsNot() throws IOException {
    wm.stubFor(put(urlPathEqualTo("/media")).willReturn(aResponse().withStatus(503)));
    Path file = audioFile();
    try (RawClient c = client()) {
      ServerException fromFile = fails(ServerException.class, () -> c.rt().execute(
          OperationRequest.builder("put", "PUT", "/media").body(BinaryBody.of(file), "application/octet-stream")
              .build(), null, RequestOptions.none()));
      assertEquals(3, fromFile.attempts());
      wm.verify(3, putRequestedFor(urlPathEqualTo("/media")).withRequestBody(binaryEqualTo(AUDIO)));

      wm.resetRequests();
      ServerException fromStream = fails(ServerException.class, () -> c.rt().execute(
          OperationRequest.builder("put", "PUT", "/media")
              .body(BinaryBody.of(new ByteArrayInputStream(AUDIO), AUDIO.length, "a.wav"), "application/octet-stream")
              .build(), null, RequestOptions.none()));
      assertEquals(1, fromStream.attempts());
      assertEquals(1, serverSaw(wm));
    }
  }

  @Test
  void aStreamIsRetriedWhenNothingWasSentYet() throws Exception {
    int port = Faults.freePort();
    AtomicInteger bodies = new AtomicInteger();
    RawServer[] started = new RawServer[1];
    h.onSleep = () -> {
      if (started[0] == null) {
        try {
          started[0] = new RawServer(port, (n, head, s) -> {
            bodies.incrementAndGet();
            RawServer.respond(s, 200, "application/json", "{\"ok\":true}");
          });
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    try (RawClient c = RawClient.builder().apiKey(Faults.API_KEY).baseUrl("http://127.0.0.1:" + port)
        .sleeper(h.sleeper).retryListener(h::onRetry).build()) {
      ApiResponse<Map<String, Object>> r = call(c, upload(
          BinaryBody.of(new ByteArrayInputStream(AUDIO), AUDIO.length, "meeting.wav")).build());
      assertEquals(2, r.attempts(), "connection refused: the stream was never read, so it may be sent");
      assertEquals(1, bodies.get());
    } finally {
      if (started[0] != null) {
        started[0].close();
      }
    }
  }

  @Test
  void aMultipartPostIsNeverRetriedOnceItMayHaveArrived() throws IOException {
    wm.stubFor(post(urlPathEqualTo("/v2/upload")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (RawClient c = client()) {
      ConnectionException e = fails(ConnectionException.class, () -> call(c, upload(BinaryBody.of(audioFile())).build()));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
    assertTrue(h.waits.isEmpty());
  }

  @Test
  void anExternalUrlGetsNoCredentialsEvenOnTheSameHost() throws IOException {
    wm.stubFor(put(urlPathEqualTo("/bucket/inputs/job1/meeting.wav")).willReturn(aResponse().withStatus(200)));
    URI presigned = URI.create(Faults.baseUrl(wm) + "/bucket/inputs/job1/meeting.wav?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=1800");
    try (RawClient c = client()) {
      c.rt().execute(OperationRequest.builder("uploadPresigned", "PUT", "/").externalUrl(presigned)
          .header("Content-Type", "application/octet-stream")
          .body(BinaryBody.of(audioFile()).withContentType("audio/wav"), null).build(), null, RequestOptions.none());
    }
    LoggedRequest sent = wm.findAll(putRequestedFor(urlEqualTo(
        "/bucket/inputs/job1/meeting.wav?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=1800"))).get(0);
    assertNull(sent.getHeader("x-gladia-key"), "the key went to a presigned URL");
    assertFalse(sent.getAllHeaderKeys().stream().anyMatch(k -> k.equalsIgnoreCase("authorization")));
    assertEquals(List.of("application/octet-stream"), sent.getHeaders().getHeader("Content-Type").values(),
        "the signed headers are sent as given, once");
    assertArrayEquals(AUDIO, sent.getBody());
  }
}
