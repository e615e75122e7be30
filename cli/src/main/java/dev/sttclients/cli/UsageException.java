package dev.sttclients.cli;

/**
 * The command line cannot be carried out as given, found by the tool before anything is sent: no key, a file that
 * cannot be read or written, an unknown vendor. Exit code 2.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
