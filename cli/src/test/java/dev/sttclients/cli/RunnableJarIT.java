package dev.sttclients.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged tool, as a user runs it: {@code java -jar cli/target/jobs.jar} in a forked process (after
 * {@code package}, in {@code verify}). Proves the one jar holds everything (services, Jackson modules, Hibernate
 * Validator), that stderr stays clean on success, and that the completion script was written.
 */
class RunnableJarIT {
  private static HttpServer server;
  private static final AtomicReference<String> lastAuthorization = new AtomicReference<>();

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void startServer() throws IOException {
    String job = Specs.json("slng", "get", 200, "done");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/batch/jobs/myjob123", exchange -> {
      lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = job.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static Run jobs(Map<String, String> env, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("jobs.jar", "target/jobs.jar"));
    assertTrue(Files.isRegularFile(jar), "the build packages " + jar);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Vendor.ALL.forEach(v -> pb.environment().remove(v.keyVariable()));
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("java -jar jobs.jar did not end within 120 s");
    }
    return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<" + e + ">";
      }
    });
  }

  @Test
  void answersHelp() throws Exception {
    Run r = jobs(Map.of(), "--help");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Usage: jobs"), r.out());
    assertTrue(r.out().contains("Exit codes:") && r.out().contains("verbit"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void fetchesAJobFromALocalServerWithNothingOnStderr() throws Exception {
    Run r = jobs(Map.of("SLNG_API_KEY", "jar-key"), "slng", "get", "myjob123", "--base-url",
        "http://127.0.0.1:" + server.getAddress().getPort());

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().toList().get(1).matches("slng +myjob123 +SUCCEEDED +DONE .*"), r.out());
    assertEquals("", r.err());
    assertEquals("Bearer jar-key", lastAuthorization.get());
  }

  @Test
  void aUsageErrorIsOneLineAndExit2() throws Exception {
    Run r = jobs(Map.of("SLNG_API_KEY", "jar-key"), "slng", "get", "abc-123");

    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("jobs: slng get: invalid request, nothing sent"), r.err());
    assertFalse(r.err().contains("jar-key"));
  }

  @Test
  void theLauncherScriptRunsTheJar() throws Exception {
    Path launcher = Path.of("jobs").toAbsolutePath();
    Path sh = Path.of("/bin/sh");
    if (!Files.isExecutable(sh)) {
      return; // no POSIX shell to run it
    }
    Process p = new ProcessBuilder(sh.toString(), launcher.toString(), "--version").redirectErrorStream(true).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("jobs "), out);
  }

  @Test
  void theBuildWroteTheCompletionScript() throws Exception {
    Path script = Path.of(System.getProperty("jobs.completion", "target/jobs_completion"));
    String text = Files.readString(script);
    assertTrue(text.contains("complete -F _complete_jobs") && text.contains("add-media"), script.toString());
    Path bash = Path.of("/bin/bash");
    if (Files.isExecutable(bash)) { // the script parses
      Process p = new ProcessBuilder(bash.toString(), "-n", script.toString()).redirectErrorStream(true).start();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
