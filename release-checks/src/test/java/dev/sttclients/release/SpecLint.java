package dev.sttclients.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spec lint gate: Spectral (pinned in testkit/package-lock.json) with the committed ruleset
 * specs/lint/spectral.yaml, which extends spectral:oas with the project's rules. A finding of severity error
 * fails the build.
 */
final class SpecLint {
  static final Path RULESET = Repo.root().resolve("specs/lint/spectral.yaml");

  private SpecLint() {
  }

  /** One Spectral finding. Severity 0 is an error (1 warning, 2 info, 3 hint). */
  record Finding(Path file, String code, int severity, String message, String path) {
    boolean isError() {
      return severity == 0;
    }

    @Override
    public String toString() {
      return file + " " + path + ": " + code + ": " + message;
    }
  }

  /** Lints the files in one Spectral run and returns every finding. */
  static List<Finding> lint(List<Path> files) {
    try {
      Path out = Files.createTempFile("spectral", ".json");
      List<String> cmd = new ArrayList<>(List.of(Repo.npmBin("spectral").toString(), "lint",
          "--ruleset", RULESET.toString(), "--format", "json", "--output", out.toString(),
          "--fail-severity", "error"));
      files.forEach(f -> cmd.add(f.toString()));
      Repo.Run run = Repo.run(Repo.root(), cmd, Map.of("SCARF_ANALYTICS", "false", "NO_COLOR", "1"), 120);
      // 0: no error, 1: errors found; anything else (a broken ruleset, a crash) is not a lint result.
      if (run.exit() != 0 && run.exit() != 1) {
        throw new IllegalStateException("spectral failed (exit " + run.exit() + "):\n" + run.output());
      }
      JsonNode results = new ObjectMapper().readTree(out.toFile());
      Files.deleteIfExists(out);
      List<Finding> findings = new ArrayList<>();
      for (JsonNode r : results) {
        StringBuilder path = new StringBuilder();
        r.path("path").forEach(p -> path.append(path.length() == 0 ? "" : ".").append(p.asText()));
        findings.add(new Finding(Path.of(r.path("source").asText()), r.path("code").asText(),
            r.path("severity").asInt(), r.path("message").asText(), path.toString()));
      }
      boolean anyError = findings.stream().anyMatch(Finding::isError);
      if (anyError != (run.exit() == 1)) {
        throw new IllegalStateException("spectral's exit code " + run.exit() + " disagrees with its findings "
            + findings + "\n" + run.output());
      }
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
