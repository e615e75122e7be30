package dev.sttclients.runtime.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.waiter.Scripted.Status;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A descriptor read field by field. Every descriptor here is built inside the test (not in a static field), so that
 * what the builder does is checked when it runs.
 */
class JobDescriptorTest {
  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-01T10:00:00+01:00");
  private static final OffsetDateTime COMPLETED = OffsetDateTime.parse("2026-01-01T10:05:30+01:00");

  /** A job model with every field a descriptor can read; {@code error} is whatever the vendor puts there. */
  record Task(String id, Status state, OffsetDateTime created, OffsetDateTime completed, Object error) {}

  private static JobDescriptor<Task> full() {
    return JobDescriptor.builder("acme", Task.class)
        .status("job_status", Task::state)
        .id(Task::id)
        .createdAt(Task::created)
        .completedAt(Task::completed)
        .failureMessage(Task::error)
        .build();
  }

  private static JobDescriptor<Task> bare() {
    return JobDescriptor.builder("acme", Task.class).status("job_status", Task::state).build();
  }

  private static Task task(Object error) {
    return new Task("t-1", Status.ERROR, CREATED, COMPLETED, error);
  }

  private static ApiResponse<Task> response(Task body, Map<String, String> unknownEnumValues) {
    return new ApiResponse<>(200, Map.of(), null, 1, body, unknownEnumValues);
  }

  @Test
  void aFullDescriptorReadsEveryField() {
    JobDescriptor<Task> d = full();

    assertEquals("acme", d.vendor());
    assertSame(Task.class, d.modelType());
    assertEquals("job_status", d.statusField());
    assertEquals("JobDescriptor{acme, Task, status=job_status}", d.toString());

    Task t = task("disk full");
    assertEquals(JobState.FAILED, d.state(t));
    assertEquals("error", d.rawStatus(response(t, Map.of())));
    assertEquals(Optional.of("t-1"), d.id(t));
    assertEquals(Optional.of(CREATED), d.createdAt(t));
    assertEquals(Optional.of(COMPLETED), d.completedAt(t));
    assertEquals(Optional.of("disk full"), d.failureMessage(t));
  }

  @Test
  void aFieldTheJobLeavesEmptyOrAMissingJobReadsAsEmpty() {
    JobDescriptor<Task> d = full();
    Task empty = new Task(null, null, null, null, null);

    assertTrue(d.id(empty).isEmpty());
    assertTrue(d.createdAt(empty).isEmpty());
    assertTrue(d.completedAt(empty).isEmpty());
    assertTrue(d.failureMessage(empty).isEmpty());
    assertEquals(JobState.UNKNOWN, d.state(empty));
    assertNull(d.rawStatus(response(empty, Map.of())), "no status at all: no raw status either");

    assertTrue(d.id(null).isEmpty());
    assertTrue(d.createdAt(null).isEmpty());
    assertTrue(d.completedAt(null).isEmpty());
    assertTrue(d.failureMessage(null).isEmpty());
    assertEquals(JobState.UNKNOWN, d.state(null));
    assertNull(d.rawStatus(response(null, Map.of())));
  }

  @Test
  void aDescriptorWithOnlyTheStatusReadsNothingElse() {
    JobDescriptor<Task> d = bare();
    Task t = task("disk full");

    assertEquals(JobState.FAILED, d.state(t));
    assertTrue(d.id(t).isEmpty());
    assertTrue(d.createdAt(t).isEmpty());
    assertTrue(d.completedAt(t).isEmpty());
    assertTrue(d.failureMessage(t).isEmpty());
  }

  @Test
  void theStatusIsRequired() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> JobDescriptor.builder("acme", Task.class).id(Task::id).build());
    assertEquals("status field: call status(...)", e.getMessage());
  }

  @Test
  void aStatusTheSpecDoesNotListKeepsTheStringTheServerSent() {
    Task t = new Task("t-1", Status.UNKNOWN_DEFAULT_OPEN_API, null, null, null);
    JobDescriptor<Task> d = full();
    assertEquals(JobState.UNKNOWN, d.state(t));
    assertEquals("archiving", d.rawStatus(response(t, Map.of("job_status", "archiving"))));
    assertEquals("unknown_default_open_api", d.rawStatus(response(t, Map.of("other_field", "x"))),
        "only the status field's own raw string counts");
  }

  /** A vendor's failure value in any shape: a string as is, a structure as compact JSON, nothing as empty. */
  @Test
  void theFailureMessageIsTextWhateverShapeTheVendorGivesIt() {
    JobDescriptor<Task> d = full();

    assertEquals(Optional.of("quota exceeded"), d.failureMessage(task(Optional.of("quota exceeded"))));
    assertEquals(Optional.empty(), d.failureMessage(task(Optional.empty())));
    assertEquals(Optional.of("[\"bad audio\",\"too short\"]"), d.failureMessage(task(List.of("bad audio", "too short"))));
    assertEquals(Optional.of("{\"code\":42}"), d.failureMessage(task(Map.of("code", 42))));
    assertEquals(Optional.of("{\"code\":\"E_AUDIO\",\"retryable\":false}"),
        d.failureMessage(task(new VendorError("E_AUDIO", false))));
    assertEquals(Optional.of("7"), d.failureMessage(task(7)));

    assertEquals(Optional.empty(), d.failureMessage(task(List.of())), "an empty list says nothing");
    assertEquals(Optional.empty(), d.failureMessage(task(Map.of())), "an empty object says nothing");
    assertEquals(Optional.empty(), d.failureMessage(task("  ")), "a blank string says nothing");
    assertEquals(Optional.empty(), d.failureMessage(task(Optional.of(""))));
  }

  @Test
  void aFailureValueJsonCannotWriteIsGivenAsItsToString() {
    assertEquals(Optional.of("Unwritable[E42]"), full().failureMessage(task(new Unwritable())));
  }

  record VendorError(String code, boolean retryable) {}

  /** Its one property throws when read: Jackson cannot write it. */
  static final class Unwritable {
    public String getDetail() {
      throw new IllegalStateException("not readable");
    }

    @Override
    public String toString() {
      return "Unwritable[E42]";
    }
  }
}
