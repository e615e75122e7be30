package dev.sttclients.bench;

import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.errors.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Calls every benchmark method once, in this JVM, and checks what it returns: each side decodes the fixed body
 * into the expected model (client and raw equal), paging sees every job of every page, downloads see every byte,
 * validation really validates. Measures nothing and asserts nothing about time. Run by {@code run.sh --smoke}
 * and by the module's test.
 */
public final class Smoke {
  /** Downloads in the smoke check: 1 MiB and an odd tail. */
  static final long DOWNLOAD_BYTES = (1L << 20) + 4099;

  private Smoke() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    List<String> checks = run();
    checks.forEach(c -> System.out.println("ok  " + c));
    System.out.printf("smoke: %d checks passed in %d ms%n", checks.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** Runs the checks; throws {@link AssertionError} on the first that fails. Returns what was checked. */
  public static List<String> run() throws Exception {
    List<String> done = new ArrayList<>();
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    Env env = new Env();
    env.setUp(DOWNLOAD_BYTES);
    try {
      GladiaGet get = new GladiaGet();
      PreRecordedJob job = get.client(env);
      check(Fixtures.GLADIA_ID.equals(String.valueOf(job.getId())) && job.getStatus() == JobStatus.DONE
          && job.getResult() != null, "GladiaGet.client decodes the job: " + job);
      check(job.equals(get.raw(env)), "GladiaGet.raw decodes the same job as the client");
      check(job.equals(get.clientStrict(env)), "GladiaGet.clientStrict decodes the same job (and it passes strict validation)");
      done.add("GladiaGet: client, raw and clientStrict decode the same PreRecordedJob");

      VendorGet vendors = new VendorGet();
      check(Fixtures.DAILY_ID.equals(String.valueOf(vendors.dailyClient(env).getId()))
          && Objects.equals(vendors.dailyClient(env), vendors.dailyRaw(env))
          && vendors.dailyRaw(env).getOutput().getTranscription().size() == 4, "VendorGet.daily*: same BatchProcessorJob");
      check(Fixtures.SLNG_ID.equals(vendors.slngClient(env).getJobId())
          && Objects.equals(vendors.slngClient(env), vendors.slngRaw(env)), "VendorGet.slng*: same BatchJob");
      check(Long.valueOf(Fixtures.VERBIT_JOB_ID).equals(vendors.verbitClient(env).getId())
          && Objects.equals(vendors.verbitClient(env), vendors.verbitRaw(env)), "VendorGet.verbit*: same JobInfo");
      done.add("VendorGet: Daily, SLNG and Verbit, client and raw decode the same models");

      Paging paging = new Paging();
      int expected = Fixtures.PAGES * Fixtures.PAGE_SIZE;
      long before = env.server.requests();
      check(paging.client(env, bh) == expected, "Paging.client sees every job");
      check(env.server.requests() - before == Fixtures.PAGES, "Paging.client makes one request per page, was "
          + (env.server.requests() - before));
      before = env.server.requests();
      check(paging.raw(env, bh) == expected, "Paging.raw sees every job");
      check(env.server.requests() - before == Fixtures.PAGES, "Paging.raw makes one request per page");
      before = env.server.requests();
      check(paging.rawStrict(env, bh) == expected, "Paging.rawStrict sees every job");
      check(env.server.requests() - before == Fixtures.PAGES, "Paging.rawStrict makes one request per page");
      done.add("Paging: client, raw and rawStrict see " + expected + " jobs in " + Fixtures.PAGES + " requests");

      Download download = new Download();
      Download.Buffer buffer = new Download.Buffer();
      check(download.client(env, buffer) == DOWNLOAD_BYTES, "Download.client reads every byte");
      check(download.raw(env, buffer) == DOWNLOAD_BYTES, "Download.raw reads every byte");
      check(download.client(env, buffer) == DOWNLOAD_BYTES, "Download.client again on the pooled connection");
      done.add("Download: client and raw read all " + DOWNLOAD_BYTES + " bytes");

      Validation validation = new Validation();
      Validation.Params params = new Validation.Params();
      check(validation.client(env, params) == params.params && validation.plain(params) == params.params,
          "Validation: valid parameters pass both checks");
      ListParams bad = params.params.toBuilder().limit(0).build();
      try {
        env.gladia.preRecorded().validateList(bad);
        throw new AssertionError("Validation.client: validateList accepted limit=0");
      } catch (RequestValidationException expectedFailure) {
        // what the benchmark measures is a real check
      }
      try {
        Validation.plainCheck(bad);
        throw new AssertionError("Validation.plain accepted limit=0");
      } catch (IllegalArgumentException expectedFailure) {
        // the baseline checks the same bound
      }
      done.add("Validation: client and plain accept the benchmark's parameters and reject limit=0");

      for (String side : new String[] {"client", "raw"}) {
        String line = ColdStart.run(System.nanoTime(), side, env.server.baseUrl());
        check(line.matches("coldstart side=" + side + " build_ns=\\d+ first_call_ns=\\d+"), "ColdStart: " + line);
      }
      done.add("ColdStart: client and raw build, call and report");
    } finally {
      env.tearDown();
    }
    return done;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("smoke check failed: " + what);
    }
  }
}
