package dev.sttclients.runtime.internal;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding: everything but the unreserved characters is encoded. */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** One path segment. Dots are encoded too, so that {@code .} and {@code ..} are never dot-segments. */
  public static String pathSegment(String s) {
    return encode(s, false);
  }

  /** A query name or value. */
  public static String query(String s) {
    return encode(s, true);
  }

  private static String encode(String s, boolean keepDot) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '~' || (keepDot && c == '.');
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }
}
