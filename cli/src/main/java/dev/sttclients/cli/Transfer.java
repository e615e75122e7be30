package dev.sttclients.cli;

import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.ConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * Streams a download to a file or standard output with a progress line: 64 KiB at a time, never the whole body in
 * memory. A file is written beside its target and moved into place when complete, so a broken download never leaves
 * a truncated file under the target's name. A read that fails is the vendor's connection (exit 3); a write that fails
 * is the local file (exit 2).
 */
final class Transfer {
  private Transfer() {}

  /** What was written: the JSON of {@code download --output json}. */
  record Result(String file, long bytes, String contentType, String fileName) {}

  static Result save(BinaryResponse response, Path target, CliContext context, String vendor, String operation) {
    String what = vendor + " " + operation;
    Progress progress = context.progress();
    OptionalLong total = response.contentLength();
    long bytes;
    try {
      if (target == null) {
        context.out().flush();
        bytes = copy(response.body(), context.stdout(), "standard output", progress, vendor, what, total);
      } else {
        bytes = toFile(response.body(), target, progress, vendor, what, total);
      }
    } finally {
      progress.clear();
    }
    return new Result(target == null ? "-" : target.toString(), bytes, response.contentType().orElse(null),
        response.fileName().orElse(null));
  }

  private static long toFile(InputStream body, Path target, Progress progress, String vendor, String what,
      OptionalLong total) {
    Path dir = target.toAbsolutePath().getParent();
    Path part;
    try {
      part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new UsageException("cannot write " + target + ": " + Text.clean(e.getMessage()));
    }
    try {
      long n;
      try (OutputStream out = Files.newOutputStream(part)) {
        n = copy(body, out, target.toString(), progress, vendor, what, total);
      } catch (IOException e) { // closing the file
        throw new UsageException("cannot write " + target + ": " + Text.clean(e.getMessage()));
      }
      try {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UsageException("cannot write " + target + ": " + Text.clean(e.getMessage()));
      }
      return n;
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // a leftover .part file is harmless
      }
    }
  }

  private static long copy(InputStream in, OutputStream out, String where, Progress progress, String vendor,
      String what, OptionalLong total) {
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (IOException e) {
        throw new ConnectionException(vendor, what + ": the download broke off after " + n + " bytes: "
            + Text.clean(String.valueOf(e.getMessage())), 1, e);
      }
      if (read < 0) {
        try {
          out.flush();
        } catch (IOException e) {
          throw new UsageException("cannot write " + where + ": " + Text.clean(e.getMessage()));
        }
        return n;
      }
      try {
        out.write(buffer, 0, read);
      } catch (IOException e) {
        throw new UsageException("cannot write " + where + ": " + Text.clean(e.getMessage()));
      }
      n += read;
      progress.transfer(what + ":", n, total);
    }
  }
}
