package dev.sttclients.runtime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary response body streamed from the socket: nothing is buffered in memory or written to a
 * temporary file. Close it (try-with-resources) to give the connection back; reading it to the end
 * and closing lets the pool reuse the connection.
 */
public final class BinaryResponse implements AutoCloseable {
  private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*(?:UTF-8|utf-8)''([^;]+)");
  private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?");

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final InputStream body;
  private final AutoCloseable onClose;

  BinaryResponse(int statusCode, Map<String, List<String>> headers, InputStream body, AutoCloseable onClose) {
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.onClose = onClose;
    this.body = new FilterInputStream(body) {
      @Override
      public void close() throws IOException {
        BinaryResponse.this.close();
      }
    };
  }

  public int statusCode() {
    return statusCode;
  }

  /** Response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The {@code Content-Type}, if sent. */
  public Optional<String> contentType() {
    return header("content-type");
  }

  /** The {@code Content-Length}, if sent. */
  public OptionalLong contentLength() {
    return header("content-length").map(v -> {
      try {
        return OptionalLong.of(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }).orElse(OptionalLong.empty());
  }

  /** The file name from {@code Content-Disposition} (RFC 6266 {@code filename*} preferred), if sent. */
  public Optional<String> fileName() {
    return header("content-disposition").flatMap(cd -> {
      Matcher star = FILENAME_STAR.matcher(cd);
      if (star.find()) {
        return Optional.of(java.net.URLDecoder.decode(star.group(1).trim(), java.nio.charset.StandardCharsets.UTF_8));
      }
      Matcher plain = FILENAME.matcher(cd);
      return plain.find() ? Optional.of(plain.group(1).trim()) : Optional.empty();
    }).map(n -> Path.of(n).getFileName().toString()); // never a path: strip directories
  }

  /** The body, read straight from the connection. Closing it closes this response. */
  public InputStream body() {
    return body;
  }

  /** Streams the whole body to {@code target} (replacing it) and closes this response. Returns the byte count. */
  public long writeTo(Path target) {
    try (this) {
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".part");
      try {
        long n = Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("download to " + target + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      // closing a half-read stream aborts the connection; nothing to report
    }
  }
}
