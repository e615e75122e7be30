package dev.sttclients.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs every pair and writes BENCHMARKS.md. Started by {@code benchmarks/run.sh}, which builds the jar first.
 *
 * <pre>
 * run.sh [--label NAME] [--note TEXT] [--out FILE] [--rounds N] [--quick] [--smoke]
 * </pre>
 *
 * <ul>
 *   <li>{@code --label}: the section of BENCHMARKS.md this run writes (replaced if it exists, added otherwise);
 *       default: the commit's short hash. Use e.g. {@code before} and {@code after} to keep two runs side by side.</li>
 *   <li>{@code --note}: a sentence shown at the top of the section (e.g. "noisy: other builds were running").</li>
 *   <li>{@code --rounds}: forks per benchmark (default 2); more rounds, narrower spreads, longer run.</li>
 *   <li>{@code --quick}: tiny iterations, a 64 MiB download, 1 round (~2 min): checks the plumbing, the figures
 *       mean nothing; writes {@code benchmarks/target/BENCHMARKS-quick.md} unless {@code --out} says otherwise.</li>
 *   <li>{@code --smoke}: no measurement: calls every benchmark method once and checks what it returns (seconds).</li>
 * </ul>
 *
 * <p>Pairs are interleaved: each round forks every benchmark of a phase once, client and raw one after the other,
 * so slow drifts of a shared machine hit both sides; spreads are over rounds and iterations.
 */
