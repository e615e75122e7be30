package dev.sttclients.runtime;

import java.time.Duration;

/**
 * One retry about to happen: which call, which attempt failed, why, and how long the client waits.
 * Never contains credentials or query strings.
 *
 * @param vendor e.g. {@code gladia}
 * @param operation the operation id, e.g. {@code get}
 * @param method HTTP method
 * @param path request path without query string
 * @param failedAttempt the attempt that just failed (1 = the first try)
 * @param maxAttempts the most attempts this call may make
 * @param reason e.g. {@code HTTP 503} or {@code connection reset}
 * @param delay wait before the next attempt
 */
public record RetryEvent(String vendor, String operation, String method, String path, int failedAttempt,
    int maxAttempts, String reason, Duration delay) {

  @Override
  public String toString() {
    return vendor + " " + operation + " (" + method + " " + path + "): attempt " + failedAttempt + " of "
        + maxAttempts + " failed (" + reason + "), retrying in " + delay.toMillis() + " ms";
  }
}
