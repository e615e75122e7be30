package dev.sttclients.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BENCHMARKS.md: a fixed introduction, a side-by-side table of every labelled run's ratios, then one section per
 * label (machine, commit, settings, every pair, raw figures). Each section carries its data as a JSON comment, so
 * that a new run replaces the section of its label (or adds one) and the side-by-side table is rebuilt from all.
 */
final class Report {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();
  private static final Pattern SECTION = Pattern.compile(
      "<!-- bench-section: (.+?) -->\\R(.*?)<!-- /bench-section -->\\R?", Pattern.DOTALL);
  private static final Pattern DATA = Pattern.compile("<!-- bench-data: (\\{.*?}) -->");

  /** One labelled run. */
  public static final class Run {
    public String label;
    public String commit;
    public String date;
    public String note;
    public List<String> machine = new ArrayList<>();
    public List<String> settings = new ArrayList<>();
    public long runSeconds;
    public List<Row> rows = new ArrayList<>();
    public List<Figure> figures = new ArrayList<>();
  }

  /** One ratio of a pair. */
  public static final class Row {
    public String id;
    public String pair;
    public String metric;
    public String unit;
    /** "lower" or "higher": which way is better for the figures (and so for the ratio). */
    public String better;
    public double client;
    public double raw;
    public double ratio;
    /** Approximate 99.9% confidence interval of the ratio, from both sides' intervals; null when unknown. */
    public Double ratioLow;
    public Double ratioHigh;
    /** The ratio's range over paired forks (JMH) or paired runs (cold start); null with a single one. */
    public Double spreadLow;
    public Double spreadHigh;
    public String spreadOver;
    public String target;
    /** The target as a bound on the ratio ("lower": ratio <= bound; "higher": ratio >= bound); null for none. */
    public Double bound;
    public String note;

    /**
     * Against the target: "met" or "not met" when the whole confidence interval (or, without one, the point
     * estimate) is on one side of the bound, "unclear" when the interval spans it; null without a target.
     */
    String verdict() {
      if (bound == null) {
        return null;
      }
      boolean lowerIsBetter = "lower".equals(better);
      if (ratioLow != null && ratioHigh != null) {
        boolean allGood = lowerIsBetter ? ratioHigh <= bound : ratioLow >= bound;
        boolean allBad = lowerIsBetter ? ratioLow > bound : ratioHigh < bound;
        return allGood ? "met" : allBad ? "not met" : "unclear";
      }
      return (lowerIsBetter ? ratio <= bound : ratio >= bound) ? "met" : "not met";
    }
  }

  /** One measured benchmark, as JMH reports it. */
  public static final class Figure {
    public String name;
    public String mode;
    public int threads;
    public String unit;
    public int n;
    public double mean;
    public Double ciLow;
    public Double ciHigh;
    public double min;
    public double max;
    public Double allocPerOp;
    public String perFork;
  }

  private Report() {}

  /** Writes {@code run} into {@code file}, replacing the section of its label and keeping the others. */
  static void write(Path file, Run run) throws IOException {
    Map<String, String> sections = new LinkedHashMap<>();
    Map<String, Run> data = new LinkedHashMap<>();
    if (Files.exists(file)) {
      Matcher m = SECTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        String label = m.group(1);
        sections.put(label, m.group(0));
        Matcher d = DATA.matcher(m.group(2));
        if (d.find()) {
          data.put(label, JSON.readValue(d.group(1), Run.class));
        }
      }
    }
    sections.put(run.label, section(run));
    data.put(run.label, run);

    StringBuilder out = new StringBuilder();
    out.append(INTRO);
    out.append(sideBySide(new ArrayList<>(data.values())));
    for (String s : sections.values()) {
      out.append('\n').append(s.endsWith("\n") ? s : s + "\n");
    }
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  private static final String INTRO = """
      # Benchmarks: the generated clients against raw HttpClient 5 + Jackson

      Written by `benchmarks/run.sh` (see [docs/benchmarks.md](docs/benchmarks.md)); do not edit by hand: each run
      replaces the section of its label and rebuilds the table below. Every pair is measured in the same run, against
      the same in-process loopback server, with the same pool size and timeouts on both sides: the client as users
      call it, and a raw Apache HttpClient 5 + Jackson call that decodes the same JSON into the same generated model.
      A ratio is client / raw of the figure named (time per call, allocation per call, throughput...): for time and
      allocation lower is better (1.00 = costs nothing on top of HttpClient), for throughput higher is better.
      Brackets give the ratio's approximate 99.9% confidence interval. Targets are those of issue 17: "met" or
      "not met" when the whole interval is on one side of the target, "unclear" when it spans it.

      On 2 cores the server, the client under test, the JIT and the GC share two CPUs: figures are noisier than on a
      bigger machine, and the 8- and 64-thread throughput pairs are CPU-bound (they measure CPU per call, not
      parallel scaling); on a machine with more cores they measure contention in the connection pool instead and
      differ. Other processes on the machine widen the time intervals (allocation per call hardly moves: it is the
      most reliable figure on a busy machine). Compare ratios, not absolute figures, and compare runs made on the
      same machine.

      """;

