package dev.sttclients.runtime.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A stream that hands on at most {@code chunk} bytes per read, as a slow connection does. */
public final class Trickle {
  private Trickle() {}

  /** {@code data} in reads of at most {@code chunk} bytes; with {@code zeroFirst}, one 0-byte read before the first. */
  public static InputStream of(byte[] data, int chunk, boolean zeroFirst) {
    return new ByteArrayInputStream(data) {
      boolean zeroDone = !zeroFirst;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (!zeroDone && len > 0) {
          zeroDone = true;
          return 0;
        }
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
