package dev.sttclients.runtime.waiter;

/**
 * A vendor's job status enum, as generated from its spec: every generated enum whose schema carries an
 * {@code x-job-states} table implements this (see generator-config/templates/README.md).
 */
public interface JobStatusValue {

  /** The vendor's own string for this status, as on the wire (e.g. {@code "In Progress"}). */
  String getValue();

  /**
   * This status in the shared vocabulary, from the spec's {@code x-job-states} table; the enum's
   * {@code UNKNOWN_DEFAULT_OPEN_API} constant (a status the spec does not list) is {@link JobState#UNKNOWN}.
   */
  JobState jobState();
}
