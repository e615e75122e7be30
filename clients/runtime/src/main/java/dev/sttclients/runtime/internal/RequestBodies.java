package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Turns an {@link OperationRequest}'s body into what each attempt sends, for every request-body kind a spec can
 * declare: JSON (written once, resent as is), a raw binary body ({@code application/octet-stream}: a
 * {@link BinaryBody}), a {@code multipart/form-data} form (text, JSON and file parts) or an
 * {@code application/x-www-form-urlencoded} one. Files and streams are never read into memory: every attempt gets
 * a fresh entity that streams them with an exact {@code Content-Length}.
 *
 * <p>Before anything is sent, every {@link BinaryBody} is checked (exists, is a regular readable file, a stream not
 * sent before, a length not negative, within the operation's documented size limit or the body's own): a
 * {@link RequestValidationException} names the field, the file and the rule.
 */
public final class RequestBodies {
  private static final String MULTIPART = "multipart/form-data";
  private static final String URLENCODED = "application/x-www-form-urlencoded";

  private RequestBodies() {}

  /** What one request sends on each attempt. */
  public interface Prepared {
    /** A new entity for the next attempt, or null for no body. */
    HttpEntity entity();

    /**
     * True while another attempt could send the same bytes: no body, a JSON or text body, files only; false once a
     * stream has been (partly) read.
     */
    boolean replayable();
  }

  private static final Prepared NONE = new Prepared() {
    @Override
    public HttpEntity entity() {
      return null;
    }

    @Override
    public boolean replayable() {
      return true;
    }
  };

  /**
   * Checks the request's binary bodies and prepares its body.
   *
   * @throws RequestValidationException when a binary body cannot or may not be sent (nothing was sent)
   */
  public static Prepared prepare(String vendor, OperationRequest request) {
    String contentType = request.contentType();
    if (!request.formParts().isEmpty() || isForm(contentType)) {
      return form(vendor, request, contentType == null ? MULTIPART : contentType);
    }
    Object body = request.body();
    if (body == null) {
      return NONE;
    }
    if (body instanceof BinaryBody binary) {
      long length = check(vendor, request, List.of(Map.entry("body", binary))).get(0);
      ContentType type = ContentType.parse(contentType != null ? contentType : binary.contentType());
      return new Prepared() {
        @Override
        public HttpEntity entity() {
          return new BinaryEntity(binary, length, type);
        }

        @Override
        public boolean replayable() {
          return binary.replayable();
        }
      };
    }
    byte[] json = json(vendor, request, "body", body);
    ContentType type = ContentType.parse(contentType == null ? "application/json" : contentType);
    return new Prepared() {
      @Override
      public HttpEntity entity() {
        return new ByteArrayEntity(json, type);
      }

      @Override
      public boolean replayable() {
        return true;
      }
    };
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mime = mime(contentType);
    return mime.equals(MULTIPART) || mime.equals(URLENCODED);
  }

  private static String mime(String contentType) {
    return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  private static Prepared form(String vendor, OperationRequest request, String contentType) {
    List<Map.Entry<String, BinaryBody>> files = new ArrayList<>();
    for (OperationRequest.FormPart p : request.formParts()) {
      if (p.value() instanceof BinaryBody b) {
        files.add(Map.entry(p.name(), b));
      }
    }
    List<Long> lengths = check(vendor, request, files);
    // Text and JSON parts are written once, before anything is sent (a model that cannot be written fails here).
    List<Object[]> parts = new ArrayList<>();
    int file = 0;
    for (OperationRequest.FormPart p : request.formParts()) {
      if (p.value() instanceof BinaryBody b) {
        parts.add(new Object[] {p.name(), b, lengths.get(file++)});
      } else {
        parts.add(new Object[] {p.name(), text(vendor, request, p.name(), p.value()), partType(p)});
      }
    }
    boolean multipart = mime(contentType).equals(MULTIPART);
    if (!multipart && !files.isEmpty()) {
      throw new IllegalArgumentException(vendor + " " + request.operationId() + ": a file cannot be sent in "
          + contentType);
    }
    return new Prepared() {
      @Override
      public HttpEntity entity() {
        if (!multipart) {
          List<NameValuePair> pairs = new ArrayList<>();
          parts.forEach(p -> pairs.add(new BasicNameValuePair((String) p[0], (String) p[1])));
          return new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8);
        }
        // RFC 7578: header values (file names) in UTF-8; the form's Content-Type carries only the boundary.
        String boundary = "stt-" + java.util.UUID.randomUUID();
        MultipartEntityBuilder b = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
            .setCharset(StandardCharsets.UTF_8).setBoundary(boundary);
        for (Object[] p : parts) {
          if (p[1] instanceof BinaryBody binary) {
            b.addPart((String) p[0], new FilePart(binary, (Long) p[2]));
          } else {
            b.addPart((String) p[0], new StringBody((String) p[1], (ContentType) p[2]));
          }
        }
        String type = MULTIPART + "; boundary=" + boundary;
        return new HttpEntityWrapper(b.build()) {
          @Override
          public String getContentType() {
            return type;
          }
        };
      }

      @Override
      public boolean replayable() {
        return files.stream().allMatch(f -> f.getValue().replayable());
      }
    };
  }

