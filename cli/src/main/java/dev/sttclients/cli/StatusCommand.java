package dev.sttclients.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sttclients.jobs.Job;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.waiter.JobState;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jobs status VENDOR:ID...}: one table of jobs across vendors, in the shared vocabulary. Every argument is
 * checked (vendor known, id present, a key for each vendor named) before anything is sent; then each job is fetched
 * once. A job that cannot be fetched is a row with its error, and the exit code says the worst that happened.
 */
@Command(name = "status", description = "One table of jobs at any of the vendors: state, vendor status, times, "
    + "failure message. Each vendor takes its key from its environment variable or --api-key-file VENDOR=FILE.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand
  JobsCli root;

  @Parameters(paramLabel = "VENDOR:ID", arity = "1..*",
      description = "Jobs to show, e.g. gladia:45463597-20b7-4af7-b3b3-f5fb778203ab verbit:123456.")
  List<String> jobs;

  @Option(names = "--base-url", paramLabel = "VENDOR=URL",
      description = "A vendor's API at another address, e.g. a mock server (repeatable).")
  Map<String, String> baseUrls = new LinkedHashMap<>();

  @Option(names = "--api-key-file", paramLabel = "VENDOR=FILE",
      description = "Read a vendor's key from FILE instead of its environment variable (repeatable).")
  Map<String, Path> keyFiles = new LinkedHashMap<>();

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default) or json: an array of {vendor, id, state, status, createdAt, completedAt, "
          + "failureMessage, job (the vendor's model) or error}.")
  Format output;

  /** One job of the table, as {@code --output json} writes it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(String vendor, String id, JobState state, String status, OffsetDateTime createdAt,
      OffsetDateTime completedAt, String failureMessage, Object job, String error) {}

  private record Wanted(Vendor<?> vendor, String id, String argument) {}

  @Override
  public Integer call() {
    List<Wanted> wanted = new ArrayList<>();
    for (String arg : jobs) {
      int colon = arg.indexOf(':');
      if (colon < 0) {
        throw new UsageException("status: '" + arg + "' is not VENDOR:ID (e.g. gladia:45463597-20b7-4af7-b3b3-"
            + "f5fb778203ab)");
      }
      String name = arg.substring(0, colon);
      Vendor<?> vendor = Vendor.named(name).orElseThrow(() -> new UsageException("status: unknown vendor '" + name
          + "' in '" + arg + "': expected one of " + Vendor.names()));
      String id = arg.substring(colon + 1);
      if (id.isEmpty()) {
        throw new UsageException("status: '" + arg + "' has no job id after the colon");
      }
      wanted.add(new Wanted(vendor, id, arg));
    }
    for (String name : concat(baseUrls.keySet(), keyFiles.keySet())) {
      if (Vendor.named(name).isEmpty()) {
        throw new UsageException("status: unknown vendor '" + name + "' in --base-url/--api-key-file: expected one of "
            + Vendor.names());
      }
    }
    Map<Vendor<?>, SttClient> clients = new LinkedHashMap<>();
    for (Wanted w : wanted) { // every key and address checked before the first request
      clients.computeIfAbsent(w.vendor(), v -> v.connect(root.context(), baseUrls.get(v.name()), keyFiles.get(v.name())));
    }

    List<Entry> entries = new ArrayList<>();
    int exit = JobsCli.OK;
    for (Wanted w : wanted) {
      try {
        Job<?> job = w.vendor().jobs(clients.get(w.vendor())).get(w.id(), RequestOptions.none());
        entries.add(new Entry(job.vendor(), job.id(), job.state(), job.rawStatus(), job.createdAt().orElse(null),
            job.completedAt().orElse(null), job.failureMessage().orElse(null), job.model(), null));
      } catch (SttException e) {
        int code = JobsCli.exitCode(e);
        exit = exit == JobsCli.USAGE || code == JobsCli.USAGE ? JobsCli.USAGE : Math.max(exit, code);
        root.context().err().println("jobs: " + Text.clean(e.getMessage()));
        entries.add(new Entry(w.vendor().name(), w.id(), null, null, null, null, null, null,
            e.getMessage()));
      }
    }
    if (output == Format.json) {
      root.context().out().println(VendorCommand.json(entries));
    } else {
      Table t = JobRow.table();
      for (Entry e : entries) {
        if (e.error() != null) {
          t.row(e.vendor(), e.id(), "ERROR", null, null, null, e.error());
        } else {
          new JobRow(e.vendor(), e.id(), e.state(), e.status(), e.createdAt(), e.completedAt(), e.failureMessage())
              .addTo(t);
        }
      }
      t.print(root.context().out());
    }
    return exit;
  }

  private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
