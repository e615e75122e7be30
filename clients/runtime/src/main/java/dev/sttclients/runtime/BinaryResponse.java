package dev.sttclients.runtime;

import dev.sttclients.runtime.errors.SttException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hc.core5.http.HeaderElement;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.message.MessageSupport;
import org.apache.hc.core5.net.PercentCodec;

/**
 * A binary response body streamed from the socket: nothing is buffered in memory or written to a
 * temporary file. Close it (try-with-resources) to give the connection back; reading it to the end
 * and closing lets the pool reuse the connection, closing it earlier drops the connection (the rest of the body is
 * never read). The client's {@code maxResponseSize} does not apply; each read waits at most the response timeout.
 * The client-wide {@code callTimeout} ends when the headers are in (so that it never cuts a long download); a
 * per-call {@code RequestOptions.callTimeout} covers the body too: a read past it fails
 * ({@code CallTimeoutException} from {@code writeTo}).
 */
public final class BinaryResponse implements AutoCloseable {
  /** Releases the response: {@code fullyRead} when the body was read to its end. */
  @FunctionalInterface
  interface Closer {
    void close(boolean fullyRead);
  }

  /** Turns a failed read into the typed exception the call would have thrown. */
  @FunctionalInterface
  interface Failures {
    SttException of(IOException e);
  }

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final InputStream body;
  private final Closer closer;
  private final Failures failures;
  /** The call's deadline when it also covers the body (a per-call callTimeout); null otherwise. */
  private final dev.sttclients.runtime.internal.CallContext deadline;
  private volatile boolean fullyRead;
  private volatile boolean closed;

  BinaryResponse(int statusCode, Map<String, List<String>> headers, InputStream body, Closer closer,
      Failures failures) {
    this(statusCode, headers, body, closer, failures, null);
  }

  BinaryResponse(int statusCode, Map<String, List<String>> headers, InputStream body, Closer closer,
      Failures failures, dev.sttclients.runtime.internal.CallContext deadline) {
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.closer = closer;
    this.failures = failures;
    this.deadline = deadline;
    this.body = new FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        dev.sttclients.runtime.internal.CallContext call = deadline == null ? null : deadline.reenter();
        try {
          int n = super.read(buf, off, len);
          fullyRead |= n < 0;
          return n;
        } finally {
          if (call != null) {
            call.exit();
          }
        }
      }

      @Override
      public void close() {
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
    Optional<String> value = header("content-length");
    try {
      return value.isPresent() ? OptionalLong.of(Long.parseLong(value.get().trim())) : OptionalLong.empty();
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty();
    }
  }

  /**
   * The file name from {@code Content-Disposition}, if sent: RFC 6266 {@code filename*} (RFC 8187 encoding) preferred
   * over {@code filename}; parsed with HttpCore's header parser (quoted strings, escapes, {@code ;} inside quotes), so
   * a {@code +} stays a plus. Never a path: directories are stripped.
   */
  public Optional<String> fileName() {
    return header("content-disposition").flatMap(BinaryResponse::fileName);
  }

  static Optional<String> fileName(String contentDisposition) {
    String plain = null;
    String extended = null;
    for (HeaderElement element : MessageSupport.parseElements(new BasicHeader("Content-Disposition",
        contentDisposition))) {
      for (NameValuePair p : element.getParameters()) {
        if (p.getValue() == null) {
          continue;
        }
        if (p.getName().equalsIgnoreCase("filename*") && extended == null) {
          extended = decodeExtended(p.getValue());
        } else if (p.getName().equalsIgnoreCase("filename") && plain == null) {
          plain = p.getValue();
        }
      }
    }
    String name = extended != null ? extended : plain;
    if (name == null) {
      return Optional.empty();
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).trim();
    return base.isEmpty() || base.equals(".") || base.equals("..") ? Optional.empty() : Optional.of(base);
  }

  /** {@code charset'language'percent-encoded} (RFC 8187); null when unreadable. */
  private static String decodeExtended(String value) {
    String[] parts = value.split("'", 3); // charset, language, encoded name
    if (parts.length < 3) {
      return null;
    }
    try {
      return PercentCodec.decode(parts[2], Charset.forName(parts[0].trim()));
    } catch (IllegalArgumentException unknownCharset) {
      return null;
    }
  }

  /**
   * The body, read straight from the connection. Closing it closes this response. Its reads throw
   * {@link IOException} as any stream does; {@link #writeTo(Path)} and {@link #writeTo(OutputStream)} turn those
   * into the client's typed exceptions.
   */
  public InputStream body() {
    return body;
  }

  /**
   * Streams the whole body to {@code target} (replacing it, atomically) and closes this response. Returns the byte
   * count.
   *
   * @throws SttException when reading the body fails: {@code ConnectionException}, {@code RequestTimeoutException},
   *     {@code CallInterruptedException} (interrupt flag kept) or {@code ClientClosedException}; {@code target} is left
   *     untouched
   * @throws UncheckedIOException when the local file cannot be written
   */
  public long writeTo(Path target) {
    try (this) {
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".part");
      try {
        long n;
        try (OutputStream out = Files.newOutputStream(tmp)) {
          n = copy(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the download to " + target + " failed", e);
    }
  }

  /**
   * Streams the whole body to {@code out} (not closed) and closes this response. Returns the byte count.
   *
   * @throws SttException when reading the body fails (see {@link #writeTo(Path)})
   * @throws UncheckedIOException when writing to {@code out} fails
   */
  public long writeTo(OutputStream out) {
    try (this) {
      return copy(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the download failed", e);
    }
  }

  /** Copies the body; a failed read becomes the typed exception, a failed write stays an IOException. */
  private long copy(OutputStream out) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    while (true) {
      int n;
      try {
        n = body.read(buf);
      } catch (IOException e) {
        throw failures.of(e);
      }
      if (n < 0) {
        return total;
      }
      out.write(buf, 0, n);
      total += n;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closer.close(fullyRead);
    }
  }
}
