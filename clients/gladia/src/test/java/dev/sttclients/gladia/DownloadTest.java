package dev.sttclients.gladia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RequestValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloading the original audio: headers, stream, file, early close, errors. (1 GiB: LargeDownloadTest.) */
class DownloadTest {
  private static final String ID = JobsJson.jobId(3);

  private static AudioServer server;
  private static GladiaClient gladia;

  @BeforeAll
  static void start() throws IOException {
    server = new AudioServer();
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    gladia.close();
    server.close();
  }

  private static byte[] expected(int length) {
    byte[] b = new byte[length];
    AudioServer.fill(0, b, length);
    return b;
  }

  @Test
  void fileNameContentTypeAndBytesComeThrough() throws IOException {
    server.serve(100_003, "audio/wav", "attachment; filename=\"meeting.wav\"");

    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      assertEquals(200, audio.statusCode());
      assertEquals("audio/wav", audio.contentType().orElseThrow());
      assertEquals("meeting.wav", audio.fileName().orElseThrow());
      assertEquals(100_003, audio.contentLength().orElseThrow());
      try (InputStream in = audio.body()) {
        assertArrayEquals(expected(100_003), in.readAllBytes());
      }
    }
  }

  @Test
  void encodedFileNameIsDecodedAndNeverAPath() {
    server.serve(16, "audio/mpeg", "attachment; filename*=UTF-8''r%C3%A9union%20du%20lundi.mp3");
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      assertEquals("réunion du lundi.mp3", audio.fileName().orElseThrow());
      assertEquals("audio/mpeg", audio.contentType().orElseThrow());
    }
    server.serve(16, "audio/wav", "attachment; filename=\"../../etc/passwd\"");
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      assertEquals("passwd", audio.fileName().orElseThrow());
    }
    server.serve(16, null, null);
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      assertTrue(audio.fileName().isEmpty());
    }
  }

  @Test
  void downloadToAPath(@TempDir Path dir) throws IOException {
    server.serve(300_001, "audio/wav", "attachment; filename=\"meeting.wav\"");
    Path target = dir.resolve("meeting.wav");
    Files.writeString(target, "an older download, replaced");

    long n = gladia.preRecorded().getFile(ID).writeTo(target);

    assertEquals(300_001, n);
    assertArrayEquals(expected(300_001), Files.readAllBytes(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void closingEarlyDoesNotDownloadTheRest() throws Exception {
    long total = 512L * 1024 * 1024;
    server.serve(total, "audio/wav", null);

    byte[] head = new byte[1024 * 1024];
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      InputStream in = audio.body();
      int got = 0;
      while (got < head.length) {
        got += in.read(head, got, head.length - got);
      }
    }

    assertArrayEquals(expected(head.length), head);
    long written = server.bytesWritten().get(60, TimeUnit.SECONDS);
    assertTrue(written < total / 2, "the rest of the body was read after close: " + written + " of " + total);
    // The pool is still usable afterwards.
    server.serve(10, "audio/wav", null);
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID); InputStream in = audio.body()) {
      assertEquals(10, in.readAllBytes().length);
    }
  }

  @Test
  void unknownJobIsNotFoundWithTheGladiaBody() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> gladia.preRecorded().get(ID)); // the test server answers 404 JSON for anything but /file
    assertEquals("G-00000404", e.requestId().orElseThrow());
  }

  @Test
  void malformedIdFailsBeforeAnyRequest(@TempDir Path dir) {
    int before = server.requests();
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> gladia.preRecorded().getFile("../../v1/secrets").writeTo(dir.resolve("x")));
    assertEquals("id", e.violations().get(0).field());
    assertEquals(before, server.requests());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void digestOfAStreamedBodyMatches() throws IOException {
    server.serve(5_000_000, "audio/wav", null);
    MessageDigest sha = AudioServer.sha256();
    try (BinaryResponse audio = gladia.preRecorded().getFile(ID); InputStream in = audio.body()) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
    }
    assertArrayEquals(AudioServer.expectedSha256(5_000_000), sha.digest());
  }
}
