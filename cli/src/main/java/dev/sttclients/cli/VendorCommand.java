package dev.sttclients.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sttclients.jobs.Job;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.WaitListener;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * A vendor's command ({@code jobs gladia ...}): the options every operation shares (where to connect, the key, the
 * output format, extra headers), the operations every vendor has through the vendor-neutral view ({@code get},
 * {@code wait}), and the helpers a vendor's own operations use. A vendor's subclass adds its operations as annotated
 * methods: one method per operation, picocli turns each into a subcommand.
 *
 * @param <C> the vendor's client
 */
abstract class VendorCommand<C extends SttClient> implements Callable<Integer> {
  @ParentCommand
  JobsCli root;

  @Spec
  CommandSpec spec;

  @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "The vendor's API at another address, e.g. a mock server (default: the vendor's production API).")
  String baseUrl;

  @Option(names = "--api-key-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Read the API key from FILE (its one line) instead of the vendor's environment variable.")
  Path apiKeyFile;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", scope = ScopeType.INHERIT,
      description = "table (default): one row per job, for people; json: the vendor's own model, for programs.")
  Format output;

  @Option(names = "--header", paramLabel = "'NAME: VALUE'", scope = ScopeType.INHERIT,
      description = "An extra header on every request (repeatable), e.g. 'Prefer: code=404' for a Prism mock.")
  List<String> headers = new ArrayList<>();

  private C client;

  /** The vendor. */
  abstract Vendor<C> vendor();

  /** The vendor's job descriptor (from its job resource): reads state, status, times from a job model. */
  abstract JobDescriptor<?> descriptor(C client);

  /** The base URL to use, or null for the vendor's own. */
  String baseUrl() {
    return baseUrl;
  }

  /** {@code jobs VENDOR} alone: a usage error naming the commands. */
  @Override
  public Integer call() {
    throw JobsCli.missingCommand(spec.commandLine());
  }

  // ---------------------------------------------------------------- operations every vendor has

  @Command(name = "get", description = "Where is this job: its state, the vendor's status, its times and why it "
      + "failed. A failed job is an answer, not an error: exit 0.")
  public int get(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    Job<?> job = vendor().jobs(client()).get(id, requestOptions());
    print(job.model(), () -> JobRow.table(List.of(JobRow.of(job))));
    return JobsCli.OK;
  }

  @Command(name = "wait", description = "Poll the job until it is done, then show it as get does. Exit 1 when it "
      + "failed, was canceled or deleted (the failed job is shown), 4 when --timeout passes first (the last state "
      + "seen is shown). A progress line is drawn on stderr when it is a terminal.")
  public int waitUntilDone(@Parameters(paramLabel = "ID", description = "The job's id.") String id,
      @Mixin WaitFlags flags) {
    Job<?> job = waiting(flags, null, id, options -> vendor().jobs(client()).waitUntilDone(id, options));
    print(job.model(), () -> JobRow.table(List.of(JobRow.of(job))));
    return JobsCli.OK;
  }

  @Command(name = "transcript", description = "Print the job's transcript as text: waits until the job is done "
      + "(as wait does: exit 1 failed, 4 timeout), then fetches its text. JSON: {vendor, id, transcript}.")
  public int transcript(@Parameters(paramLabel = "ID", description = "The job's id.") String id,
      @Mixin WaitFlags flags) {
    Job<?> job = waiting(flags, null, id, options -> vendor().jobs(client()).waitUntilDone(id, options));
    String text = transcriptOf(client(), job.model()).orElse(null);
    if (output == Format.json) {
      printJson(new Transcript(job.vendor(), job.id(), text));
    } else if (text != null) {
      context().out().println(Text.cleanText(text));
    }
    return JobsCli.OK;
  }

  /** {@code transcript --output json}. */
  record Transcript(String vendor, String id, String transcript) {}

  /** The text of a finished job (its vendor's model): read from it, or fetched; empty when it has none. */
  abstract Optional<String> transcriptOf(C client, Object job);

  /**
   * Runs a wait ({@code wait}, {@code transcript}, a vendor's {@code transcribe}) with the progress line: a failed
   * job (exit 1) and the last job seen at the timeout (exit 4) are shown before the error.
   *
   * @param starting a first progress line (e.g. an upload), or null
   * @param id the job's id for rows whose model carries none, or null
   */
  final <T> T waiting(WaitFlags flags, String starting, String id, Function<WaitOptions, T> wait) {
    Progress progress = context().progress();
    WaitOptions options = flags.options(context(), requestOptions(), progress::poll);
    try {
      if (starting != null) {
        progress.show(starting);
      }
      T result = wait.apply(options);
      progress.clear();
      return result;
    } catch (JobFailedException e) {
      progress.clear();
      print(e.job(), () -> JobRow.table(List.of(JobRow.of(descriptor(client()), e.job(), e.rawStatus(), id))));
      throw e;
    } catch (WaiterTimeoutException e) {
      progress.clear();
      e.lastJob().ifPresent(last -> print(last, () -> JobRow.table(
          List.of(JobRow.of(descriptor(client()), last, e.lastRawStatus().orElse(null), id)))));
      throw e;
    } finally {
      progress.clear();
    }
  }

  /** A finished job from a vendor's {@code transcribe}: JSON the model; a table, then the transcript's text. */
  final int printTranscribed(Object job) {
    if (output == Format.json) {
      printJson(job);
      return JobsCli.OK;
    }
    JobRow.table(List.of(JobRow.of(descriptor(client()), job, null, null))).print(context().out());
    transcriptOf(client(), job).ifPresent(text -> {
      context().out().println();
      context().out().println(Text.cleanText(text));
    });
    return JobsCli.OK;
  }

  /**
   * The audio a {@code transcribe} or {@code create} names: an http(s) URL as a {@link URI}, anything else a local
   * file as a {@link Path}, checked readable before anything is sent.
   */
  static Object audio(String argument) {
    if (argument.startsWith("http://") || argument.startsWith("https://")) {
      try {
        return new URI(argument);
      } catch (URISyntaxException e) {
        throw new UsageException("'" + argument + "' is not a URL: " + e.getReason());
      }
    }
    Path file = Path.of(argument);
    LocalFiles.checkReadable(file, "audio file");
    return file;
  }

  /** "uploading meeting.wav (12.3 MiB), then waiting": the first progress line of a transcribe. */
  static String uploading(String vendor, Object audio) {
    if (audio instanceof Path file) {
      long size;
      try {
        size = java.nio.file.Files.size(file);
      } catch (java.io.IOException e) {
        size = -1;
      }
      return vendor + " transcribe: uploading " + file.getFileName() + (size < 0 ? "" : " (" + Text.bytes(size) + ")")
          + ", then waiting for the job";
    }
    return vendor + " transcribe: starting the job, then waiting for it";
  }

  /** How long and how often {@code wait} polls. */
  static final class WaitFlags {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h",
        description = "Give up after this long, exit 4 (e.g. 90s, 30m, 2h; default ${DEFAULT-VALUE}). The job goes on.")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
        description = "Poll at this fixed interval (default: 1s, doubling up to 30s; never sooner than the vendor's "
            + "Retry-After).")
    Duration pollInterval;

    WaitOptions options(CliContext context, RequestOptions requestOptions, WaitListener listener) {
      try {
        WaitOptions.Builder b = WaitOptions.builder().timeout(timeout).requestOptions(requestOptions).listener(listener);
        if (pollInterval != null) {
          b.pollInterval(pollInterval);
        }
        if (context.clock() != null) {
          b.clock(context.clock());
        }
        if (context.sleeper() != null) {
          b.sleeper(context.sleeper());
        }
        return b.build();
      } catch (IllegalArgumentException e) {
        throw new UsageException("--timeout/--poll-interval: " + e.getMessage());
      }
    }
  }

  // ---------------------------------------------------------------- for the vendors' own operations

  final CliContext context() {
    return root.context();
  }

  /** The vendor's client, built on first use and closed at the end of the run. */
  final C client() {
    if (client == null) {
      client = vendor().connect(context(), baseUrl(), apiKeyFile);
    }
    return client;
  }

  /** Per-call options from {@code --header}. */
  final RequestOptions requestOptions() {
    if (headers == null || headers.isEmpty()) {
      return RequestOptions.none();
    }
    RequestOptions.Builder b = RequestOptions.builder();
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new ParameterException(spec.commandLine(), "--header must be 'NAME: VALUE', e.g. 'Prefer: code=404'");
      }
      try {
        b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--header: " + e.getMessage());
      }
    }
    return b.build();
  }

  /** The model as JSON ({@code --output json}) or the table. */
  final void print(Object model, Supplier<Table> table) {
    if (output == Format.json) {
      printJson(model);
    } else {
      table.get().print(context().out());
    }
  }

  /** A line for people ({@code --output table}); nothing in JSON mode, where the exit code says it. */
  final void note(String line) {
    if (output == Format.table) {
      context().out().println(Text.clean(line));
    }
  }

  /** {@code model} serialised with the clients' ObjectMapper, pretty-printed. */
  final void printJson(Object model) {
    context().out().println(json(model));
  }

  /** {@code value} as one line of JSON (e.g. a multipart field that holds JSON). */
  static String compactJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static String json(Object model) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + model.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * The generated enum constants named by {@code values}, matched case-insensitively to their JSON strings; the
   * enum's catch-all for unknown values is not offered.
   *
   * @throws ParameterException a value the spec does not list, naming the option and the values it takes
   */
  final <E extends Enum<E>> List<E> enumValues(Class<E> type, List<String> values, String option) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<E> known = Arrays.stream(type.getEnumConstants())
        .filter(e -> !e.name().equals("UNKNOWN_DEFAULT_OPEN_API")).toList();
    List<E> result = new ArrayList<>();
    for (String v : values) {
      E match = known.stream().filter(e -> wire(e).equalsIgnoreCase(v.trim())).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), option + ": '" + v + "' is not one of "
              + known.stream().map(VendorCommand::wire).collect(Collectors.joining(", "))));
      result.add(match);
    }
    return result;
  }

  private static String wire(Enum<?> e) {
    return String.valueOf(Json.mapper().convertValue(e, Object.class));
  }
}
