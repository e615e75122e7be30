package dev.sttclients.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The command tree as a whole: help on every command, the exit codes in it, and the usage errors of the tree. */
class CommandTreeTest {
  private final Cli cli = Cli.withKeys();

  /** Every command of the tree, as its words after {@code jobs}, read from the tree itself. */
  static List<List<String>> commands() {
    PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<List<String>> all = new ArrayList<>();
    collect(new JobsCli(CliContext.of(none, none, Map.of())).commandLine(), new ArrayList<>(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    cl.getSubcommands().forEach((name, sub) -> {
      if (name.equals(sub.getCommandName())) { // not an alias
        List<String> next = new ArrayList<>(path);
        next.add(name);
        collect(sub, next, all);
      }
    });
  }

  @Test
  void theTreeHasEveryVendorsOperations() {
    List<String> names = commands().stream().map(c -> String.join(" ", c)).toList();
    for (String expected : List.of("status", "generate-completion",
        "gladia get", "gladia wait", "gladia transcript", "gladia transcribe", "gladia upload", "gladia create",
        "gladia list", "gladia download", "gladia delete",
        "daily get", "daily wait", "daily transcript", "daily transcribe", "daily submit", "daily list",
        "daily links", "daily delete",
        "slng get", "slng wait", "slng transcript", "slng transcribe", "slng create", "slng upload", "slng list",
        "slng files", "slng download", "slng delete",
        "verbit get", "verbit info", "verbit wait", "verbit transcript", "verbit transcribe", "verbit create",
        "verbit add-media", "verbit add-asset", "verbit start", "verbit captions", "verbit draft")) {
      assertTrue(names.contains(expected), expected + " in " + names);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCommandAnswersHelpWithTheExitCodes() {
    return commands().stream().map(words -> DynamicTest.dynamicTest("jobs " + String.join(" ", words) + " --help",
        () -> {
          List<String> args = new ArrayList<>(words);
          args.add("--help");
          Cli.Result r = cli.run(args.toArray(String[]::new)).succeeds();
          assertTrue(r.out().startsWith("Usage: jobs" + (words.isEmpty() ? "" : " " + String.join(" ", words))),
              r.out());
          for (String code : List.of("0   success", "1   the job failed", "2   usage error", "3   API or HTTP error",
              "4   timeout")) {
            assertTrue(r.out().contains(code), code + " in\n" + r.out());
          }
        }));
  }

  @Test
  void versionNamesTheTool() {
    assertTrue(cli.run("--version").succeeds().out().startsWith("jobs "));
  }

  @Test
  void anUnknownVendorExits2NamingTheVendors() {
    Cli.Result r = cli.run("acme", "get", "1").failsWith(2);
    assertEquals("jobs: unknown vendor or command 'acme': expected one of status, gladia, daily, slng, verbit, "
        + "generate-completion (see 'jobs --help')\n", r.err());
  }

  @Test
  void anUnknownOperationExits2NamingTheVendorsOperations() {
    Cli.Result r = cli.run("daily", "frobnicate").failsWith(2);
    assertTrue(r.err().startsWith("jobs: unknown command 'frobnicate': expected one of get, "), r.err());
    assertTrue(r.err().endsWith(" (see 'jobs daily --help')\n") && r.err().contains(", submit, "), r.err());
  }

  @Test
  void aCommandWithoutItsOperationExits2() {
    String err = cli.run("slng").failsWith(2).err();
    assertTrue(err.startsWith("jobs: missing command: expected one of get, ") && err.contains(", transcribe, ")
        && err.endsWith(" (see 'jobs slng --help')\n"), err);
    assertTrue(cli.run().failsWith(2).err().startsWith("jobs: missing command: expected one of status, gladia"));
  }

  @Test
  void anUnknownOptionExits2() {
    assertTrue(cli.run("gladia", "get", "x", "--api-key", "k").failsWith(2).err().contains("--api-key"));
  }

  @Test
  void theCompletionScriptCoversTheTree() {
    PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String script = AutoComplete.bash("jobs", new JobsCli(CliContext.of(none, none, Map.of())).commandLine());
    for (String word : List.of("status", "gladia", "daily", "slng", "verbit", "add-media", "download", "--output",
        "--api-key-file", "--poll-interval", "--finish-in")) {
      assertTrue(script.contains(word), word);
    }
    Cli.Result r = cli.run("generate-completion").succeeds();
    assertTrue(r.out().contains("complete -F _complete_jobs"), r.out().lines().limit(5).toList().toString());
    assertTrue(Arrays.asList(r.out().split("\\s+")).contains("verbit"));
  }
}
