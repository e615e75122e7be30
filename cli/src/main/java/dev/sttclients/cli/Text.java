package dev.sttclients.cli;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text from servers made safe for a terminal, and the few formats the tool prints. */
final class Text {
  private Text() {}

  /**
   * One line without control characters: every server is untrusted, and an escape sequence in a job name or error
   * message must not reach the user's terminal. Line breaks and tabs become spaces; other control characters
   * (C0, DEL, C1, which includes ESC and CSI) become {@code ?}.
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        b.append(' ');
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append('?');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Text of several lines (a transcript) made safe for a terminal: line breaks and tabs kept, {@code \r\n} made
   * {@code \n}, every other control character {@code ?}.
   */
  static String cleanText(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    String text = s.replace("\r\n", "\n");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c == '\n' || c == '\t' ? c : c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : c);
    }
    return b.toString();
  }

  /** An ISO-8601 time to the second, or "-". */
  static String time(OffsetDateTime t) {
    return t == null ? "-" : t.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** 1536 -> "1.5 KiB". */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** 75.2 s -> "1m15s"; under a minute "12.3s". */
  static String seconds(java.time.Duration d) {
    long ms = d.toMillis();
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    return s / 3600 > 0 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
  }
}
