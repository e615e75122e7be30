package dev.sttclients.runtime.internal;

import dev.sttclients.runtime.testing.Trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The counted, head-keeping view of a response body that Jackson reads from. */
class BodyStreamTest {

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  @Test
  void aBodyWithinTheLimitIsHandedOnWholeCountedAndKept() throws IOException {
    byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    BodyStream in = new BodyStream(new ByteArrayInputStream(body), 100);
    assertArrayEquals(body, in.readAllBytes());
    assertEquals(body.length, in.count());
    assertArrayEquals(body, in.head());
    assertTrue(in.atEnd());
    in.release();
    assertEquals(0, in.head().length, "released: nothing kept");
  }

  @Test
  void exactlyTheLimitIsReadAndOneByteMoreIsTooLarge() throws IOException {
    BodyStream exact = new BodyStream(new ByteArrayInputStream(bytes(10)), 10);
    assertEquals(10, exact.readAllBytes().length);
    assertTrue(exact.atEnd());

    BodyStream over = new BodyStream(new ByteArrayInputStream(bytes(11)), 10);
    byte[] buf = new byte[64];
    assertEquals(10, over.read(buf, 0, 64), "never more than the limit in one read");
    assertThrows(BodyStream.TooLarge.class, () -> over.read(buf, 0, 64));
    assertEquals(10, over.count());
  }

  @Test
  void onlyTheFirst64KiBAreKept() throws IOException {
    byte[] body = bytes(BodyStream.HEAD + 5000);
    BodyStream in = new BodyStream(new ByteArrayInputStream(body), Long.MAX_VALUE);
    assertEquals(body.length, in.readAllBytes().length);
    assertEquals(body.length, in.count());
    assertArrayEquals(Arrays.copyOf(body, BodyStream.HEAD), in.head());
  }

  @Test
  void singleBytesAndEmptyReads() throws IOException {
    BodyStream in = new BodyStream(new ByteArrayInputStream(new byte[] {(byte) 0xff, 7}), 10);
    assertEquals(0, in.read(new byte[4], 0, 0));
    assertEquals(0xff, in.read(), "unsigned, not -1");
    assertEquals(7, in.read());
    assertEquals(-1, in.read());
    assertEquals(2, in.count());
    assertArrayEquals(new byte[] {(byte) 0xff, 7}, in.head());
  }

  @Test
  void atEndLooksOneByteAheadOnlyWhenTheEndWasNotSeen() throws IOException {
    BodyStream trailing = new BodyStream(new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)), 10);
    assertEquals('a', trailing.read());
    assertFalse(trailing.atEnd(), "a byte is left");

    BodyStream empty = new BodyStream(InputStream.nullInputStream(), 10);
    assertTrue(empty.atEnd());
    assertTrue(empty.atEnd(), "stays at the end");
    assertEquals(0, empty.head().length);
  }

  @Test
  void closingDoesNotCloseTheConnectionsStream() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream body = new ByteArrayInputStream(bytes(3)) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    BodyStream in = new BodyStream(body, 10);
    in.close();
    assertFalse(closed.get(), "closing an HTTP body would drain it: the runtime releases or drops the connection");
    assertEquals(3, in.readAllBytes().length);
  }

  @Test
  void aReleasedHeadBufferIsReusedAndStartsClean() throws IOException {
    BodyStream first = new BodyStream(new ByteArrayInputStream(bytes(100)), 1000);
    first.readAllBytes();
    first.release();
    first.release(); // twice: given back once
    BodyStream second = new BodyStream(new ByteArrayInputStream("xy".getBytes(StandardCharsets.UTF_8)), 1000);
    second.readAllBytes();
    assertArrayEquals("xy".getBytes(StandardCharsets.UTF_8), second.head(), "only this body's bytes are shown");
  }

  @Test
  void smallReadsNeverHandOnMoreThanTheLimit() throws IOException {
    BodyStream in = new BodyStream(Trickle.of(bytes(11), 4, false), 10);
    byte[] buf = new byte[64];
    assertEquals(4, in.read(buf, 0, 64));
    assertEquals(4, in.read(buf, 0, 64));
    assertEquals(2, in.read(buf, 0, 64), "only what is left under the limit is asked for");
    assertThrows(BodyStream.TooLarge.class, () -> in.read(buf, 0, 64));
    assertEquals(10, in.count());
  }

  @Test
  void aZeroByteJustPastTheLimitIsOneByteTooMany() throws IOException {
    BodyStream in = new BodyStream(new ByteArrayInputStream(new byte[] {1, 2, 0}), 2);
    byte[] buf = new byte[8];
    assertEquals(2, in.read(buf, 0, 8));
    assertThrows(BodyStream.TooLarge.class, () -> in.read(buf, 0, 8), "a NUL byte is a byte, not the end");
  }

  @Test
  void aZeroByteReadFromTheConnectionIsNotTheEnd() throws IOException {
    BodyStream in = new BodyStream(Trickle.of("abc".getBytes(StandardCharsets.UTF_8), 64, true), 10);
    byte[] buf = new byte[8];
    assertEquals(0, in.read(buf, 0, 8), "nothing read, and not -1: the body goes on");
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
    assertEquals(3, in.count());
  }

  @Test
  void atEndAfterReadingExactlyTheLimitLooksOneByteFurther() throws IOException {
    BodyStream exact = new BodyStream(new ByteArrayInputStream(bytes(10)), 10);
    assertEquals(10, exact.read(new byte[10], 0, 10));
    assertTrue(exact.atEnd(), "the body ended right at the limit");

    BodyStream longer = new BodyStream(new ByteArrayInputStream(bytes(11)), 10);
    assertEquals(10, longer.read(new byte[10], 0, 10));
    assertFalse(longer.atEnd(), "one byte is left past the limit");
  }

  @Test
  void aTrailingZeroByteIsNotTheEnd() throws IOException {
    BodyStream in = new BodyStream(new ByteArrayInputStream(new byte[] {'{', '}', 0}), 10);
    assertEquals(2, in.read(new byte[2], 0, 2));
    assertFalse(in.atEnd(), "a NUL byte after the JSON is trailing data");
  }

  @Test
  void withTheBufferPoolEmptyAFreshHeadBufferIsAllocated() throws IOException {
    java.util.List<BodyStream> holding = new java.util.ArrayList<>();
    for (int i = 0; i < 65; i++) { // the pool holds at most 64 buffers: this empties it
      holding.add(new BodyStream(InputStream.nullInputStream(), 10));
    }
    BodyStream fresh = new BodyStream(new ByteArrayInputStream("xyz".getBytes(StandardCharsets.UTF_8)), 10);
    fresh.readAllBytes();
    assertArrayEquals("xyz".getBytes(StandardCharsets.UTF_8), fresh.head());
    fresh.release();
    holding.forEach(BodyStream::release);
  }
}
