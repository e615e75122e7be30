package dev.sttclients.runtime;

import dev.sttclients.runtime.testing.Trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request-side binary body: its accessors, copies, text, and how exactly it writes its bytes. */
class BinaryBodyTest {
  private static final byte[] TWENTY = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aFileIsRepeatableAStreamIsNot(@TempDir Path dir) throws IOException {
    BinaryBody file = BinaryBody.of(Files.write(dir.resolve("a.wav"), TWENTY));
    assertTrue(file.repeatable());
    assertTrue(file.replayable());
    BinaryBody stream = BinaryBody.of(new ByteArrayInputStream(TWENTY), 20, "a.wav");
    assertFalse(stream.repeatable(), "a stream can be read only once");
    assertTrue(stream.replayable(), "not read yet");
    stream.writeTo(new ByteArrayOutputStream(), 20);
    assertFalse(stream.replayable());
  }

  @Test
  void withFileNameAndContentTypeAreCopiesThatKeepTheRest(@TempDir Path dir) throws IOException {
    Path path = Files.write(dir.resolve("a.wav"), TWENTY);
    BinaryBody original = BinaryBody.of(path);
    BinaryBody renamed = original.withFileName("b.wav").withContentType("audio/wav").withSizeLimit(100);
    assertEquals(Optional.of("b.wav"), renamed.fileName());
    assertEquals("audio/wav", renamed.contentType());
    assertEquals(Optional.of(path), renamed.file());
    assertEquals(OptionalLong.of(100), renamed.sizeLimit());
    assertEquals(20, renamed.length());
    assertEquals(Optional.of("a.wav"), original.fileName(), "the original is unchanged");
    assertEquals("application/octet-stream", original.contentType());
    assertEquals(OptionalLong.empty(), original.sizeLimit());
  }

  @Test
  void aSizeLimitOfZeroIsAllowedANegativeOneIsNot() {
    BinaryBody body = BinaryBody.of(InputStream.nullInputStream(), 0, "empty.wav");
    assertEquals(OptionalLong.of(0), body.withSizeLimit(0).sizeLimit());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> body.withSizeLimit(-1));
    assertEquals("maxBytes must be >= 0: -1", e.getMessage());
  }

  @Test
  void toStringNamesTheFileNotItsDirectoryNorItsBytes(@TempDir Path dir) throws IOException {
    Path secretDir = Files.createDirectory(dir.resolve("customer-4711"));
    BinaryBody file = BinaryBody.of(Files.write(secretDir.resolve("meeting.wav"), TWENTY)).withContentType("audio/wav");
    assertEquals("BinaryBody{file=meeting.wav, audio/wav}", file.toString());
    BinaryBody stream = BinaryBody.of(new ByteArrayInputStream(TWENTY), 20, "call.mp3");
    assertEquals("BinaryBody{stream=call.mp3, 20 bytes, application/octet-stream}", stream.toString());
  }

  @Test
  void aStreamHoldingMoreThanItsLengthGivesExactlyThatManyBytesEvenInSmallReads() throws IOException {
    InputStream in = Trickle.of(TWENTY, 4, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryBody.of(in, 10, "a.wav").writeTo(out, 10);
    assertArrayEquals("abcdefghij".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
    assertEquals(10, in.available(), "the bytes after the declared length are left in the stream");
  }

  @Test
  void aZeroByteReadFromTheSourceIsNotItsEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryBody.of(Trickle.of(TWENTY, 64, true), 20, "a.wav").writeTo(out, 20);
    assertArrayEquals(TWENTY, out.toByteArray());
  }

  @Test
  void aStreamThatEndsEarlySaysWhereAndASecondSendIsRefused() throws IOException {
    BinaryBody body = BinaryBody.of(Trickle.of(TWENTY, 8, false), 25, "a.wav");
    BinaryBody.SourceException e = assertThrows(BinaryBody.SourceException.class,
        () -> body.writeTo(new ByteArrayOutputStream(), 25));
    assertEquals("the stream of a.wav ended after 20 of 25 bytes", e.getMessage());
    BinaryBody.SourceException again = assertThrows(BinaryBody.SourceException.class,
        () -> body.writeTo(new ByteArrayOutputStream(), 25));
    assertEquals("the stream of a.wav was already sent once", again.getMessage());
  }
}
