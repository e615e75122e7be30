package dev.sttclients.bench;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.PreRecordedJob;

/**
 * Pair 5, the child process: a fresh JVM that builds a client (Gladia's, or the raw baseline) and makes one
 * {@code get}, then prints what it took. The runner starts it many times, alternating the two sides, against a
 * loopback server in its own (warm) process, and also times the whole process from outside.
 *
 * <p>Usage: {@code ColdStart client|raw <baseUrl>}. Prints one line:
 * {@code coldstart side=<side> build_ns=<n> first_call_ns=<n>}, where {@code build_ns} is from the start of
 * {@code main} to a built client and {@code first_call_ns} from the start of {@code main} to the decoded job
 * (so it includes the build).
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ColdStart client|raw <baseUrl>");
    }
    System.out.println(run(start, args[0], args[1]));
  }

  /** Builds, calls once, checks the job and returns the result line; {@code start} is when main began. */
  static String run(long start, String side, String base) throws Exception {
    long built;
    long done;
    PreRecordedJob job;
    if (side.equals("client")) {
      try (GladiaClient gladia = Env.gladia(base, false)) {
        built = System.nanoTime();
        job = gladia.preRecorded().get(Fixtures.GLADIA_ID);
        done = System.nanoTime();
      }
    } else if (side.equals("raw")) {
      try (Raw raw = new Raw(base)) {
        built = System.nanoTime();
        job = raw.gladiaGet(Fixtures.GLADIA_ID);
        done = System.nanoTime();
      }
    } else {
      throw new IllegalArgumentException("side must be client or raw, was " + side);
    }
    if (job == null || !Fixtures.GLADIA_ID.equals(String.valueOf(job.getId()))) {
      throw new IllegalStateException("wrong job decoded: " + job);
    }
    return "coldstart side=" + side + " build_ns=" + (built - start) + " first_call_ns=" + (done - start);
  }
}
