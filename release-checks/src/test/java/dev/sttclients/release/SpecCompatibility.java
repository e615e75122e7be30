package dev.sttclients.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The spec compatibility gate: openapi-diff of a spec against its last released copy. A breaking change (an
 * operation removed, or changed so that a request or response that was valid no longer is) fails unless the
 * major version moved since the baseline, or the vendor's reviewed ACCEPTED-BREAKS.md (in its client module)
 * names the operation for this baseline. A new operation, parameter or field that breaks no one passes.
 */
final class SpecCompatibility {
  private static final Pattern ACCEPTED = Pattern.compile("^- spec (\\*|[A-Z]+ \\S+):");
  private static final Pattern BASELINE = Pattern.compile("^baseline:\\s*(\\S+)\\s*$");

  private SpecCompatibility() {
  }

  /** One breaking change: the operation ("GET /path", or "*" for the whole spec) and what broke. */
  record Break(String operation, String detail) {
    @Override
    public String toString() {
      return operation + ": " + detail;
    }
  }

  /** What the gate found: every breaking change, and those covered by neither a major bump nor an acceptance. */
  record Result(List<Break> breaking, List<Break> unaccepted, boolean majorBump) {
    boolean red() {
      return !unaccepted.isEmpty();
    }
  }

  /** The reviewed acceptance of one vendor: the baseline it was written for and the operations it names. */
  record Accepted(String baseline, Set<String> operations) {
    static final Accepted NONE = new Accepted(null, Set.of());

    boolean covers(String operation) {
      return operations.contains("*") || operations.contains(operation);
    }

    /** Reads clients/VENDOR/ACCEPTED-BREAKS.md (lines "baseline: X" and "- spec METHOD /path: why"). */
    static Accepted read(Path file) {
      if (!Files.exists(file)) {
        return NONE;
      }
      String baseline = null;
      Set<String> ops = new LinkedHashSet<>();
      for (String line : Repo.read(file).split("\\R")) {
        Matcher b = BASELINE.matcher(line.trim());
        if (b.matches()) {
          baseline = b.group(1);
        }
        Matcher a = ACCEPTED.matcher(line.trim());
        if (a.find()) {
          ops.add(a.group(1));
        }
      }
      if (baseline == null) {
        throw new IllegalStateException(file + " names no baseline (a line \"baseline: <version>\")");
      }
      return new Accepted(baseline, ops);
    }
  }

  static Path acceptedBreaksFile(String vendor) {
    return Repo.root().resolve("clients").resolve(vendor).resolve("ACCEPTED-BREAKS.md");
  }

  static Result check(Path released, Path current, String releasedVersion, String currentVersion,
      Accepted accepted) {
    if (accepted != Accepted.NONE && !accepted.baseline().equals(releasedVersion)) {
      throw new IllegalStateException("an ACCEPTED-BREAKS.md names baseline " + accepted.baseline()
          + " but the baseline is " + releasedVersion + ": remove it (it was for an earlier release)");
    }
    ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
    List<Break> breaking = new ArrayList<>();
    for (Endpoint e : diff.getMissingEndpoints()) {
      breaking.add(new Break(e.getMethod() + " " + e.getPathUrl(), "removed"));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      if (op.isChanged().isIncompatible()) {
        breaking.add(new Break(op.getHttpMethod() + " " + op.getPathUrl(), describe(op)));
      }
    }
    if (breaking.isEmpty() && diff.isChanged().isIncompatible()) {
      breaking.add(new Break("*", "incompatible outside any one operation (security, servers or extensions)"));
    }
    boolean major = Repo.major(currentVersion) > Repo.major(releasedVersion);
    List<Break> unaccepted = major ? List.of()
        : breaking.stream().filter(b -> !accepted.covers(b.operation())).toList();
    return new Result(breaking, unaccepted, major);
  }

  private static String describe(ChangedOperation op) {
    List<String> parts = new ArrayList<>();
    if (op.getParameters() != null && op.getParameters().isChanged().isIncompatible()) {
      parts.add("parameters");
    }
    if (op.getRequestBody() != null && op.getRequestBody().isChanged().isIncompatible()) {
      parts.add("request body");
    }
    if (op.getApiResponses() != null && op.getApiResponses().isChanged().isIncompatible()) {
      parts.add("responses");
    }
    if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isChanged().isIncompatible()) {
      parts.add("security");
    }
    return "incompatible " + (parts.isEmpty() ? "change" : String.join(", ", parts));
  }
}
