package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.SttException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryResponseTest {
  private final List<Boolean> closes = new ArrayList<>();
  private final SttException typed = new ConnectionException("acme", "acme download: connection reset", 1, null);

  private BinaryResponse response(InputStream body, Map<String, List<String>> headers) {
    return new BinaryResponse(200, headers, body, closes::add, e -> typed);
  }

  private static InputStream failingAfter(byte[] first) {
    return new InputStream() {
      int i;

      @Override
      public int read() throws IOException {
        if (i < first.length) {
          return first[i++];
        }
        throw new IOException("reset");
      }
    };
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "attachment; filename=\"a.wav\"                            | a.wav",
      "attachment; filename=a.wav                                | a.wav",
      "attachment; filename*=UTF-8''a%2Bb+c%20d.wav              | a+b+c d.wav",
      "attachment; filename*=utf-8'en'na%C3%AFve.mp3             | naïve.mp3",
      "attachment; filename*=ISO-8859-1''caf%E9.wav              | café.wav",
      "attachment; filename=\"plain.wav\"; filename*=UTF-8''star.wav | star.wav",
      "attachment; filename*=UTF-8''star.wav; filename=\"plain.wav\" | star.wav",
      "attachment; filename*=UNKNOWN-CHARSET''x.wav; filename=p.wav | p.wav",
      "attachment; filename*=nocharset.wav; filename=p.wav        | p.wav",
      "attachment; filename*=UTF-8'only-one-quote.wav; filename=p.wav | p.wav",
      "attachment; filename*='en'no-charset.wav; filename=p.wav  | p.wav",
      "attachment; filename=\"x;y.wav\"                          | x;y.wav",
      "attachment; filename=\"../../etc/passwd\"                 | passwd",
      "attachment; filename=\"C:\\\\dir\\\\file.wav\"            | file.wav",
      "attachment; FILENAME=\"UP.wav\"                           | UP.wav",
      "attachment; filename=\"first.wav\"; filename=\"second.wav\" | first.wav"})
  void fileNames(String disposition, String expected) {
    assertEquals(Optional.of(expected.trim()), BinaryResponse.fileName(disposition.trim()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"attachment", "inline", "attachment; filename=\"\"", "attachment; filename=\"..\"",
      "attachment; filename=\"a/\"", "attachment; filename", "attachment; name=\"x.wav\"", "attachment; filename=."})
  void noUsableFileName(String disposition) {
    assertEquals(Optional.empty(), BinaryResponse.fileName(disposition));
  }

  @Test
  void headersContentTypeAndLength() {
    try (BinaryResponse r = response(InputStream.nullInputStream(), Map.of("content-type", List.of("audio/wav"),
        "content-length", List.of(" 42 "), "content-disposition", List.of("attachment; filename=a.wav")))) {
      assertEquals(200, r.statusCode());
      assertEquals(Optional.of("audio/wav"), r.contentType());
      assertEquals(OptionalLong.of(42), r.contentLength());
      assertEquals(Optional.of("a.wav"), r.fileName());
      assertEquals(Optional.of("audio/wav"), r.header("Content-Type"));
      assertEquals(Optional.empty(), r.header("x-missing"));
      assertEquals(3, r.headers().size());
    }
    try (BinaryResponse r = response(InputStream.nullInputStream(), Map.of("content-length", List.of("many"),
        "x-empty", List.of()))) {
      assertEquals(OptionalLong.empty(), r.contentLength());
      assertEquals(Optional.empty(), r.header("x-empty"));
      assertEquals(Optional.empty(), r.fileName());
    }
  }

  @Test
  void closingBeforeTheEndSaysSoAndClosingTwiceClosesOnce() throws IOException {
    BinaryResponse r = response(new ByteArrayInputStream(new byte[] {1, 2, 3}), Map.of());
    assertEquals(1, r.body().read());
    r.body().close();
    r.close();
    assertEquals(List.of(false), closes);
  }

  @Test
  void aZeroByteOrAnEmptyReadIsNotTheEnd() throws IOException {
    BinaryResponse r = response(new ByteArrayInputStream(new byte[] {0, 0}), Map.of());
    assertEquals(0, r.body().read());
    assertEquals(0, r.body().read(new byte[4], 0, 0));
    r.body().close();
    assertEquals(List.of(false), closes);
  }

  @Test
  void closingAfterTheEndSaysSo() throws IOException {
    BinaryResponse r = response(new ByteArrayInputStream(new byte[] {1, 2}), Map.of());
    assertEquals(2, r.body().read(new byte[8], 0, 8));
    assertEquals(-1, r.body().read(new byte[8], 0, 8));
    r.close();
    BinaryResponse single = response(new ByteArrayInputStream(new byte[] {7}), Map.of());
    assertEquals(7, single.body().read());
    assertEquals(-1, single.body().read());
    single.close();
    assertEquals(List.of(true, true), closes);
  }

  /** A per-call deadline covers each read of the body, and is gone from the thread between reads. */
  @Test
  void aDeadlineCoversEachReadAndDoesNotStayOnTheThread() throws IOException {
    dev.sttclients.runtime.internal.CallContext call = dev.sttclients.runtime.internal.CallContext
        .enter(java.time.Duration.ofMinutes(1));
    call.exit();
    List<Object> seen = new ArrayList<>();
    InputStream spy = new InputStream() {
      @Override
      public int read() {
        return -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        seen.add(dev.sttclients.runtime.internal.CallContext.current());
        return len == 0 ? 0 : seen.size() < 3 ? 1 : -1;
      }
    };
    BinaryResponse r = new BinaryResponse(200, Map.of(), spy, closes::add, e -> typed, call);
    assertEquals(0, r.body().read());
    assertEquals(1, r.body().read(new byte[4], 0, 4));
    assertEquals(-1, r.body().read());
    assertEquals(3, seen.size());
    for (Object c : seen) {
      assertEquals(java.time.Duration.ofMinutes(1), ((dev.sttclients.runtime.internal.CallContext) c).callTimeout());
    }
    assertEquals(null, dev.sttclients.runtime.internal.CallContext.current(), "left on the thread after a read");
    r.close();
    assertEquals(List.of(true), closes);
  }

  @Test
  void writeToAStreamCopiesEverythingAndCloses() {
    byte[] data = "RIFF....WAVE".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    BinaryResponse r = response(new ByteArrayInputStream(data), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(data.length, r.writeTo(out));
    assertEquals(data.length, out.size());
    assertEquals(List.of(true), closes);
  }

  @Test
  void writeToGoesOnPastAZeroByteReadFromTheConnection() {
    InputStream zeroFirst = new ByteArrayInputStream("RIFF".getBytes(StandardCharsets.US_ASCII)) {
      boolean zeroDone;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (!zeroDone) {
          zeroDone = true;
          return 0;
        }
        return super.read(b, off, len);
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(4, response(zeroFirst, Map.of()).writeTo(out), "a read of no bytes is not the end of the body");
    assertEquals("RIFF", out.toString(StandardCharsets.US_ASCII));
    assertEquals(List.of(true), closes);
  }

  @Test
  void writeToAFileReplacesItAtomically(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("a.wav");
    Files.writeString(target, "old");
    assertEquals(4, response(new ByteArrayInputStream("RIFF".getBytes(StandardCharsets.US_ASCII)), Map.of())
        .writeTo(target));
    assertEquals("RIFF", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aFailedReadIsTheTypedExceptionAndTheTargetIsUntouched(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("a.wav");
    Files.writeString(target, "old");
    SttException e = assertThrows(SttException.class, () -> response(failingAfter(new byte[] {1, 2}), Map.of())
        .writeTo(target));
    assertSame(typed, e);
    assertEquals("old", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    assertSame(typed, assertThrows(SttException.class, () -> response(failingAfter(new byte[0]), Map.of())
        .writeTo(new ByteArrayOutputStream())));
    assertEquals(List.of(false, false), closes);
  }

  @Test
  void aFailedWriteIsAnUncheckedIoException(@TempDir Path dir) {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> response(new ByteArrayInputStream(new byte[] {1}), Map.of()).writeTo(broken));
    assertEquals("disk full", e.getCause().getMessage());
    assertThrows(UncheckedIOException.class, () -> response(new ByteArrayInputStream(new byte[] {1}), Map.of())
        .writeTo(dir.resolve("missing-dir").resolve("a.wav")));
    assertEquals(List.of(false, false), closes);
  }
}
