package dev.sttclients.gladia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.BinaryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 1 GiB through the client in a JVM whose whole heap is 64 MiB (surefire execution
 * {@code download-in-64m-heap}, {@code -Xmx64m}): any buffering of the body would fail with OutOfMemoryError.
 */
class LargeDownloadTest {
  private static final long SIZE = (1L << 30) + 4099; // 1 GiB and an odd tail
  private static final long HEAP_LIMIT = 64L * 1024 * 1024;
  private static final String ID = JobsJson.jobId(9);

  private static AudioServer server;
  private static GladiaClient gladia;
  private static byte[] expectedSha256;

  @BeforeAll
  static void start() throws IOException {
    assertTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
        "run in a JVM with -Xmx64m (the surefire execution download-in-64m-heap does), max heap is "
            + Runtime.getRuntime().maxMemory());
    server = new AudioServer();
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).maxRetries(0).build();
    expectedSha256 = AudioServer.expectedSha256(SIZE);
  }

  @AfterAll
  static void stop() {
    if (gladia != null) {
      gladia.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void oneGibStreamsIntoADigest() throws IOException {
    server.serve(SIZE, "audio/wav", "attachment; filename=\"long-meeting.wav\"");
    MessageDigest sha = AudioServer.sha256();
    long read = 0;

    try (BinaryResponse audio = gladia.preRecorded().getFile(ID)) {
      assertEquals("long-meeting.wav", audio.fileName().orElseThrow());
      assertEquals("audio/wav", audio.contentType().orElseThrow());
      assertEquals(SIZE, audio.contentLength().orElseThrow());
      try (InputStream in = new DigestInputStream(audio.body(), sha)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          read += n;
        }
      }
    }

    assertEquals(SIZE, read);
    assertArrayEquals(expectedSha256, sha.digest());
  }

  @Test
  void oneGibStreamsIntoAFile(@TempDir Path dir) throws IOException {
    server.serve(SIZE, "audio/wav", "attachment; filename=\"long-meeting.wav\"");
    Path target = dir.resolve("long-meeting.wav");

    assertEquals(SIZE, gladia.preRecorded().getFile(ID).writeTo(target));

    assertEquals(SIZE, Files.size(target));
    MessageDigest sha = AudioServer.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(target), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertArrayEquals(expectedSha256, sha.digest());
  }
}
