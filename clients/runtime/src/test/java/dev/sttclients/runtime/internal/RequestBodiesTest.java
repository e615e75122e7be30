package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each request-body kind sends (read back from the entity the runtime hands to HttpClient) and the checks made
 * on binary bodies before anything is sent. The fault suite's {@code UploadTest} checks the same on the wire.
 */
class RequestBodiesTest {
  private static final String DOCUMENTED = " (the vendor's documented limit; BinaryBody.withSizeLimit raises it if"
      + " your plan allows more)";

  @TempDir
  Path dir;

  private static BinaryBody stream(int length) {
    return BinaryBody.of(new ByteArrayInputStream(new byte[Math.max(length, 0)]), length, "a.wav");
  }

  private static String written(HttpEntity entity) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entity.writeTo(out);
    assertEquals(out.size(), entity.getContentLength(), "the Content-Length is what is written");
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static RequestValidationException refused(BinaryBody body, Long documentedLimit) {
    return assertThrows(RequestValidationException.class,
        () -> RequestBodies.checkUpload("acme", "upload", "audio", body, documentedLimit));
  }

  @Test
  void aBodyOfExactlyTheDocumentedLimitIsSentOneByteMoreIsRefused() {
    assertEquals(5, RequestBodies.checkUpload("acme", "upload", "audio", stream(5), 5L));
    assertEquals(List.of(new Violation("audio", "stream a.wav (6 bytes)", "must be at most 5 bytes" + DOCUMENTED)),
        refused(stream(6), 5L).violations());
    assertEquals(7, RequestBodies.checkUpload("acme", "upload", "audio", stream(7), null), "no documented limit");
  }

  @Test
  void anEmptyStreamIsSentAndALimitOfZeroRefusesOneByte() {
    assertEquals(0, RequestBodies.checkUpload("acme", "upload", "audio", stream(0), null));
    assertEquals(0, RequestBodies.checkUpload("acme", "upload", "audio", stream(0).withSizeLimit(0), 10L));
    assertEquals(List.of(new Violation("audio", "stream a.wav (1 bytes)", "must be at most 0 bytes (the body's own"
        + " size limit)")), refused(stream(1).withSizeLimit(0), 10L).violations());
    assertEquals(List.of(new Violation("audio", "stream a.wav (1 bytes)", "must be at most 0 bytes" + DOCUMENTED)),
        refused(stream(1), 0L).violations());
    assertEquals(List.of(new Violation("audio", "stream a.wav of length -1", "length must be >= 0")),
        refused(stream(-1), null).violations());
  }

