package dev.sttclients.cli;

/** {@code --output}: lower-case constants, because picocli shows and accepts them as written. */
enum Format {
  /** For people: aligned columns, one row per job. */
  table,
  /** For programs: the vendor's typed model, serialised with the clients' ObjectMapper. */
  json
}
