package dev.sttclients.demo;

import dev.sttclients.cli.CliContext;
import dev.sttclients.cli.JobsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands the demo runs, each with the exit code it must give: every vendor answers, and every exit code a
 * script can meet shows up once. Run against Prism mocks, whose named examples ({@code Prefer: example=...}) and
 * response codes ({@code Prefer: code=...}) stand in for jobs in each state and for the vendors' errors.
 */
public final class Tour {
  static final String GLADIA_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab";
  static final String DAILY_ID = "3ab8faa2-8ba2-4ee6-bd15-003a92c18245";

  /** The keys the mocks get (Prism only checks that one is sent). */
  static final Map<String, String> KEYS = Map.of("GLADIA_API_KEY", "demo-key", "DAILY_API_KEY", "demo-key",
      "SLNG_API_KEY", "demo-key", "VERBIT_API_KEY", "demo-key");

  /** One command line: what it does, its arguments after {@code jobs}, and the exit code it must give. */
  public record Step(String what, List<String> args, int expectedExit) {}

  /** What a step printed. */
  public record Result(Step step, String command, int exit, String out, String err) {
    public boolean asExpected() {
      return exit == step.expectedExit();
    }
  }

  private Tour() {}

  static List<Step> steps(Path downloads) {
    return List.of(
        new Step("one table over all four vendors", List.of("status", "gladia:" + GLADIA_ID, "daily:" + DAILY_ID,
            "slng:myjob123", "verbit:123456"), 0),
        new Step("Gladia: list, wait, the transcript, download, delete",
            List.of("gladia", "list", "--status", "done", "--limit", "5"), 0),
        new Step(null, List.of("gladia", "wait", GLADIA_ID, "--header", "Prefer: example=done"), 0),
        new Step(null, List.of("gladia", "transcript", GLADIA_ID, "--header", "Prefer: example=done"), 0),
        new Step(null, List.of("gladia", "download", GLADIA_ID, "-o", downloads.resolve("meeting.wav").toString()), 0),
        new Step(null, List.of("gladia", "delete", GLADIA_ID), 0),
        new Step("Verbit: create, add media, start (the sandbox finishes it at once)",
            List.of("verbit", "create", "--profile", "Standard", "--name", "board-meeting.mp4"), 0),
        new Step(null, List.of("verbit", "add-media", "123456", "--url",
            "https://media.example.com/board-meeting.mp4"), 0),
        new Step(null, List.of("verbit", "start", "123456", "--finish-in", "0"), 0),
        new Step("Daily and SLNG: their own listings", List.of("daily", "list"), 0),
        new Step(null, List.of("slng", "list", "--status", "DONE,IN_PROGRESS"), 0),
        new Step("JSON: the vendor's own model, for scripts",
            List.of("daily", "get", DAILY_ID, "--output", "json", "--header", "Prefer: example=processing"), 0),
        new Step("exit codes scripts rely on: 1 the job failed", List.of("slng", "wait", "myjob123", "--header",
            "Prefer: example=failed"), 1),
        new Step("2 usage error (nothing sent)", List.of("slng", "get", "abc-123"), 2),
        new Step("3 API error", List.of("daily", "get", DAILY_ID, "--header", "Prefer: code=404"), 3),
        new Step("4 timeout", List.of("verbit", "wait", "123456", "--timeout", "2s", "--poll-interval", "500ms"), 4));
  }

  /** Runs every step in this process, each against the mock of its vendor ({@code --base-url}). */
  static List<Result> run(Map<String, String> baseUrls, Path downloads) {
    List<Result> results = new ArrayList<>();
    for (Step step : steps(downloads)) {
      List<String> args = new ArrayList<>(step.args());
      String vendor = args.get(0);
      if (vendor.equals("status")) {
        baseUrls.forEach((v, url) -> args.addAll(List.of("--base-url", v + "=" + url)));
      } else {
        args.addAll(List.of("--base-url", baseUrls.get(vendor)));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = JobsCli.run(CliContext.of(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), KEYS), args.toArray(String[]::new));
      results.add(new Result(step, display(step.args()), exit, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8)));
    }
    return results;
  }

  /** {@code jobs gladia wait ID --header 'Prefer: example=done'}, quoted as a shell would need. */
  static String display(List<String> args) {
    StringBuilder b = new StringBuilder("jobs");
    for (String a : args) {
      b.append(' ').append(a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a + "'");
    }
    return b.toString();
  }
}