  @Test
  void everyFileOfAFormIsSentWithItsOwnLength() throws IOException {
    Path first = Files.writeString(dir.resolve("first.wav"), "FIRST-FILE-BYTES");
    OperationRequest request = OperationRequest.builder("upload", "POST", "/upload")
        .formParam("audio", BinaryBody.of(first), null)
        .formParam("video", BinaryBody.of(new ByteArrayInputStream("second+".getBytes(StandardCharsets.US_ASCII)),
            6, "second.mp4"), null)
        .build();
    HttpEntity entity = RequestBodies.prepare("acme", request).entity();
    assertTrue(entity.getContentType().startsWith("multipart/form-data; boundary="), entity.getContentType());
    String body = written(entity);
    assertTrue(body.contains("name=\"audio\"; filename=\"first.wav\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + "FIRST-FILE-BYTES\r\n--"), body);
    assertTrue(body.contains("name=\"video\"; filename=\"second.mp4\"\r\nContent-Type: application/octet-stream\r\n"
        + "\r\nsecond\r\n--"), body);
  }

  @Test
  void textPartsGetUtf8UnlessTheSpecNamesACharsetAndObjectsAreJson() throws IOException {
    OperationRequest request = OperationRequest.builder("upload", "POST", "/upload").form("multipart/form-data")
        .formParam("note", "café", null)
        .formParam("speakers", 2, null)
        .formParam("diarize", true, null)
        .formParam("config", Map.of("language", "en"), null)
        .formParam("plain", "café", "text/plain")
        .formParam("latin", "café", "text/plain; charset=ISO-8859-1")
        .formParam("raw", "{\"a\":1}", "application/json")
        .build();
    String body = new String(written(RequestBodies.prepare("acme", request).entity())
        .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    assertTrue(body.contains("name=\"note\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ncafé\r\n"), body);
    assertTrue(body.contains("name=\"speakers\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n2\r\n"), body);
    assertTrue(body.contains("name=\"diarize\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ntrue\r\n"), body);
    assertTrue(body.contains("name=\"config\"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"language\":\"en\"}\r\n"),
        body);
    assertTrue(body.contains("name=\"plain\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ncafé\r\n"), body);
    assertTrue(body.contains("name=\"latin\"\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\ncaf\uFFFD\r\n"),
        "one ISO-8859-1 byte for é, not UTF-8's two: " + body);
    assertTrue(body.contains("name=\"raw\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"), body);
  }

  @Test
  void anUrlEncodedFormIsSentAsNameValuePairs() throws IOException {
    OperationRequest request = OperationRequest.builder("token", "POST", "/token")
        .form("application/x-www-form-urlencoded")
        .formParam("grant", "a b&c=é", null)
        .formParam("ttl", 60, null)
        .build();
    RequestBodies.Prepared prepared = RequestBodies.prepare("acme", request);
    HttpEntity entity = prepared.entity();
    assertEquals("application/x-www-form-urlencoded; charset=UTF-8", entity.getContentType());
    assertEquals("grant=a+b%26c%3D%C3%A9&ttl=60", written(entity));
    assertTrue(prepared.replayable());
  }

  @Test
  void aFileInAnUrlEncodedFormIsAMistakeOfTheSpecRefusedBeforeSending() throws IOException {
    Path file = Files.writeString(dir.resolve("a.wav"), "x");
    OperationRequest request = OperationRequest.builder("token", "POST", "/token")
        .form("application/x-www-form-urlencoded").formParam("audio", BinaryBody.of(file), null).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestBodies.prepare("acme", request));
    assertEquals("acme token: a file cannot be sent in application/x-www-form-urlencoded", e.getMessage());
  }

  @Test
  void aFormWithAStreamCanBeSentAgainOnlyUntilTheStreamWasRead() throws IOException {
    Path file = Files.writeString(dir.resolve("a.wav"), "file");
    RequestBodies.Prepared withFile = RequestBodies.prepare("acme", OperationRequest.builder("upload", "POST", "/u")
        .formParam("audio", BinaryBody.of(file), null).build());
    written(withFile.entity());
    assertTrue(withFile.replayable(), "a file is read again");

    RequestBodies.Prepared withStream = RequestBodies.prepare("acme", OperationRequest.builder("upload", "POST", "/u")
        .formParam("audio", BinaryBody.of(file), null).formParam("video", stream(3), null).build());
    assertTrue(withStream.replayable(), "nothing read yet");
    written(withStream.entity());
    assertFalse(withStream.replayable(), "the stream was read");
  }

  @Test
  void aRawBinaryEntityIsRepeatableForAFileAndNeverClaimsToBeAStream() throws IOException {
    Path file = Files.writeString(dir.resolve("a.wav"), "file");
    HttpEntity fromFile = RequestBodies.prepare("acme", OperationRequest.builder("put", "PUT", "/m")
        .body(BinaryBody.of(file), "audio/wav").build()).entity();
    assertTrue(fromFile.isRepeatable());
    assertFalse(fromFile.isStreaming());
    assertEquals("audio/wav", fromFile.getContentType());
    assertEquals("file", written(fromFile));
    assertDoesNotThrow(() -> EntityUtils.consume(fromFile), "HttpClient drains only a streaming entity's content");

    HttpEntity fromStream = RequestBodies.prepare("acme", OperationRequest.builder("put", "PUT", "/m")
        .body(BinaryBody.of(InputStream.nullInputStream(), 0, "a.wav"), null).build()).entity();
    assertFalse(fromStream.isRepeatable(), "HttpClient must not send a stream twice");
    assertFalse(fromStream.isStreaming());
    assertEquals("application/octet-stream", fromStream.getContentType());
    assertDoesNotThrow(() -> EntityUtils.consume(fromStream));
  }

  /** A model whose getter fails: Jackson cannot write it. */
  public static final class Unwritable {
    public String getName() {
      throw new IllegalStateException("no name yet");
    }
  }

  @Test
  void aBodyThatCannotBeWrittenAsJsonFailsBeforeSendingWithJacksonsOwnMessage() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> RequestBodies.prepare("acme",
        OperationRequest.builder("create", "POST", "/jobs").body(new Unwritable(), null).build()));
    assertEquals(List.of(new Violation("body", "Unwritable", "cannot be written as JSON: no name yet")),
        e.violations());
    RequestValidationException inForm = assertThrows(RequestValidationException.class, () -> RequestBodies.prepare(
        "acme", OperationRequest.builder("create", "POST", "/jobs").formParam("config", new Unwritable(), null)
            .build()));
    assertEquals(List.of(new Violation("body", "Unwritable", "cannot be written as JSON: no name yet")),
        inForm.violations());
  }
}
