package dev.sttclients.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.RetryPolicy;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.NewJobRequest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The soak: {@code soak.threads} threads (default 64) call one Gladia client and one Verbit client (legacy query
 * auth, POSTs) for {@code soak.duration} (ISO-8601, default PT10M) against a server that answers every request with
 * a fault drawn at random from every fault of the suite, while another thread interrupts callers at random. At the
 * end: no thread hung, no connection leased or left open, the heap after GC bounded, every failure an
 * {@link SttException} with a one-line message, and no key in any exception or log line.
 *
 * <p>Not in the default run: {@code ./mvnw -B -Psoak -pl fault-tests -am verify -Dtest=SoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.duration=PT60S]} (the profile sets the heap and the log).
 */
class SoakTest {
  private static final String GLADIA_KEY = "gk-SOAK-4f0e8d1a-do-not-leak";
  private static final String VERBIT_KEY = "vk-SOAK-91b3c2aa-do-not-leak";
  private static final String API = "https://api.gladia.io/v2/pre-recorded";
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(700);
  private static final byte[] GZIP = gzip();

  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> faultsServed = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final LongAdder calls = new LongAdder();
  private final AtomicLong maxHeapAfterGc = new AtomicLong();

  private static byte[] gzip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(new byte[16 << 20]); // 16 MiB of zeros, ~16 KiB compressed
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** How many faults the server draws from (see {@link #answer}). */
  private static final int FAULTS = 26;

  /** One fault per request, drawn at random; list pages and POSTs get their own. */
  private void answer(int n, String head, Socket s, String otherOrigin) throws IOException, InterruptedException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String line = head.substring(0, head.indexOf('\r'));
    if (line.startsWith("GET /v2/pre-recorded?")) {
      answerList(line, s, r);
      return;
    }
    // A server echoes the key of the client that called it (a client knows only its own secret).
    String key = head.contains(GLADIA_KEY) ? GLADIA_KEY : VERBIT_KEY;
    int fault = r.nextInt(FAULTS);
    faultsServed.computeIfAbsent(fault, k -> new LongAdder()).increment();
    switch (fault) {
      case 0, 1, 2 -> RawServer.respond(s, 200, "application/json", Faults.JOB_JSON);
      case 3 -> RawServer.respond(s, 404, "application/json", Faults.NOT_FOUND_JSON);
      case 4 -> RawServer.respond(s, 500, "text/html", "<html>" + "x".repeat(100_000) + "</html>");
      case 5 -> RawServer.write(s, "HTTP/1.1 503 Busy\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n");
      case 6 -> RawServer.write(s, "HTTP/1.1 429 Slow\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n");
      case 7 -> RawServer.reset(s);
      case 8 -> {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":");
        RawServer.reset(s);
      }
      case 9 -> {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
            + Faults.JOB_JSON.substring(0, 40));
        s.close();
      }
      case 10 -> RawServer.write(s, "\u0000garbage\r\n\r\n");
      case 11 -> {
        Thread.sleep(RESPONSE_TIMEOUT.toMillis() * 2);
        RawServer.respond(s, 200, "application/json", Faults.JOB_JSON);
      }
      case 12 -> drip(s, 200, 100_000);
      case 13 -> {
        for (int i = 0; i < 200 && !s.isClosed(); i++) {
          RawServer.write(s, "HTTP/1.1 102 Processing\r\n\r\n");
          Thread.sleep(50);
        }
      }
      case 14 -> endless(s, 503);
      case 15 -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648"
          + "\r\n\r\n{");
      case 16 -> {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
            + "Content-Length: " + GZIP.length + "\r\n\r\n");
        s.getOutputStream().write(GZIP);
      }
      case 17 -> RawServer.write(s, "HTTP/1.1 302 Found\r\nLocation: " + otherOrigin + "/v2/pre-recorded/"
          + Faults.JOB_ID + "\r\nContent-Length: 0\r\n\r\n");
      case 18 -> RawServer.write(s, "HTTP/1.1 307 Again\r\nLocation: " + line.split(" ")[1] + "\r\nContent-Length: 0"
          + "\r\n\r\n");
      case 19 -> {
        String body = "{\"message\":\"bad key " + key + "\",\"path\":\"/x?api_token=" + key + "\"}";
        RawServer.write(s, "HTTP/1.1 400 Bad\r\nContent-Type: application/json\r\nX-Echo: " + key
            + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      }
      case 20 -> RawServer.respond(s, 200, "application/json", Faults.JOB_JSON.replace("\"version\":2",
          "\"version\":\"2\""));
      case 21 -> RawServer.respond(s, 200, "application/json", Faults.JOB_JSON + " {}");
      case 22 -> RawServer.awaitClientGone(s, Duration.ofSeconds(30));
      case 23 -> endless(s, 200); // a download that never ends, or a JSON body past maxResponseSize
      case 24 -> RawServer.respond(s, 200, "text/html", "<html>login</html>");
      default -> RawServer.respond(s, 200, "application/json", "{\"id\":\"" + key + "\"}");
    }
  }

  /** Pages: a short listing, a loop, or endless empty pages. */
  private static void answerList(String line, Socket s, ThreadLocalRandom r) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("offset=(\\d+)").matcher(line);
    int offset = m.find() ? Integer.parseInt(m.group(1)) : 0;
    String next;
    boolean items;
    switch (r.nextInt(3)) {
      case 0 -> {
        next = offset < 3 ? "offset=" + (offset + 1) + "&limit=1" : null;
        items = true;
      }
      case 1 -> {
        next = "offset=0&limit=1"; // back to the first page
        items = true;
      }
      default -> {
        next = "offset=" + (offset + 1) + "&limit=1";
        items = false;
      }
    }
    RawServer.respond(s, 200, "application/json", "{\"first\":\"" + API + "?offset=0&limit=1\",\"current\":\"" + API
        + "?offset=" + offset + "&limit=1\",\"next\":" + (next == null ? "null" : "\"" + API + "?" + next + "\"")
        + ",\"items\":[" + (items ? Faults.JOB_JSON : "") + "]}");
  }

  private static void drip(Socket s, int status, int length) throws IOException, InterruptedException {
    RawServer.write(s, "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + length
        + "\r\n\r\n");
    for (int i = 0; i < length && !s.isClosed(); i++) {
      s.getOutputStream().write(' ');
      s.getOutputStream().flush();
      Thread.sleep(100);
    }
  }

  private static void endless(Socket s, int status) throws IOException {
    RawServer.write(s, "HTTP/1.1 " + status + " X\r\nContent-Type: application/octet-stream\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n");
    byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    OutputStream out = s.getOutputStream();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      out.write(chunk);
    }
  }

  private static ClientRuntime runtimeOf(SttClient client) throws ReflectiveOperationException {
    Method m = SttClient.class.getDeclaredMethod("runtime");
    m.setAccessible(true);
    return (ClientRuntime) m.invoke(client);
  }

  @Test
  void manyThreadsAgainstEveryFaultAtOnce() throws Exception {
    Duration duration = Duration.parse(System.getProperty("soak.duration", "PT10M"));
    int threads = Integer.getInteger("soak.threads", 64);
    Random seeds = new Random(16);
    try (RawServer other = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json",
        Faults.JOB_JSON)).withoutHeads()) {
      String otherOrigin = "http://localhost:" + other.port();
      try (RawServer server = new RawServer((n, head, s) -> answer(n, head, s, otherOrigin)).withoutHeads()) {
        GladiaClient gladia = GladiaClient.builder().apiKey(GLADIA_KEY).baseUrl(server.baseUrl())
            .connectTimeout(Duration.ofSeconds(2)).responseTimeout(RESPONSE_TIMEOUT).callTimeout(CALL_TIMEOUT)
            .connectionRequestTimeout(Duration.ofSeconds(2)).maxConnections(32).maxResponseSize(256 * 1024)
            .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(200)))
            .build();
        VerbitClient verbit = VerbitClient.builder().apiKey(VERBIT_KEY).legacyQueryAuth()
            .baseUrl(server.baseUrl() + "/api").responseTimeout(RESPONSE_TIMEOUT).callTimeout(CALL_TIMEOUT)
            .maxConnections(16).maxResponseSize(256 * 1024).retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(10),
                Duration.ofMillis(200))).build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          long seed = seeds.nextLong();
          Thread t = new Thread(() -> work(gladia, verbit, new Random(seed), end, stop), "soak-" + i);
          workers.add(t);
        }
        Thread interrupter = new Thread(() -> {
          Random r = new Random(7);
          while (!stop.get() && System.nanoTime() < end) {
            workers.get(r.nextInt(workers.size())).interrupt();
            sleep(150);
          }
        }, "soak-interrupter");
        Thread monitor = new Thread(() -> {
          while (!stop.get() && System.nanoTime() < end) {
            sampleHeap();
            sleep(5_000);
          }
        }, "soak-monitor");
        long baseline = heapAfterGc();
        workers.forEach(Thread::start);
        interrupter.start();
        monitor.start();
        for (Thread t : workers) {
          t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000) + CALL_TIMEOUT.toMillis() + 10_000);
        }
        stop.set(true);
        interrupter.join(5_000);
        monitor.join(10_000);
        List<String> hung = workers.stream().filter(Thread::isAlive).map(t -> t.getName() + " "
            + List.of(t.getStackTrace()).subList(0, Math.min(8, t.getStackTrace().length))).toList();
        int leasedGladia = runtimeOf(gladia).leasedConnections();
        int leasedVerbit = runtimeOf(verbit).leasedConnections();
        gladia.close();
        verbit.close();
        int openAfterClose = server.awaitNoOpenConnections(Duration.ofSeconds(10));
        long finalHeap = heapAfterGc();
        sampleHeap();
        report(duration, threads, hung.size(), leasedGladia + leasedVerbit, openAfterClose, baseline, finalHeap,
            server.requests());
        assertEquals(List.of(), hung, "hung threads");
        assertEquals(0, leasedGladia + leasedVerbit, "connections still leased after every call returned");
        assertEquals(0, openAfterClose, "connections left open after close()");
        assertEquals(List.of(), new ArrayList<>(problems).subList(0, Math.min(20, problems.size())),
            problems.size() + " problems");
        assertTrue(maxHeapAfterGc.get() < 256L << 20, "heap after GC reached " + (maxHeapAfterGc.get() >> 20) + " MiB");
        assertTrue(calls.sum() > threads, "only " + calls.sum() + " calls");
      }
    }
    scanLog();
  }

  private void work(GladiaClient gladia, VerbitClient verbit, Random r, long end, AtomicBoolean stop) {
    while (!stop.get() && System.nanoTime() < end) {
      Thread.interrupted(); // an interrupt meant for the previous call
      calls.increment();
      try {
        switch (r.nextInt(10)) {
          case 0, 1, 2 -> gladia.preRecorded().get(Faults.JOB_ID);
          case 3 -> gladia.preRecorded().getWithResponse(Faults.JOB_ID,
              RequestOptions.builder().callTimeout(Duration.ofMillis(1500)).maxRetries(1).build());
          case 4 -> gladia.preRecorded().delete(Faults.JOB_ID);
          case 5 -> {
            // A download's body is bounded by a per-call callTimeout only (a client-wide one ends with the headers).
            try (BinaryResponse file = gladia.preRecorded().getFile(Faults.JOB_ID,
                RequestOptions.builder().callTimeout(CALL_TIMEOUT).build())) {
              if (r.nextBoolean()) {
                file.body().read(new byte[1024]);
              } else {
                file.writeTo(OutputStream.nullOutputStream());
              }
            }
          }
          case 6 -> gladia.preRecorded().listAutoPaging(ListParams.builder().limit(1).build()).stream().limit(10)
              .count();
          case 7 -> verbit.jobs().create(new NewJobRequest().profile("Standard"));
          default -> verbit.jobs().info(1);
        }
        outcomes.computeIfAbsent("ok", k -> new LongAdder()).increment();
      } catch (SttException e) {
        outcomes.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
        check(e);
      } catch (IOException e) {
        // body().read(...) of a download: a stream's IOException is its contract (writeTo is the typed path)
        outcomes.computeIfAbsent("IOException from body().read", k -> new LongAdder()).increment();
        check(e);
      } catch (Throwable t) {
        problems.add("untyped: " + trace(t));
      }
    }
  }

  private void check(Throwable e) {
    String text = trace(e);
    if (text.contains(GLADIA_KEY) || text.contains(VERBIT_KEY)) {
      problems.add("key in an exception: " + text);
    }
    if (e instanceof SttException && e.getMessage().contains("\n")) {
      problems.add("message of more than one line: " + e.getMessage());
    }
  }

  private static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void sampleHeap() {
    long used = heapAfterGc();
    maxHeapAfterGc.accumulateAndGet(used, Math::max);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void report(Duration duration, int threads, int hung, int leased, int open, long baseline, long finalHeap,
      int requests) {
    StringBuilder sb = new StringBuilder("\nSOAK REPORT\n");
    sb.append("duration ").append(duration).append(", threads ").append(threads).append(", calls ")
        .append(calls.sum()).append(", requests served ").append(requests).append('\n');
    sb.append("hung threads ").append(hung).append(", leased connections ").append(leased)
        .append(", open after close ").append(open).append('\n');
    sb.append("heap after GC: start ").append(baseline >> 20).append(" MiB, max ").append(maxHeapAfterGc.get() >> 20)
        .append(" MiB, end ").append(finalHeap >> 20).append(" MiB (max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB)\n");
    sb.append("outcomes:");
    outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue().sum()));
    sb.append("\nfaults served:");
    faultsServed.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue().sum()));
    sb.append("\nproblems ").append(problems.size()).append('\n');
    problems.stream().map(p -> p.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(""))
        .collect(java.util.stream.Collectors.groupingBy(p -> p, java.util.stream.Collectors.counting()))
        .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
        .forEach(e -> sb.append("  ").append(e.getValue()).append(" x ").append(e.getKey()).append('\n'));
    System.out.println(sb);
    try {
      Files.writeString(Path.of("target", "soak-report.txt"), sb.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every line the clients logged (the soak profile: dev.sttclients at TRACE, org.apache.hc at DEBUG). */
  private void scanLog() throws IOException {
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    if (file == null || file.equals("System.err") || file.equals("System.out")) {
      return; // run outside the soak profile: nothing to scan
    }
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        assertTrue(!line.contains(GLADIA_KEY) && !line.contains(VERBIT_KEY), "a key in log line " + lines + ": "
            + line);
      }
    }
    assertTrue(lines > 1000, "only " + lines + " log lines");
    Files.writeString(Path.of("target", "soak-report.txt"), "log lines scanned " + lines + ", keys found 0\n",
        java.nio.file.StandardOpenOption.APPEND);
    System.out.println("log lines scanned " + lines + ", keys found 0");
  }
}
