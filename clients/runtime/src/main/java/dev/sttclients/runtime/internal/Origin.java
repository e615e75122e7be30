package dev.sttclients.runtime.internal;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes, as far as credentials are concerned: scheme, host and effective port (RFC 6454), with the
 * default port filled in ({@code https://h} and {@code https://h:443} are one origin; {@code http://h:443} and
 * {@code https://h:443} are two). The credential is sent only to the configured origin.
 */
public record Origin(String scheme, String host, int port) {

  /** The origin of an absolute http(s) URI. */
  public static Origin of(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
    return new Origin(scheme, host, port);
  }

  /** 443 for https, 80 for http. */
  static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }

  public boolean isHttps() {
    return "https".equals(scheme);
  }

  /**
   * True for a host that names this machine without asking DNS: {@code localhost}, {@code 127.x.x.x} and
   * {@code ::1}. Plain http to such a host never leaves the machine.
   */
  public boolean isLoopback() {
    if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