  /** A form part's content type: the spec's encoding, else JSON for objects, else plain text (UTF-8). */
  private static ContentType partType(OperationRequest.FormPart p) {
    if (p.contentType() != null && !p.contentType().isBlank()) {
      ContentType t = ContentType.parse(p.contentType());
      return t.getCharset() == null && t.getMimeType().startsWith("text/") ? t.withCharset(StandardCharsets.UTF_8) : t;
    }
    return isScalar(p.value()) ? ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8) : ContentType.APPLICATION_JSON;
  }

  private static boolean isScalar(Object v) {
    return v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>
        || v instanceof java.net.URI || v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID;
  }

  /** A non-file form value as text: a string as is (also when the spec says it holds JSON), a scalar, or JSON. */
  private static String text(String vendor, OperationRequest request, String field, Object value) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (isScalar(value)) {
      return OperationRequest.format(value);
    }
    return new String(json(vendor, request, field, value), StandardCharsets.UTF_8);
  }

  /** Writes request bodies: an enum's unknown-value placeholder anywhere in one is refused (UnknownEnums). */
  private static final ObjectWriter REQUEST_WRITER = Json.mapper().writer().withAttribute(UnknownEnums.REQUEST, true);

  private static byte[] json(String vendor, OperationRequest request, String field, Object value) {
    try {
      return REQUEST_WRITER.writeValueAsBytes(value);
    } catch (UnknownEnums.Placeholder e) {
      throw new RequestValidationException(vendor, request.operationId(), List.of(new Violation(
          JsonPaths.under(field, JsonPaths.of(e)), UnknownEnums.UNKNOWN_CONSTANT, e.getOriginalMessage())));
    } catch (JsonProcessingException | RuntimeException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new RequestValidationException(vendor, request.operationId(), List.of(new Violation("body",
          value.getClass().getSimpleName(), "cannot be written as JSON: " + String.valueOf(why).lines().findFirst()
          .orElse(""))));
    }
  }

  /**
   * Checks one binary body as an operation sending it would, and sends nothing: for a flow that must fail before an
   * earlier call (e.g. reserving a presigned upload before the file is sent).
   *
   * @param documentedLimit the vendor's documented size limit in bytes, or null for none
   * @return the length the body would be sent with
   * @throws RequestValidationException naming the field, the file (or stream) and the rule it breaks
   */
  public static long checkUpload(String vendor, String operationId, String field, BinaryBody body,
      Long documentedLimit) {
    OperationRequest.Builder request = OperationRequest.builder(operationId, "PUT", "/");
    if (documentedLimit != null) {
      request.maxBytes(field, documentedLimit);
    }
    return check(vendor, request.build(), List.of(Map.entry(field, body))).get(0);
  }

  /**
   * Checks binary bodies before sending and returns the lengths they will be sent with, in order.
   *
   * @throws RequestValidationException naming, for each body that breaks a rule, the field, the file (or stream)
   *     and the rule
   */
  static List<Long> check(String vendor, OperationRequest request, List<Map.Entry<String, BinaryBody>> bodies) {
    List<Violation> violations = new ArrayList<>();
    List<Long> lengths = new ArrayList<>();
    for (Map.Entry<String, BinaryBody> e : bodies) {
      long length = -1;
      lengths.add(length);
      String field = e.getKey();
      BinaryBody body = e.getValue();
      String what = body.file().map(Path::toString).orElse("stream " + body.fileName().orElse("?"));
      if (body.file().isPresent()) {
        Path file = body.file().get();
        if (!Files.exists(file)) {
          violations.add(new Violation(field, what, "must be an existing file"));
          continue;
        }
        if (!Files.isRegularFile(file)) {
          violations.add(new Violation(field, what, "must be a regular file (not a directory or device)"));
          continue;
        }
        try (SeekableByteChannel ignored = Files.newByteChannel(file)) {
          length = Files.size(file);
        } catch (IOException | SecurityException x) {
          violations.add(new Violation(field, what, "must be readable (" + x.getClass().getSimpleName() + ")"));
          continue;
        }
      } else {
        if (!body.replayable()) {
          violations.add(new Violation(field, what, "must not have been sent already (a stream is sent once)"));
          continue;
        }
        try {
          length = body.length();
        } catch (IOException impossible) {
          throw new IllegalStateException(impossible);
        }
        if (length < 0) {
          violations.add(new Violation(field, what + " of length " + length, "length must be >= 0"));
          continue;
        }
      }
      Long documented = request.maxBytes().get(field);
      long limit = body.sizeLimit().isPresent() ? body.sizeLimit().getAsLong() : documented == null ? -1 : documented;
      if (limit >= 0 && length > limit) {
        violations.add(new Violation(field, what + " (" + length + " bytes)", "must be at most " + limit + " bytes"
            + (body.sizeLimit().isPresent() ? " (the body's own size limit)"
                : " (the vendor's documented limit; BinaryBody.withSizeLimit raises it if your plan allows more)")));
      }
      lengths.set(lengths.size() - 1, length);
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(vendor, request.operationId(), violations);
    }
    return lengths;
  }

  /** A raw binary request body, streamed with an exact Content-Length. */
  private static final class BinaryEntity extends AbstractHttpEntity {
    private final BinaryBody body;
    private final long length;

    BinaryEntity(BinaryBody body, long length, ContentType type) {
      super(type, null);
      this.body = body;
      this.length = length;
    }

    @Override
    public boolean isRepeatable() {
      return body.repeatable();
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public InputStream getContent() throws IOException {
      throw new UnsupportedOperationException("streamed by writeTo");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      body.writeTo(out, length);
    }

    @Override
    public boolean isStreaming() {
      return false;
    }

    @Override
    public void close() {
      // the body's source is opened and closed by writeTo
    }
  }

  /** A multipart file part, streamed, with its length known so that the whole form has a Content-Length. */
  private static final class FilePart extends AbstractContentBody {
    private final BinaryBody body;
    private final long length;

    FilePart(BinaryBody body, long length) {
      super(ContentType.parse(body.contentType()));
      this.body = body;
      this.length = length;
    }

    @Override
    public String getFilename() {
      return body.fileName().orElse(null);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      body.writeTo(out, length);
    }

    @Override
    public long getContentLength() {
      return length;
    }
  }
}