  private static String sideBySide(List<Run> runs) {
    StringBuilder sb = new StringBuilder("## Side by side\n\n| pair | figure | target |");
    StringBuilder rule = new StringBuilder("| --- | --- | --- |");
    for (Run r : runs) {
      sb.append(' ').append(r.label).append(" (").append(shortCommit(r.commit)).append(") |");
      rule.append(" --- |");
    }
    sb.append('\n').append(rule).append('\n');
    Map<String, Row> order = new LinkedHashMap<>();
    for (Run r : runs) {
      for (Row row : r.rows) {
        order.putIfAbsent(row.id, row);
      }
    }
    for (Row proto : order.values()) {
      sb.append("| ").append(proto.pair).append(" | ").append(proto.metric).append(" | ")
          .append(proto.target == null ? "" : proto.target).append(" |");
      for (Run r : runs) {
        Row row = r.rows.stream().filter(x -> x.id.equals(proto.id)).findFirst().orElse(null);
        sb.append(' ').append(row == null ? "" : ratioCell(row)).append(" |");
      }
      sb.append('\n');
    }
    return sb.append('\n').toString();
  }

  private static String shortCommit(String commit) {
    if (commit == null) {
      return "?";
    }
    int sp = commit.indexOf(' ');
    return sp < 0 ? commit : commit.substring(0, sp);
  }

  private static String ratioCell(Row row) {
    StringBuilder sb = new StringBuilder("**").append(ratio(row.ratio)).append("**");
    if (row.ratioLow != null && row.ratioHigh != null) {
      sb.append(" [").append(ratio(row.ratioLow)).append('–').append(ratio(row.ratioHigh)).append(']');
    } else if (row.spreadLow != null) {
      sb.append(" (").append(row.spreadOver).append(' ').append(ratio(row.spreadLow)).append('–')
          .append(ratio(row.spreadHigh)).append(')');
    }
    String verdict = row.verdict();
    if (verdict != null) {
      sb.append(' ').append(verdict);
    }
    return sb.toString();
  }

  private static String section(Run run) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- bench-section: ").append(run.label).append(" -->\n");
    sb.append("## ").append(run.label).append(": commit ").append(run.commit).append('\n').append('\n');
    if (run.note != null && !run.note.isBlank()) {
      sb.append("> ").append(run.note.strip().replace("\n", "\n> ")).append("\n\n");
    }
    sb.append("Measured ").append(run.date).append(", run time ").append(run.runSeconds / 60).append(" min ")
        .append(run.runSeconds % 60).append(" s.\n\n");
    sb.append("Machine:\n\n");
    run.machine.forEach(m -> sb.append("- ").append(m).append('\n'));
    sb.append("\nSettings:\n\n");
    run.settings.forEach(s -> sb.append("- ").append(s).append('\n'));
    sb.append("\n| pair | figure | client | raw | client / raw [99.9% CI] | spread of the ratio | client − raw | target |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row r : run.rows) {
      sb.append("| ").append(r.pair).append(" | ").append(r.metric).append(" (").append(r.unit).append(") | ")
          .append(num(r.client)).append(" | ").append(num(r.raw)).append(" | **").append(ratio(r.ratio)).append("**");
      if (r.ratioLow != null && r.ratioHigh != null) {
        sb.append(" [").append(ratio(r.ratioLow)).append('–').append(ratio(r.ratioHigh)).append(']');
      }
      sb.append(" | ");
      if (r.spreadLow != null) {
        sb.append(ratio(r.spreadLow)).append('–').append(ratio(r.spreadHigh)).append(" over ").append(r.spreadOver);
      }
      sb.append(" | ").append(signed(r.client - r.raw)).append(" | ");
      if (r.target != null) {
        String verdict = r.verdict();
        sb.append(r.target).append(verdict == null ? "" : ": " + verdict);
      }
      sb.append(" |\n");
    }
    List<String> notes = run.rows.stream().filter(r -> r.note != null).map(r -> r.pair + ", " + r.metric + ": " + r.note)
        .toList();
    if (!notes.isEmpty()) {
      sb.append('\n');
      notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    }
    sb.append("\nRaw figures (mean [99.9% CI], min–max over all measured iterations; allocation from `-prof gc`,"
        + " bytes per operation; per fork: the mean of each fork, in the order run):\n\n");
    sb.append("| benchmark | mode | threads | n | mean [99.9% CI] | min–max | alloc (B/op) | per fork |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Figure f : run.figures) {
      sb.append("| ").append(f.name).append(" | ").append(f.mode).append(" | ").append(f.threads).append(" | ")
          .append(f.n).append(" | ").append(num(f.mean)).append(' ').append(f.unit);
      if (f.ciLow != null) {
        sb.append(" [").append(num(f.ciLow)).append('–').append(num(f.ciHigh)).append(']');
      }
      sb.append(" | ").append(num(f.min)).append('–').append(num(f.max)).append(" | ")
          .append(f.allocPerOp == null ? "" : num(f.allocPerOp)).append(" | ").append(f.perFork).append(" |\n");
    }
    sb.append("\n<!-- bench-data: ").append(JSON.writeValueAsString(run)).append(" -->\n");
    sb.append("<!-- /bench-section -->\n");
    return sb.toString();
  }

  /** A figure with 3 significant digits (more for large numbers), thousands separated by a thin space. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    double a = Math.abs(v);
    String s;
    if (a >= 1000) {
      s = String.format(Locale.ROOT, "%,.0f", v).replace(",", " ");
    } else if (a >= 100) {
      s = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else if (a == 0) {
      s = "0";
    } else {
      s = String.format(Locale.ROOT, "%.3g", v);
    }
    return s;
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + num(v);
  }

  static String ratio(double r) {
    if (Double.isNaN(r)) {
      return "?";
    }
    if (Double.isInfinite(r)) {
      return "∞";
    }
    return (r >= 100 ? String.format(Locale.ROOT, "%.0f", r) : r >= 10 ? String.format(Locale.ROOT, "%.1f", r)
        : String.format(Locale.ROOT, "%.2f", r)) + "×";
  }
}
