package dev.sttclients.runtime.internal;

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
}