public final class BenchRunner {
  private static final String PKG = "dev.sttclients.bench.";
  /** JVM flags of every JMH fork (the download's heap is set apart); logging kept to warnings, as quiet as in use. */
  private static final String[] FORK_FLAGS = {"-Xms512m", "-Xmx512m", "-Dorg.jboss.logging.provider=slf4j",
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"};
  private static final String[] DOWNLOAD_FLAGS = {"-Xms64m", "-Xmx64m", "-Dorg.jboss.logging.provider=slf4j",
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"};

  /** Iterations and durations of one phase. */
  record Phase(String name, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue time) {
    String describe() {
      return name + ": " + warmupIterations + " warm-up iterations of " + warmupTime + ", " + iterations
          + " measured iterations of " + time;
    }
  }

  private final Path out;
  private final Path logDir;
  private final String label;
  private final String note;
  private final boolean quick;
  private final int rounds;
  private final long downloadBytes;
  private final int coldPairs;
  private final int cpuWarmupSeconds;
  private final int cpuBatches;
  private final Phase latency;
  private final Phase validation;
  private final Phase throughput;
  private final int downloadWarmups;
  private final int downloadIterations;
  private final Map<String, Samples> samples = new LinkedHashMap<>();

  /** Every fork's measured iterations of one benchmark (name, mode, threads). */
  static final class Samples {
    final String name;
    final Mode mode;
    final int threads;
    final String unit;
    final List<double[]> scores = new ArrayList<>();
    final List<double[]> alloc = new ArrayList<>();

    Samples(String name, Mode mode, int threads, String unit) {
      this.name = name;
      this.mode = mode;
      this.threads = threads;
      this.unit = unit;
    }

    double[] all(List<double[]> forks) {
      return forks.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }
  }

  private BenchRunner(Map<String, String> args) {
    this.quick = args.containsKey("quick");
    Path root = Path.of(args.getOrDefault("root", ".")).toAbsolutePath().normalize();
    this.out = Path.of(args.getOrDefault("out",
        quick ? root.resolve("benchmarks/target/BENCHMARKS-quick.md").toString() : root.resolve("BENCHMARKS.md").toString()));
    this.logDir = root.resolve("benchmarks/target/bench-logs");
    this.note = args.get("note");
    this.rounds = Integer.parseInt(args.getOrDefault("rounds", quick ? "1" : "2"));
    if (rounds < 1 || rounds > 20) {
      throw new IllegalArgumentException("--rounds must be 1..20");
    }
    if (quick) {
      latency = new Phase("latency", 1, TimeValue.milliseconds(300), 2, TimeValue.milliseconds(300));
      validation = new Phase("validation", 1, TimeValue.milliseconds(300), 2, TimeValue.milliseconds(300));
      throughput = new Phase("throughput", 1, TimeValue.milliseconds(300), 2, TimeValue.milliseconds(300));
      downloadBytes = 64L << 20;
      downloadWarmups = 1;
      downloadIterations = 2;
      coldPairs = 1;
      cpuWarmupSeconds = 2;
      cpuBatches = 2;
    } else {
      latency = new Phase("latency", 4, TimeValue.seconds(1), 4, TimeValue.seconds(1));
      validation = new Phase("validation", 3, TimeValue.milliseconds(500), 4, TimeValue.milliseconds(500));
      // 15 s of warm-up: on 2 cores the client's throughput settles only after ~15 s of JIT work (issue 17).
      throughput = new Phase("throughput", 15, TimeValue.seconds(1), 4, TimeValue.seconds(1));
      downloadBytes = Fixtures.DOWNLOAD_BYTES;
      downloadWarmups = 1;
      downloadIterations = 3;
      coldPairs = 10;
      cpuWarmupSeconds = 20;
      cpuBatches = 10;
    }
    String commit = args.getOrDefault("commit", "unknown");
    this.label = args.getOrDefault("label", commit.split(" ")[0]) + (quick ? "-quick" : "");
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parse(argv);
    if (args.containsKey("smoke")) {
      Smoke.main(new String[0]);
      return;
    }
    BenchRunner runner = new BenchRunner(args);
    Report.Run run = runner.runAll(args.getOrDefault("commit", "unknown"));
    Report.write(runner.out, run);
    System.out.println("wrote " + runner.out + " (section " + run.label + ", " + run.runSeconds + " s)");
  }

  private static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      switch (key) {
        case "quick", "smoke" -> args.put(key, "true");
        case "label", "note", "out", "rounds", "commit", "root" -> {
          if (i + 1 >= argv.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          args.put(key, argv[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option " + a
            + " (known: --label, --note, --out, --rounds, --quick, --smoke)");
      }
    }
    if (args.containsKey("label") && !args.get("label").matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("--label: letters, digits, '.', '_' and '-' only");
    }
    return args;
  }

  private Report.Run runAll(String commit) throws Exception {
    Files.createDirectories(logDir);
    long t0 = System.nanoTime();
    Report.Run run = new Report.Run();
    run.label = label;
    run.commit = commit;
    run.date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    run.note = quick ? "Quick run: checks that the harness works end to end; the figures mean nothing."
        + (note == null ? "" : " " + note) : note;
    String loadBefore = loadAverage();

    List<String> latencyBenchmarks = List.of("GladiaGet.client", "GladiaGet.raw", "GladiaGet.clientStrict",
        "VendorGet.dailyClient", "VendorGet.dailyRaw", "VendorGet.slngClient", "VendorGet.slngRaw",
        "VendorGet.verbitClient", "VendorGet.verbitRaw", "Paging.client", "Paging.raw", "Paging.rawStrict");
    int step = 0;
    int steps = rounds * 6;
    for (int r = 1; r <= rounds; r++) {
      progress(++step, steps, "latency, 1 thread, round " + r + ": " + latencyBenchmarks.size() + " benchmarks");
      jmh("latency-r" + r, base(latency, latencyBenchmarks).mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
          .threads(1).addProfiler(GCProfiler.class).jvmArgs(FORK_FLAGS));
      progress(++step, steps, "validation, 1 thread, round " + r);
      jmh("validation-r" + r, base(validation, List.of("Validation.client", "Validation.plain"))
          .mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS).threads(1).addProfiler(GCProfiler.class)
          .jvmArgs(FORK_FLAGS));
      for (int threads : new int[] {8, 64}) {
        progress(++step, steps, "throughput, " + threads + " threads, round " + r);
        jmh("throughput" + threads + "-r" + r, base(throughput, List.of("GladiaGet.client", "GladiaGet.raw"))
            .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(threads).addProfiler(GCProfiler.class)
            .jvmArgs(FORK_FLAGS));
      }
      progress(++step, steps, "download of " + (downloadBytes >> 20) + " MiB at -Xmx64m, round " + r);
      jmh("download-r" + r, new OptionsBuilder()
          .include(pattern(List.of("Download.client", "Download.raw")))
          .forks(1).shouldFailOnError(true)
          .mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS)
          .warmupIterations(downloadWarmups).measurementIterations(downloadIterations).measurementBatchSize(1)
          .threads(1).addProfiler(GCProfiler.class)
          .jvmArgs(concat(DOWNLOAD_FLAGS, "-Dbench.downloadBytes=" + downloadBytes)));
      progress(++step, steps, "CPU per call, batches alternating in one JVM, round " + r);
      cpuPerCall(r);
    }
    progress(steps, steps, "cold start: " + coldPairs + " pairs of fresh JVMs, alternating");
    ColdRuns cold = coldStart();

    run.runSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
    run.machine = machine(loadBefore, loadAverage());
    run.settings = settings();
    run.rows = rows(cold);
    run.figures = figures(cold);
    return run;
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  private final long started = System.nanoTime();

  private void progress(int step, int steps, String what) {
    System.out.printf("[%d/%d, %d s] %s%n", step, steps, (System.nanoTime() - started) / 1_000_000_000L, what);
  }

  private ChainedOptionsBuilder base(Phase phase, List<String> benchmarks) {
    return new OptionsBuilder()
        .include(pattern(benchmarks))
        .forks(1)
        .shouldFailOnError(true)
        .warmupIterations(phase.warmupIterations()).warmupTime(phase.warmupTime())
        .measurementIterations(phase.iterations()).measurementTime(phase.time());
  }

  private static String pattern(List<String> benchmarks) {
    return "^" + Pattern.quote(PKG) + "(" + benchmarks.stream().map(Pattern::quote).collect(Collectors.joining("|"))
        + ")$";
  }

  private void jmh(String name, ChainedOptionsBuilder options) throws RunnerException {
    Path log = logDir.resolve(name + ".log");
    Collection<RunResult> results = new Runner(options.output(log.toString()).build()).run();
    if (results.isEmpty()) {
      throw new IllegalStateException(name + ": JMH ran nothing (see " + log + ")");
    }
    for (RunResult rr : results) {
      BenchmarkParams p = rr.getParams();
      String shortName = p.getBenchmark().substring(PKG.length());
      String key = shortName + "@" + p.getMode() + "/" + p.getThreads();
      for (BenchmarkResult br : rr.getBenchmarkResults()) {
        Collection<IterationResult> iterations = br.getIterationResults();
        if (iterations.isEmpty()) {
          throw new IllegalStateException(name + ": " + shortName + " has no measured iteration (see " + log + ")");
        }
        Samples s = samples.computeIfAbsent(key, k -> new Samples(shortName, p.getMode(), p.getThreads(),
            iterations.iterator().next().getPrimaryResult().getScoreUnit()));
        s.scores.add(iterations.stream().mapToDouble(i -> i.getPrimaryResult().getScore()).toArray());
        double[] alloc = iterations.stream().mapToDouble(i -> allocNorm(i.getSecondaryResults())).toArray();
        if (java.util.Arrays.stream(alloc).noneMatch(Double::isNaN)) {
          s.alloc.add(alloc);
        }
      }
    }
  }

  private static double allocNorm(Map<String, Result> secondary) {
    for (Map.Entry<String, Result> e : secondary.entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore();
      }
    }
    return Double.NaN;
  }

  // ---------------------------------------------------------------- cold start

  /** Pair 5's measurements, in ms, in the order run. */
  record ColdRuns(List<Double> clientWall, List<Double> rawWall, List<Double> clientFirst, List<Double> rawFirst,
      List<Double> clientBuild, List<Double> rawBuild) {}

  private ColdRuns coldStart() throws Exception {
    ColdRuns runs = new ColdRuns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>());
    try (LoopbackServer server = LoopbackServer.start(1024)) {
      // One unmeasured pair first: it brings the jar and the JDK's files into the page cache.
      coldOnce("client", server, null);
      coldOnce("raw", server, null);
      for (int i = 0; i < coldPairs; i++) {
        boolean clientFirst = i % 2 == 0; // alternate who goes first, so neither always follows the other
        for (String side : clientFirst ? new String[] {"client", "raw"} : new String[] {"raw", "client"}) {
          coldOnce(side, server, runs);
        }
      }
    }
    return runs;
  }

