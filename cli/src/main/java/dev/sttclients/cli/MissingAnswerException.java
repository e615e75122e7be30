package dev.sttclients.cli;

/**
 * The vendor answered, but without what the command needs (e.g. no output file in the format asked for): the same
 * exit code as an API error, 3.
 */
final class MissingAnswerException extends RuntimeException {
  MissingAnswerException(String message) {
    super(message);
  }
}
