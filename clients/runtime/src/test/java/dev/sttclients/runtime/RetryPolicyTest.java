package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsAreTwoRetriesHalfSecondInitialEightSecondCap() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(2, p.maxRetries());
    assertEquals(Duration.ofMillis(500), p.initialBackoff());
    assertEquals(Duration.ofSeconds(8), p.maxBackoff());
    assertEquals(Duration.ofSeconds(60), p.maxRetryAfter());
    assertEquals(0, RetryPolicy.none().maxRetries());
  }

  @Test
  void fullJitterStaysWithinTheExponentialCeilingAndTheCap() {
    RetryPolicy p = RetryPolicy.defaults();
    long[] ceilings = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int retry = 1; retry <= ceilings.length; retry++) {
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 2000; i++) {
        long ms = p.backoff(retry).toMillis();
        assertTrue(ms >= 0 && ms <= ceilings[retry - 1], "retry " + retry + " waited " + ms + " ms");
        seen.add(ms);
      }
      // Full jitter: the waits spread over the range instead of sitting at one value.
      assertTrue(seen.size() > 50, "retry " + retry + " produced only " + seen.size() + " distinct waits");
    }
  }

  @Test
  void hugeRetryNumbersAndTheLongestBackoffsDoNotOverflow() {
    RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ofDays(300), Duration.ofDays(365));
    for (int retry = 1; retry <= 64; retry++) {
      Duration d = p.backoff(retry);
      assertTrue(!d.isNegative() && d.compareTo(Duration.ofDays(365)) <= 0, d.toString());
    }
    assertEquals(Duration.ZERO, RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ZERO).backoff(3));
  }

  @Test
  void rejectsOutOfRangeSettings() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxRetries(11));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().backoff(0));
    // Longer than the clock's arithmetic can take: refused when set, not an ArithmeticException at the first retry.
    assertEquals("maxBackoff must be between 0 and 365 days, was PT8760H0.001S", assertThrows(
        IllegalArgumentException.class, () -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(1),
            Duration.ofDays(365).plusMillis(1))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals(Duration.ofDays(365), RetryPolicy.defaults().withMaxRetryAfter(Duration.ofDays(365)).maxRetryAfter());
  }

  @Test
  void aOneMillisecondCeilingWaitsZeroOrOneMillisecond() {
    RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      seen.add(p.backoff(1).toMillis());
    }
    assertEquals(Set.of(0L, 1L), seen);
    assertEquals(10, RetryPolicy.defaults().withMaxRetries(10).maxRetries());
  }

  @Test
  void describesItself() {
    assertEquals("RetryPolicy{maxRetries=2, initialBackoff=PT0.5S, maxBackoff=PT8S, maxRetryAfter=PT1M}",
        RetryPolicy.defaults().toString());
    assertEquals(Duration.ofSeconds(5), RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(5))
        .maxRetryAfter());
  }
}