  private static final Pattern COLD_LINE = Pattern.compile("coldstart side=(\\w+) build_ns=(\\d+) first_call_ns=(\\d+)");

  private void coldOnce(String side, LoopbackServer server, ColdRuns runs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        PKG + "ColdStart", side, server.baseUrl());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve("coldstart-stderr.log").toFile()));
    long start = System.nanoTime();
    Process p = pb.start();
    String output;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      output = r.lines().collect(Collectors.joining("\n"));
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("cold start (" + side + ") did not finish in 120 s");
    }
    double wallMs = (System.nanoTime() - start) / 1e6;
    Matcher m = COLD_LINE.matcher(output);
    if (p.exitValue() != 0 || !m.find() || !m.group(1).equals(side)) {
      throw new IllegalStateException("cold start (" + side + ") failed, exit " + p.exitValue() + ": " + output
          + " (stderr in " + logDir.resolve("coldstart-stderr.log") + ")");
    }
    if (runs != null) {
      double buildMs = Long.parseLong(m.group(2)) / 1e6;
      double firstMs = Long.parseLong(m.group(3)) / 1e6;
      (side.equals("client") ? runs.clientWall() : runs.rawWall()).add(wallMs);
      (side.equals("client") ? runs.clientFirst() : runs.rawFirst()).add(firstMs);
      (side.equals("client") ? runs.clientBuild() : runs.rawBuild()).add(buildMs);
    }
  }

  private static final Pattern CPU_LINE =
      Pattern.compile("cpu op=(\\w+) side=(\\w+) cpu_ns=([0-9.]+) alloc_b=([0-9.]+)");

  /** Pair 8: one fresh JVM ({@link CpuPerCall}); each side's batches become one fork's samples. */
  private void cpuPerCall(int round) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(FORK_FLAGS));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PKG + "CpuPerCall",
        String.valueOf(cpuWarmupSeconds), String.valueOf(cpuBatches)));
    Path log = logDir.resolve("cpu-r" + round + ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10 * cpuWarmupSeconds + 300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("CpuPerCall did not finish (see " + log + ")");
    }
    Map<String, List<double[]>> bySide = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = CPU_LINE.matcher(line);
      if (m.matches()) {
        bySide.computeIfAbsent("CpuPerCall." + m.group(1) + "." + m.group(2), k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
      }
    }
    if (p.exitValue() != 0 || bySide.size() != 5) {
      throw new IllegalStateException("CpuPerCall failed, exit " + p.exitValue() + " (see " + log + ")");
    }
    bySide.forEach((name, batches) -> {
      Samples s = samples.computeIfAbsent(name + "@" + Mode.AverageTime + "/1",
          k -> new Samples(name, Mode.AverageTime, 1, "ns/call"));
      s.scores.add(batches.stream().mapToDouble(b -> b[0]).toArray());
      s.alloc.add(batches.stream().mapToDouble(b -> b[1]).toArray());
    });
  }

  // ---------------------------------------------------------------- rows

  private Samples get(String name, Mode mode, int threads) {
    Samples s = samples.get(name + "@" + mode + "/" + threads);
    if (s == null) {
      throw new IllegalStateException("no results for " + name + " (" + mode + ", " + threads + " threads)");
    }
    return s;
  }

  private List<Report.Row> rows(ColdRuns cold) {
    List<Report.Row> rows = new ArrayList<>();
    Samples getC = get("GladiaGet.client", Mode.AverageTime, 1);
    Samples getR = get("GladiaGet.raw", Mode.AverageTime, 1);
    rows.add(jmhRow("get.time", "1. Gladia get(), 1 thread", "time per call", getC, getR, false, "≤ 1.05×", 1.05));
    rows.add(jmhRow("get.alloc", "1. Gladia get(), 1 thread", "allocation per call", getC, getR, true, "≤ 1.2×", 1.2));

    Report.Row t1 = jmhRow("tput.1", "2. Gladia get() throughput, 1 thread", "calls per second", getC, getR, false,
        null, null);
    // Throughput on one thread is the inverse of pair 1's time per call (same measurement, no extra run).
    t1.unit = "calls/s";
    t1.better = "higher";
    t1.client = 1e6 / t1.client;
    t1.raw = 1e6 / t1.raw;
    t1.ratio = 1 / t1.ratio;
    Double lo = t1.ratioLow;
    t1.ratioLow = t1.ratioHigh == null ? null : 1 / t1.ratioHigh;
    t1.ratioHigh = lo == null ? null : 1 / lo;
    Double slo = t1.spreadLow;
    t1.spreadLow = t1.spreadHigh == null ? null : 1 / t1.spreadHigh;
    t1.spreadHigh = slo == null ? null : 1 / slo;
    t1.note = "1 / time per call of pair 1 (the same measurement)";
    rows.add(t1);
    for (int threads : new int[] {8, 64}) {
      Report.Row r = jmhRow("tput." + threads, "2. Gladia get() throughput, " + threads + " threads",
          "calls per second", get("GladiaGet.client", Mode.Throughput, threads),
          get("GladiaGet.raw", Mode.Throughput, threads), false, "≥ 0.98×", 0.98);
      r.better = "higher";
      rows.add(r);
    }

    Samples pageC = get("Paging.client", Mode.AverageTime, 1);
    Samples pageR = get("Paging.raw", Mode.AverageTime, 1);
    String paging = "3. auto-paging " + Fixtures.PAGES + " pages × " + Fixtures.PAGE_SIZE + " jobs";
    rows.add(jmhRow("paging.time", paging, "time per listing", pageC, pageR, false, "≤ 1.05×", 1.05));
    rows.add(jmhRow("paging.alloc", paging, "allocation per listing", pageC, pageR, true, null, null));
    Samples pageS = get("Paging.rawStrict", Mode.AverageTime, 1);
    String pagingStrict = "3. auto-paging vs raw reading as strictly";
    Report.Row ps = jmhRow("paging.strict.time", pagingStrict, "time per listing", pageC, pageS, false, null, null);
    ps.note = "'raw' is pair 3's loop reading with the clients' own JSON rules (Json.mapper(): repeated keys,"
        + " trailing tokens and coerced scalars refused; repeated keys by Jackson's STRICT_DUPLICATE_DETECTION):"
        + " client / raw is what the client adds beyond the rules issue 16 asks for";
    rows.add(ps);
    rows.add(jmhRow("paging.strict.alloc", pagingStrict, "allocation per listing", pageC, pageS, true, null, null));

    Samples dlC = toThroughput(get("Download.client", Mode.SingleShotTime, 1));
    Samples dlR = toThroughput(get("Download.raw", Mode.SingleShotTime, 1));
    String download = "4. download " + (downloadBytes >> 20) + " MiB at -Xmx64m";
    Report.Row dl = jmhRow("download.tput", download, "throughput", dlC, dlR, false, "≥ 0.95×", 0.95);
    dl.better = "higher";
    rows.add(dl);
    Report.Row dla = jmhRow("download.alloc", download, "allocation per download", dlC, dlR, true,
        "≤ 0.1% of the body (independent of size)", null);
    dla.note = String.format(Locale.ROOT, "the client allocates %.4f%% of the body's %d bytes per download, raw %.4f%%",
        100 * dla.client / downloadBytes, downloadBytes, 100 * dla.raw / downloadBytes)
        + (dla.client <= downloadBytes / 1000.0 ? " (target met)" : " (target not met)");
    rows.add(dla);

    String coldPair = "5. cold start: fresh JVM, build + one get()";
    rows.add(coldRow("cold.first", coldPair, "first call (main() to decoded job)", cold.clientFirst(), cold.rawFirst(),
        "≤ 2×", 2.0));
    rows.add(coldRow("cold.wall", coldPair, "whole process (start to exit)", cold.clientWall(), cold.rawWall(),
        null, null));
    Report.Row build = coldRow("cold.build", coldPair, "building the client (main() to built)", cold.clientBuild(),
        cold.rawBuild(), null, null);
    build.note = "either side may defer work from building to the first call (the client's JSON mapper and validator,"
        + " for instance, are made on first use): compare first calls";
    rows.add(build);

    String[][] vendors = {{"daily", "6. Daily get()", "VendorGet.dailyClient", "VendorGet.dailyRaw"},
        {"slng", "6. SLNG get()", "VendorGet.slngClient", "VendorGet.slngRaw"},
        {"verbit", "6. Verbit info()", "VendorGet.verbitClient", "VendorGet.verbitRaw"}};
    for (String[] v : vendors) {
      Samples c = get(v[2], Mode.AverageTime, 1);
      Samples r = get(v[3], Mode.AverageTime, 1);
      rows.add(jmhRow(v[0] + ".time", v[1] + ", 1 thread", "time per call", c, r, false, "≤ 1.05× (as get)", 1.05));
      rows.add(jmhRow(v[0] + ".alloc", v[1] + ", 1 thread", "allocation per call", c, r, true, "≤ 1.2× (as get)", 1.2));
    }

    Samples valC = get("Validation.client", Mode.AverageTime, 1);
    Samples valP = get("Validation.plain", Mode.AverageTime, 1);
    // Against plain checks of the same bounds the ratio would divide by ~1 ns and ~0 bytes, i.e. mean nothing:
    // the request check is shown as a share of what a whole raw call costs, and the plain checks as a note.
    String val = "7. request validation: validateList vs a whole raw get()";
    Samples rawNs = nanos(getR);
    Report.Row vt = jmhRow("validation.request.time", val, "time per check", valC, rawNs, false, null, null);
    vt.note = String.format(Locale.ROOT, "'client' is validateList(params) alone (nothing sent), 'raw' pair 1's raw"
        + " get(): the ratio is the share of a raw call that checking a list call's parameters adds; plain Java"
        + " checks of the same bounds (offset ≥ 0, limit ≥ 1) take %s ns and allocate %s B",
        Report.num(Stats.of(valP.all(valP.scores)).mean), Report.num(Stats.of(valP.all(valP.alloc)).mean));
    rows.add(vt);
    rows.add(jmhRow("validation.request.alloc", val, "allocation per check", valC, rawNs, true, null, null));
    Samples strict = get("GladiaGet.clientStrict", Mode.AverageTime, 1);
    String st = "7. strict response validation: get() strict vs lenient";
    Report.Row stt = jmhRow("validation.strict.time", st, "time per call", strict, getC, false, null, null);
    stt.note = "'client' is get() with strictResponseValidation(true), 'raw' the same client's default get() (pair 1):"
        + " client − raw is what validating a response costs";
    rows.add(stt);
    rows.add(jmhRow("validation.strict.alloc", st, "allocation per call", strict, getC, true, null, null));

    String cpuNote = "the calling thread's CPU time (user + system) per call, client and raw alternating in batches in"
        + " one JVM (see CpuPerCall): what a call costs on the client's side, without the scheduler's, the server's"
        + " and the forks' noise; on few cores this bounds pair 2's throughput";
    String cpuGet = "8. CPU per Gladia get(), calling thread";
    Samples cpuGetC = get("CpuPerCall.get.client", Mode.AverageTime, 1);
    Samples cpuGetR = get("CpuPerCall.get.raw", Mode.AverageTime, 1);
    Report.Row cg = jmhRow("cpu.get.time", cpuGet, "CPU time per call", cpuGetC, cpuGetR, false, null, null);
    cg.note = cpuNote;
    rows.add(cg);
    rows.add(jmhRow("cpu.get.alloc", cpuGet, "allocation per call", cpuGetC, cpuGetR, true, null, null));
    Samples cpuPageC = get("CpuPerCall.paging.client", Mode.AverageTime, 1);
    String cpuPage = "8. CPU per auto-paged listing, calling thread";
    Report.Row cp = jmhRow("cpu.paging.time", cpuPage, "CPU time per listing", cpuPageC,
        get("CpuPerCall.paging.raw", Mode.AverageTime, 1), false, null, null);
    cp.note = cpuNote;
    rows.add(cp);
    Report.Row cps = jmhRow("cpu.paging.strict.time", cpuPage + " vs raw reading as strictly", "CPU time per listing",
        cpuPageC, get("CpuPerCall.paging.rawStrict", Mode.AverageTime, 1), false, null, null);
    cps.note = "as pair 3's raw reading as strictly (the clients' own JSON rules, repeated keys by Jackson's check)";
    rows.add(cps);
    return rows;
  }

  /** The same samples in ns/op (from us/op). */
  private static Samples nanos(Samples s) {
    if (!s.unit.startsWith("us")) {
      throw new IllegalStateException(s.name + ": expected us/op, got " + s.unit);
    }
    Samples t = new Samples(s.name, s.mode, s.threads, "ns/op");
    for (double[] fork : s.scores) {
      t.scores.add(java.util.Arrays.stream(fork).map(us -> us * 1000).toArray());
    }
    t.alloc.addAll(s.alloc);
    return t;
  }

  /** SingleShotTime ms/op of a download, as MiB/s per iteration (allocation unchanged). */
  private Samples toThroughput(Samples s) {
    Samples t = new Samples(s.name, s.mode, s.threads, "MiB/s");
    double mib = downloadBytes / (double) (1 << 20);
    for (double[] fork : s.scores) {
      t.scores.add(java.util.Arrays.stream(fork).map(ms -> mib / (ms / 1000)).toArray());
    }
    t.alloc.addAll(s.alloc);
    return t;
  }

  private Report.Row jmhRow(String id, String pair, String metric, Samples client, Samples raw, boolean alloc,
      String target, Double bound) {
    List<double[]> cForks = alloc ? client.alloc : client.scores;
    List<double[]> rForks = alloc ? raw.alloc : raw.scores;
    if (cForks.isEmpty() || rForks.isEmpty()) {
      throw new IllegalStateException("no " + (alloc ? "allocation " : "") + "figures for " + client.name + " / "
          + raw.name);
    }
    Stats c = Stats.of(client.all(cForks));
    Stats r = Stats.of(raw.all(rForks));
    Report.Row row = new Report.Row();
    row.id = id;
    row.pair = pair;
    row.metric = metric;
    row.unit = alloc ? "B/op" : client.unit;
    row.better = "lower";
    row.client = c.mean;
    row.raw = r.mean;
    row.ratio = c.mean / r.mean;
    if (c.n > 1 && r.n > 1) {
      double rel = Math.sqrt(Math.pow(c.relativeHalfWidth(), 2) + Math.pow(r.relativeHalfWidth(), 2));
      if (Double.isFinite(rel)) {
        row.ratioLow = row.ratio * Math.max(0, 1 - rel);
        row.ratioHigh = row.ratio * (1 + rel);
      }
    }
    int forks = Math.min(cForks.size(), rForks.size());
    if (forks > 1) {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (int i = 0; i < forks; i++) {
        double q = mean(cForks.get(i)) / mean(rForks.get(i));
        min = Math.min(min, q);
        max = Math.max(max, q);
      }
      row.spreadLow = min;
      row.spreadHigh = max;
      row.spreadOver = forks + " paired forks";
    }
    row.target = target;
    row.bound = bound;
    return row;
  }

  private static Report.Row coldRow(String id, String pair, String metric, List<Double> client, List<Double> raw,
      String target, Double bound) {
    Stats c = Stats.of(client);
    Stats r = Stats.of(raw);
    Report.Row row = new Report.Row();
    row.id = id;
    row.pair = pair;
    row.metric = metric + ", median";
    row.unit = "ms";
    row.better = "lower";
    row.client = c.median;
    row.raw = r.median;
    row.ratio = c.median / r.median;
    if (c.n > 1 && r.n > 1) {
      double rel = Math.sqrt(Math.pow(c.relativeHalfWidth(), 2) + Math.pow(r.relativeHalfWidth(), 2));
      if (Double.isFinite(rel)) {
        row.ratioLow = row.ratio * Math.max(0, 1 - rel);
        row.ratioHigh = row.ratio * (1 + rel);
      }
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (int i = 0; i < Math.min(client.size(), raw.size()); i++) {
        min = Math.min(min, client.get(i) / raw.get(i));
        max = Math.max(max, client.get(i) / raw.get(i));
      }
      row.spreadLow = min;
      row.spreadHigh = max;
      row.spreadOver = Math.min(client.size(), raw.size()) + " paired runs";
    }
    row.target = target;
    row.bound = bound;
    return row;
  }

  private static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElse(Double.NaN);
  }

  private List<Report.Figure> figures(ColdRuns cold) {
    List<Report.Figure> figures = new ArrayList<>();
    for (Samples s : samples.values()) {
      Report.Figure f = new Report.Figure();
      Samples shown = s.mode == Mode.SingleShotTime && s.name.startsWith("Download.") ? toThroughput(s) : s;
      Stats st = Stats.of(shown.all(shown.scores));
      f.name = s.name;
      f.mode = s.mode.shortLabel();
      f.threads = s.threads;
      f.unit = shown.unit;
      f.n = st.n;
      f.mean = st.mean;
      f.ciLow = st.n > 1 ? st.ciLow : null;
      f.ciHigh = st.n > 1 ? st.ciHigh : null;
      f.min = st.min;
      f.max = st.max;
      f.allocPerOp = s.alloc.isEmpty() ? null : Stats.of(s.all(s.alloc)).mean;
      f.perFork = shown.scores.stream().map(v -> Report.num(mean(v))).collect(Collectors.joining(", "));
      figures.add(f);
    }
    figures.add(coldFigure("ColdStart client: first call", cold.clientFirst()));
    figures.add(coldFigure("ColdStart raw: first call", cold.rawFirst()));
    figures.add(coldFigure("ColdStart client: whole process", cold.clientWall()));
    figures.add(coldFigure("ColdStart raw: whole process", cold.rawWall()));
    figures.add(coldFigure("ColdStart client: build", cold.clientBuild()));
    figures.add(coldFigure("ColdStart raw: build", cold.rawBuild()));
    return figures;
  }

  private static Report.Figure coldFigure(String name, List<Double> ms) {
    Stats st = Stats.of(ms);
    Report.Figure f = new Report.Figure();
    f.name = name;
    f.mode = "process";
    f.threads = 1;
    f.unit = "ms";
    f.n = st.n;
    f.mean = st.mean;
    f.ciLow = st.n > 1 ? st.ciLow : null;
    f.ciHigh = st.n > 1 ? st.ciHigh : null;
    f.min = st.min;
    f.max = st.max;
    f.perFork = "runs: " + ms.stream().map(Report::num).collect(Collectors.joining(", "));
    return f;
  }

  // ---------------------------------------------------------------- machine and settings

  private static List<String> machine(String loadBefore, String loadAfter) {
    List<String> m = new ArrayList<>();
    m.add("CPU: " + Runtime.getRuntime().availableProcessors() + " × " + cpuModel());
    m.add("memory: " + memTotal());
    m.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.vendor") + ")");
    m.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.add("load average (1, 5, 15 min) at start: " + loadBefore + "; at end: " + loadAfter);
    return m;
  }

  private List<String> settings() {
    List<String> s = new ArrayList<>();
    s.add("JMH 1.37; every benchmark forked " + rounds + " time(s), one round after the other (client and raw"
        + " forks adjacent in each round); JVM flags of the forks: " + String.join(" ", FORK_FLAGS) + " (download: "
        + String.join(" ", DOWNLOAD_FLAGS) + ")");
    s.add(latency.describe() + "; mode avgt, 1 thread, -prof gc (pairs 1, 3, 6, 7 strict)");
    s.add(validation.describe() + "; mode avgt, 1 thread, -prof gc (pair 7 request)");
    s.add(throughput.describe() + "; mode thrpt, 8 and 64 threads sharing one client (pair 2)");
    s.add("download: " + downloadWarmups + " warm-up + " + downloadIterations + " measured single shots of "
        + downloadBytes + " bytes per fork, -prof gc (pair 4)");
    s.add("cold start: 1 unmeasured pair, then " + coldPairs + " pairs of fresh JVMs (default flags), alternating"
        + " which side goes first, against a loopback server in the runner's JVM (pair 5)");
    s.add("CPU per call: per round, one fresh JVM (the forks' flags), " + cpuWarmupSeconds + " s of warm-up, then "
        + cpuBatches + " batches per side of " + CpuPerCall.GETS + " get() calls or " + CpuPerCall.LISTINGS
        + " listings, alternating which side goes first; thread CPU time and allocated bytes of the calling"
        + " thread (pair 8)");
    s.add("both sides: pool of " + Fixtures.MAX_CONNECTIONS + " connections per host; timeouts: connect "
        + Fixtures.CONNECT_TIMEOUT.toSeconds() + " s, response " + Fixtures.RESPONSE_TIMEOUT.toSeconds()
        + " s, pool wait " + Fixtures.CONNECTION_REQUEST_TIMEOUT.toSeconds()
        + " s; the client with its default retries (none happen)");
    return s;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return (kb >> 20) + " GiB";
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return "?";
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
