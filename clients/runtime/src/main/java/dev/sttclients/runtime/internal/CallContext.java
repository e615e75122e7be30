package dev.sttclients.runtime.internal;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What the connections need to know about the call running on this thread (blocking I/O runs on the calling
 * thread): its deadline, and the query-string credential for the current hop, if any. Set by the runtime around
 * each call; absent while a user reads a streamed body after the call returned.
 */
public final class CallContext {
  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final Duration callTimeout;
  private final CallContext previous;
  private volatile String queryCredential;

  private CallContext(Duration callTimeout, long deadlineNanos, CallContext previous) {
    this.callTimeout = callTimeout;
    this.deadlineNanos = deadlineNanos;
    this.previous = previous;
  }

  /** Starts a call with this overall deadline on the current thread; close it with {@link #exit()}. */
  public static CallContext enter(Duration callTimeout) {
    return push(new CallContext(callTimeout, System.nanoTime() + callTimeout.toNanos(), CURRENT.get()));
  }

  /**
   * The same deadline again on the current thread, e.g. for reading a download's body after its call returned;
   * close it with {@link #exit()}.
   */
  public CallContext reenter() {
    return push(new CallContext(callTimeout, deadlineNanos, CURRENT.get()));
  }

  private static CallContext push(CallContext c) {
    CURRENT.set(c);
    return c;
  }

  /** The call running on this thread, or null. */
  public static CallContext current() {
    return CURRENT.get();
  }

  public void exit() {
    CURRENT.set(previous); // null when none: set, not remove(), so that the thread keeps its entry for the next call
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  /** Nanoseconds left before the deadline; zero or less once it passed. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** Whole milliseconds left, rounded up (so that a positive remainder never becomes a 0 = infinite timeout). */
  public long remainingMillis() {
    return ceilMillis(remainingNanos());
  }

  /** {@code nanos} in whole milliseconds rounded up; 0 for zero or less. */
  static long ceilMillis(long nanos) {
    return Math.max(0, (nanos + 999_999) / 1_000_000);
  }

  public boolean expired() {
    return remainingNanos() <= 0;
  }

  /** {@code name=value} (encoded) to append to the query of the request about to be written, or null. */
  public String queryCredential() {
    return queryCredential;
  }

  public void queryCredential(String nameValue) {
    this.queryCredential = nameValue;
  }

  /** Thrown by a read that would go past the call's deadline. */
  public static final class DeadlineExceeded extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceeded(Duration callTimeout) {
      super("call timeout of " + callTimeout.toMillis() + " ms reached");
    }
  }
}
