package dev.sttclients.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * Files named on the command line: read with a size bound (a key file of {@code /dev/zero} must not fill the heap),
 * and every problem a {@link UsageException} naming the file and what is wrong, before anything is sent.
 */
final class LocalFiles {
  static final int MAX_KEY_BYTES = 64 * 1024;
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private LocalFiles() {}

  /** The API key in {@code file}: its one line, without surrounding whitespace. Never echoed in a message. */
  static String readKey(Path file) {
    String text = readText(file, "API key file", MAX_KEY_BYTES).strip();
    if (text.isEmpty()) {
      throw new UsageException("API key file " + file + " is empty");
    }
    if (text.contains("\n") || text.contains("\r")) {
      throw new UsageException("API key file " + file + " has more than one line: it must hold the key alone");
    }
    return text;
  }

  /** A JSON request body ({@code --body FILE}) as the request model {@code type}. */
  static <T> T readJson(Path file, Class<T> type) {
    String text = readText(file, "body file", MAX_BODY_BYTES);
    try {
      T value = Json.mapper().readValue(text, type);
      if (value == null) {
        throw new UsageException("body file " + file + " holds null, not a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new UsageException("body file " + file + " is not a " + type.getSimpleName() + " in JSON: "
          + Text.clean(e.getOriginalMessage()) + (e.getLocation() == null ? ""
              : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    }
  }

  /** Checks before anything is sent that {@code file} (e.g. audio to upload) is a readable file. */
  static void checkReadable(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new UsageException("cannot read " + what + " " + file + ": it is a directory");
    }
    if (!Files.exists(file)) {
      throw new UsageException("cannot read " + what + " " + file + ": no such file");
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("cannot read " + what + " " + file + ": permission denied");
    }
  }

  /** Checks before anything is sent that {@code target} can be written: its directory exists and is writable. */
  static void checkWritable(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (Files.isDirectory(target)) {
      throw new UsageException("cannot write " + target + ": it is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException("cannot write " + target + ": no such directory " + dir);
    }
    if (!Files.isWritable(dir) || (Files.exists(target) && !Files.isWritable(target))) {
      throw new UsageException("cannot write " + target + ": permission denied");
    }
  }

  private static String readText(Path file, String what, int maxBytes) {
    if (Files.isDirectory(file)) {
      throw new UsageException("cannot read " + what + " " + file + ": it is a directory");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + what + " " + file + ": permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot read " + what + " " + file + ": " + Text.clean(e.getMessage()));
    }
    if (bytes.length > maxBytes) {
      throw new UsageException(what + " " + file + " is larger than " + Text.bytes(maxBytes));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException(what + " " + file + " is not UTF-8 text");
    }
  }
}
