package dev.sttclients.runtime.internal;

import java.util.Locale;
import java.util.Set;

/** What may go into a request header: RFC 9110 token names and printable ASCII values. */
public final class Headers {
  /** Headers that frame or route the message: the runtime and HttpClient own them. */
  private static final Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding", "connection",
      "keep-alive", "upgrade", "te", "trailer", "expect", "proxy-authorization", "proxy-connection");

  private Headers() {}

  /** Null when {@code name: value} may be sent, else what is wrong with it. */
  public static String problem(String name, String value) {
    if (!isToken(name)) {
      return "is not a valid header name";
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return "is set by the HTTP client and cannot be given per call";
    }
    if (!isValidValue(value)) {
      return "must be printable ASCII without line breaks";
    }
    return null;
  }

  static boolean isToken(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Visible ASCII, space and tab only: no CR, LF, NUL or other control characters, no non-ASCII. */
  public static boolean isValidValue(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7e))) {
        return false;
      }
    }
    return true;
  }
}
