package dev.sttclients.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes to send, streamed as they are read: a file ({@link #of(Path)}) or an {@link InputStream} of known length
 * ({@link #of(InputStream, long, String)}). Never read into memory. What an operation takes for a request body or
 * multipart part that its spec declares as {@code type: string, format: binary} (an upload); the response-side
 * counterpart is {@link BinaryResponse}.
 *
 * <pre>{@code
 * gladia.preRecorded().upload(BinaryBody.of(Path.of("meeting.wav")));
 * gladia.preRecorded().upload(BinaryBody.of(in, length, "meeting.wav").withContentType("audio/wav"));
 * }</pre>
 *
 * <ul>
 *   <li>The file is checked before anything is sent: missing, not a regular file, unreadable, or larger than the
 *       operation's documented limit fails with a {@link dev.sttclients.runtime.errors.RequestValidationException}
 *       naming the field, the file and the rule. So is a stream already sent once, or a negative length.</li>
 *   <li>Exactly {@code length} bytes are sent, with that {@code Content-Length}: a stream that ends early or a file
 *       whose size changed meanwhile fails the call (a {@link dev.sttclients.runtime.errors.ConnectionException}
 *       saying so) rather than sending something else.</li>
 *   <li>A file can be sent again (a retried {@code PUT}, a second call); a stream only once: a request whose stream
 *       was already (partly) read is never retried, and a second call with the same stream body is refused.</li>
 * </ul>
 *
 * Immutable apart from that one-shot state of a stream; the {@code with...} methods return a copy (a copy of a
 * stream body shares its stream and its one-shot state).
 */
public final class BinaryBody {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final Path file;
  private final InputStream stream;
  private final long length;
  private final String fileName;
  private final String contentType;
  private final Long sizeLimit;
  private final AtomicBoolean opened;

  private BinaryBody(Path file, InputStream stream, long length, String fileName, String contentType, Long sizeLimit,
      AtomicBoolean opened) {
    this.file = file;
    this.stream = stream;
    this.length = length;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeLimit = sizeLimit;
    this.opened = opened;
  }

  /**
   * The content of a file, read from disk while it is sent. Its file name is the path's last element, its content
   * type {@code application/octet-stream} unless set with {@link #withContentType}.
   */
  public static BinaryBody of(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    return new BinaryBody(file, null, -1, name == null ? null : name.toString(), OCTET_STREAM, null, null);
  }

  /**
   * The next {@code length} bytes of {@code in}, read while they are sent (the stream is not closed by the client).
   * Sent once: a retry after the stream was read, or a second call, is never made with it.
   *
   * @param fileName the name the vendor sees for a multipart file part (vendors tell files from text fields by it)
   */
  public static BinaryBody of(InputStream in, long length, String fileName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    return new BinaryBody(null, in, length, fileName, OCTET_STREAM, null, new AtomicBoolean());
  }

  /** The same bytes under another file name. */
  public BinaryBody withFileName(String name) {
    return new BinaryBody(file, stream, length, Objects.requireNonNull(name, "name"), contentType, sizeLimit, opened);
  }

  /** The same bytes with this content type (e.g. {@code audio/wav}); default {@code application/octet-stream}. */
  public BinaryBody withContentType(String type) {
    return new BinaryBody(file, stream, length, fileName, Objects.requireNonNull(type, "type"), sizeLimit, opened);
  }

  /**
   * Replaces the operation's documented size limit for this body, e.g. when your plan with the vendor allows larger
   * files than its public documentation says. The client then refuses only bodies larger than {@code maxBytes}.
   */
  public BinaryBody withSizeLimit(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
    }
    return new BinaryBody(file, stream, length, fileName, contentType, maxBytes, opened);
  }

  /** The file this body reads, if it is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The name a multipart part carries. */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  public String contentType() {
    return contentType;
  }

  /** The size limit set with {@link #withSizeLimit}, if any. */
  public OptionalLong sizeLimit() {
    return sizeLimit == null ? OptionalLong.empty() : OptionalLong.of(sizeLimit);
  }

  /** True for a file: its bytes can be read again (for a retry or another call). */
  public boolean repeatable() {
    return file != null;
  }

  /**
   * True when these bytes can be sent (again) now: always for a file; for a stream, only while no byte of it has
   * been read. The runtime retries a request only while this holds.
   */
  public boolean replayable() {
    return file != null || !opened.get();
  }

  /**
   * The length to send: the file's current size, or the stream's declared length.
   *
   * @throws IOException when the file's size cannot be read
   */
  public long length() throws IOException {
    return file != null ? Files.size(file) : length;
  }

  /**
   * Writes exactly {@code expected} bytes (the {@link #length()} checked before sending) to {@code out}.
   *
   * @throws IOException from the target, or a {@link SourceException} when the bytes cannot be read or the
   *     source does not hold exactly {@code expected} bytes (any more)
   */
  public void writeTo(OutputStream out, long expected) throws IOException {
    if (file != null) {
      long now = sizeOrFail();
      if (now != expected) {
        throw new SourceException(fileName + " changed size while being sent: " + expected + " bytes checked, "
            + now + " now");
      }
      InputStream in;
      try {
        in = Files.newInputStream(file);
      } catch (IOException e) {
        throw new SourceException("cannot read " + fileName + ": " + e, e);
      }
      try (in) {
        copy(in, out, expected, true);
      }
    } else {
      if (!opened.compareAndSet(false, true)) {
        throw new SourceException("the stream of " + fileName + " was already sent once");
      }
      copy(stream, out, expected, false);
    }
  }

  private long sizeOrFail() throws SourceException {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SourceException("cannot read " + fileName + ": " + e, e);
    }
  }

  private void copy(InputStream in, OutputStream out, long expected, boolean isFile) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long sent = 0;
    while (sent < expected) {
      int n;
      try {
        n = in.read(buf, 0, (int) Math.min(buf.length, expected - sent));
      } catch (IOException e) {
        throw new SourceException("cannot read " + fileName + " after " + sent + " of " + expected + " bytes: " + e, e);
      }
      if (n < 0) {
        throw new SourceException((isFile ? fileName + " ended" : "the stream of " + fileName + " ended") + " after "
            + sent + " of " + expected + " bytes");
      }
      out.write(buf, 0, n);
      sent += n;
    }
  }

  @Override
  public String toString() {
    return "BinaryBody{" + (file != null ? "file=" + fileName : "stream=" + fileName + ", " + length + " bytes")
        + ", " + contentType + "}";
  }

  /**
   * The bytes of a {@link BinaryBody} could not be read as declared (a read error, a stream that ended early, a file
   * whose size changed): the request is abandoned and never retried; the client reports it as a
   * {@link dev.sttclients.runtime.errors.ConnectionException} with this message.
   */
  public static final class SourceException extends IOException {
    SourceException(String message) {
      super(message);
    }

    SourceException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
