package dev.sttclients.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Prism mock server of one spec on a free port of 127.0.0.1, started as a child process and stopped on
 * {@link #close()} (and by a shutdown hook if the JVM exits first). Readiness = Prism's "listening" line
 * plus a TCP connect. A busy port is retried on another free port.
 */
public final class PrismServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_START_TRIES = 3;

  private final Process process;
  private final int port;
  private final Deque<String> output;
  private final Thread shutdownHook;

  private PrismServer(Process process, int port, Deque<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.shutdownHook = new Thread(process::destroyForcibly, "prism-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts {@code prism mock <spec>} and waits until it answers. */
  public static PrismServer start(Path spec) {
    if (!Files.isRegularFile(spec)) {
      throw new IllegalArgumentException("no spec at " + spec);
    }
    Path prism = prismBinary();
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= MAX_START_TRIES; attempt++) {
      int port = freePort();
      try {
        return startOn(prism, spec, port);
      } catch (IllegalStateException e) {
        last = e; // e.g. EADDRINUSE when another process took the port meanwhile
      }
    }
    throw last;
  }

  private static PrismServer startOn(Path prism, Path spec, int port) {
    ProcessBuilder pb = new ProcessBuilder(prism.toString(), "mock", spec.toAbsolutePath().toString(),
        "-h", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + prism, e);
    }
    Deque<String> lines = new ArrayDeque<>();
    CountDownLatch listening = new CountDownLatch(1);
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (lines) {
            lines.addLast(line);
            if (lines.size() > 200) {
              lines.removeFirst();
            }
          }
          if (line.contains("Prism is listening on http://127.0.0.1:" + port)) {
            listening.countDown();
          }
        }
      } catch (IOException ignored) {
        // process ended
      }
    }, "prism-output-" + port);
    pump.setDaemon(true);
    pump.start();
    try {
      boolean ready = listening.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && canConnect(port);
      if (!ready || !process.isAlive()) {
        process.destroyForcibly();
        throw new IllegalStateException("Prism did not start on port " + port + " for " + spec + ":\n"
            + String.join("\n", snapshot(lines)));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Prism", e);
    }
    return new PrismServer(process, port, lines);
  }

  /** {@code http://127.0.0.1:PORT}: use it as the client's base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The last lines Prism printed, for failure messages. */
  public List<String> recentOutput() {
    return snapshot(output);
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: Prism stops in about a second
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmShuttingDown) {
      // the hook runs anyway
    }
  }

  /**
   * The Prism CLI the build installed: system property {@code prism.bin}, else
   * {@code testkit/node_modules/.bin/prism} found from the working directory upwards.
   */
  public static Path prismBinary() {
    String configured = System.getProperty("prism.bin");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testkit/node_modules/.bin/prism");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Prism CLI not found (prism.bin=" + configured + "). Build the testkit module "
        + "first: ./mvnw -pl testkit generate-resources (runs npm ci with the committed package-lock.json).");
  }

  /** The spec directory: system property {@code specs.dir}, else {@code specs/} found from the working directory up. */
  public static Path specsDir() {
    String configured = System.getProperty("specs.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("specs")) && Files.exists(dir.resolve("specs/gladia.yaml"))) {
        return dir.resolve("specs");
      }
    }
    throw new IllegalStateException("specs directory not found (specs.dir=" + configured + ")");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean canConnect(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> snapshot(Deque<String> lines) {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
