package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallContextTest {
  @Test
  void enterAndExitNestAndRestore() {
    assertNull(CallContext.current());
    CallContext outer = CallContext.enter(Duration.ofMinutes(5));
    try {
      assertSame(outer, CallContext.current());
      CallContext inner = CallContext.enter(Duration.ofMinutes(1));
      assertSame(inner, CallContext.current());
      inner.exit();
      assertSame(outer, CallContext.current());
    } finally {
      outer.exit();
    }
    assertNull(CallContext.current());
  }

  @Test
  void remainingTimeIsRoundedUpAndNeverNegative() {
    CallContext c = CallContext.enter(Duration.ofMinutes(5));
    try {
      long ms = c.remainingMillis();
      assertTrue(ms > 299_000 && ms <= 300_000, String.valueOf(ms));
      assertTrue(c.remainingNanos() > 299_000_000_000L);
      assertFalse(c.expired());
      assertEquals(Duration.ofMinutes(5), c.callTimeout());
    } finally {
      c.exit();
    }
    CallContext tiny = CallContext.enter(Duration.ofNanos(1));
    try {
      assertEquals(0, tiny.remainingMillis());
      assertTrue(tiny.expired());
    } finally {
      tiny.exit();
    }
  }

  @Test
  void aSubMillisecondRemainderIsOneMillisecondNotZero() {
    CallContext c = CallContext.enter(Duration.ofMillis(200));
    try {
      long ms = c.remainingMillis();
      assertTrue(ms >= 1 && ms <= 200, String.valueOf(ms));
    } finally {
      c.exit();
    }
  }

  @Test
  void millisecondsAreRoundedUp() {
    assertEquals(0, CallContext.ceilMillis(0));
    assertEquals(0, CallContext.ceilMillis(-5));
    assertEquals(0, CallContext.ceilMillis(-2_000_000));
    assertEquals(1, CallContext.ceilMillis(1));
    assertEquals(1, CallContext.ceilMillis(999_999));
    assertEquals(1, CallContext.ceilMillis(1_000_000));
    assertEquals(2, CallContext.ceilMillis(1_000_001));
  }

  @Test
  void theQueryCredentialIsPerCall() {
    CallContext c = CallContext.enter(Duration.ofSeconds(1));
    try {
      assertNull(c.queryCredential());
      c.queryCredential("k=v");
      assertEquals("k=v", c.queryCredential());
    } finally {
      c.exit();
    }
  }

  @Test
  void theDeadlineExceptionNamesTheTimeout() {
    assertEquals("call timeout of 1500 ms reached",
        new CallContext.DeadlineExceeded(Duration.ofMillis(1500)).getMessage());
  }
}
