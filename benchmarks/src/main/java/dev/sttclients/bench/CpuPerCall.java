package dev.sttclients.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pair 8, the child process: the calling thread's CPU time and allocation per call, the client and raw alternating
 * in batches in one JVM. Apache HttpClient's classic API does all of a call's work on the calling thread (sending,
 * reading, decoding), and the loopback server runs on its own threads, so the calling thread's CPU time is what
 * the call costs on the client's side, unaffected by the scheduler, the server or the other side's fork. On a
 * machine with few cores, throughput at 8 and 64 threads is bound by exactly this CPU, and pair 2's fork-to-fork
 * spread hides it.
 *
 * <p>Both sides share one JVM, so they share the JIT's profile of Jackson and HttpClient (which neither side has
 * to itself in pairs 1–3); batches alternate which side goes first.
 *
 * <p>Usage: {@code CpuPerCall <warm-up seconds> <batches>}. Prints one line per side and batch:
 * {@code cpu op=<op> side=<side> cpu_ns=<per call> alloc_b=<per call>}.
 */
public final class CpuPerCall {
  /** Calls per batch of {@code get()}, and listings per batch of paging (~0.1 s and ~0.2 s of CPU). */
  static final int GETS = 2000;
  static final int LISTINGS = 20;

  interface Call {
    void run() throws Exception;
  }

  record Side(String op, String side, int calls, Call call) {}

  private CpuPerCall() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CpuPerCall <warm-up seconds> <batches>");
    }
    long warmupNanos = Long.parseLong(args[0]) * 1_000_000_000L;
    int batches = Integer.parseInt(args[1]);
    Env env = new Env();
    env.setUp(Smoke.DOWNLOAD_BYTES);
    try {
      Blackhole bh = new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
      Paging paging = new Paging();
      List<List<Side>> ops = List.of(
          List.of(new Side("get", "client", GETS, () -> bh.consume(env.gladia.preRecorded().get(Fixtures.GLADIA_ID))),
              new Side("get", "raw", GETS, () -> bh.consume(env.raw.gladiaGet(Fixtures.GLADIA_ID)))),
          List.of(new Side("paging", "client", LISTINGS, () -> bh.consume(paging.client(env, bh))),
              new Side("paging", "raw", LISTINGS, () -> bh.consume(paging.raw(env, bh))),
              new Side("paging", "rawStrict", LISTINGS, () -> bh.consume(paging.rawStrict(env, bh)))));
      for (List<Side> sides : ops) {
        long end = System.nanoTime() + warmupNanos / ops.size();
        do { // bounded by the warm-up time
          for (Side s : sides) {
            batch(s, s.calls() / 10);
          }
        } while (System.nanoTime() < end);
        for (int b = 0; b < batches; b++) {
          List<Side> order = new ArrayList<>(sides);
          java.util.Collections.rotate(order, b); // each side goes first in turn
          for (Side s : order) {
            long[] used = batch(s, s.calls());
            System.out.printf(java.util.Locale.ROOT, "cpu op=%s side=%s cpu_ns=%.1f alloc_b=%.1f%n", s.op(), s.side(),
                used[0] / (double) s.calls(), used[1] / (double) s.calls());
          }
        }
      }
    } finally {
      env.tearDown();
    }
  }

  /** Runs {@code calls} calls of {@code s}; returns the calling thread's CPU ns and allocated bytes. */
  private static long[] batch(Side s, int calls) throws Exception {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long alloc0 = mx.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      s.call().run();
    }
    return new long[] {mx.getCurrentThreadCpuTime() - cpu0, mx.getThreadAllocatedBytes(id) - alloc0};
  }
}
