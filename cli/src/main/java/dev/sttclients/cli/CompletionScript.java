package dev.sttclients.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;

/**
 * Writes the bash/zsh completion script of the whole command tree (picocli's {@link AutoComplete}); the build runs
 * it into {@code cli/target/jobs_completion}. Use: {@code source cli/target/jobs_completion} (with an alias or a
 * {@code jobs} launcher on the PATH), or {@code source <(java -jar jobs.jar generate-completion)}.
 */
public final class CompletionScript {
  private CompletionScript() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionScript OUTPUT_FILE");
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream none = new PrintStream(sink, true, StandardCharsets.UTF_8);
    String script = AutoComplete.bash("jobs", new JobsCli(CliContext.of(none, none, Map.of())).commandLine());
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, script);
  }
}
