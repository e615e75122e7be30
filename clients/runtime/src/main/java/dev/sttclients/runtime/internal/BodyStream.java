package dev.sttclients.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A response body as Jackson reads it straight from the connection: counted against a limit (over it, {@link TooLarge}
 * before a byte more is handed on), its first {@value #HEAD} bytes copied into a pooled buffer so that a body that
 * does not parse can still be shown, and never closed by the reader (closing an HTTP body would drain it: the runtime
 * releases or drops the connection itself). One per response, one thread; {@link #release()} when done.
 */
public final class BodyStream extends InputStream {
  /** How much of the body is kept to be shown: what an error body keeps. */
  public static final int HEAD = 64 * 1024;
  /** Head buffers in use are taken from here and given back: a call allocates none in the steady state. */
  private static final ArrayBlockingQueue<byte[]> HEADS = new ArrayBlockingQueue<>(64);

  /** The body is longer than the limit; nothing past the limit was read. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("body larger than the limit", null);
    }
  }

  private final InputStream in;
  private final long limit;
  private byte[] head;
  private long count;
  private boolean ended;

  public BodyStream(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
    byte[] pooled = HEADS.poll();
    this.head = pooled != null ? pooled : new byte[HEAD];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (count >= limit) {
      // At the limit: one more byte means too large, the end means exactly the limit.
      int probe = in.read();
      if (probe < 0) {
        ended = true;
        return -1;
      }
      throw new TooLarge();
    }
    int n = in.read(b, off, (int) Math.min(len, limit - count));
    if (n < 0) {
      ended = true;
      return -1;
    }
    keepHead(b, off, n);
    count += n;
    return n;
  }

  /** Copies what fits of the {@code n} bytes just read into the head buffer (none once {@value #HEAD} are kept). */
  private void keepHead(byte[] b, int off, int n) {
    if (count < HEAD && head != null) {
      System.arraycopy(b, off, head, (int) count, (int) Math.min(n, HEAD - count));
    }
  }

  /** True once the body's end was seen; otherwise reads one more byte to find out (none expected). */
  public boolean atEnd() throws IOException {
    if (!ended) {
      ended = in.read() < 0;
    }
    return ended;
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  /** The first bytes read (at most {@value #HEAD}), for showing a body that does not parse. */
  public byte[] head() {
    return head == null ? new byte[0] : java.util.Arrays.copyOf(head, (int) Math.min(count, HEAD));
  }

  /** Gives the head buffer back to the pool; the stream is not used after this. */
  public void release() {
    if (head != null) {
      HEADS.offer(head);
      head = null;
    }
  }

  /** Does nothing: the runtime releases or drops the connection under this body itself. */
  @Override
  public void close() {
  }
}
