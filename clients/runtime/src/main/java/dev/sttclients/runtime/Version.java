package dev.sttclients.runtime;

/** The runtime's version, sent in the User-Agent. */
final class Version {
  static final String VALUE = "0.1.0";

  private Version() {}
}
