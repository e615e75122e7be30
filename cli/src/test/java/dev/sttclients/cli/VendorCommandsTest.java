package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code get} and {@code wait} of every vendor, in-process against a local server that serves the spec's own example
 * jobs: what each prints on stdout and stderr, its exit code, the key it sends, and every way it refuses bad input
 * before sending anything.
 */
class VendorCommandsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Cli cli = Cli.withKeys();

  static List<VendorCase> vendors() {
    return VendorCase.all();
  }

  private Cli.Result run(VendorCase v, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--base-url";
    all[args.length + 1] = server.baseUrl();
    return cli.run(all);
  }

  private static List<String> lines(String s) {
    return s.lines().toList();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void getPrintsOneRowInTheSharedVocabularyAndSendsTheVendorsKey(VendorCase v) {
    server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample()))));

    Cli.Result r = run(v, v.vendor(), "get", v.id()).succeeds();

    List<String> lines = lines(r.out());
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("VENDOR  ID"), r.out());
    assertTrue(lines.get(1).startsWith(v.vendor() + "  "), r.out());
    assertTrue(lines.get(1).contains(" SUCCEEDED "), r.out());
    server.verify(1, v.fetched().withHeader(v.keyHeader(), equalTo(v.keyPrefix() + "key-" + v.vendor())));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void getAsJsonIsTheVendorsModelAndParsesBackIntoIt(VendorCase v) throws IOException {
    String example = v.job(v.doneExample());
    server.stubFor(v.fetch().willReturn(okJson(example)));

    Cli.Result r = run(v, v.vendor(), "get", v.id(), "--output", "json").succeeds();

    Object printed = Json.mapper().readValue(r.out(), v.model());
    assertEquals(Json.mapper().readValue(example, v.model()), printed);
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aFailedJobIsAnAnswerToGetNotAnError(VendorCase v) {
    server.stubFor(v.fetch().willReturn(okJson(v.job(v.failedExample()))));

    Cli.Result r = run(v, v.vendor(), "get", v.id()).succeeds();

    assertTrue(lines(r.out()).get(1).contains(" FAILED "), r.out());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void waitPollsUntilDoneAtTheGivenInterval(VendorCase v) {
    scenario(v, v.runningExample(), v.runningExample(), v.doneExample());

    Cli.Result r = run(v, v.vendor(), "wait", v.id(), "--poll-interval", "2s").succeeds();

    assertTrue(lines(r.out()).get(1).contains(" SUCCEEDED "), r.out());
    server.verify(3, v.fetched());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), cli.time.sleeps);
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void waitForAFailedJobExits1AndShowsTheFailedJob(VendorCase v) throws IOException {
    scenario(v, v.runningExample(), v.failedExample());

    Cli.Result r = run(v, v.vendor(), "wait", v.id(), "--poll-interval", "1s").failsWith(1);

    assertTrue(lines(r.out()).get(1).contains(" FAILED "), r.out());
    assertTrue(r.err().startsWith("jobs: " + v.vendor() + " job "), r.err());
    assertTrue(r.err().contains("FAILED"), r.err());

    server.resetAll();
    scenario(v, v.failedExample());
    Cli.Result json = run(v, v.vendor(), "wait", v.id(), "--output", "json").failsWith(1);
    assertEquals(Json.mapper().readValue(v.job(v.failedExample()), v.model()),
        Json.mapper().readValue(json.out(), v.model()));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void waitThatOutlastsItsTimeoutExits4AndShowsTheLastStateSeen(VendorCase v) {
    server.stubFor(v.fetch().willReturn(okJson(v.job(v.runningExample()))));

    Cli.Result r = run(v, v.vendor(), "wait", v.id(), "--timeout", "10s", "--poll-interval", "3s").failsWith(4);

    assertTrue(lines(r.out()).get(1).matches(".* (QUEUED|RUNNING) .*"), r.out());
    assertTrue(r.err().contains("not finished within PT10S"), r.err());
    assertEquals(Duration.ofSeconds(10), cli.time.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void anHttpErrorExits3WithTheVendorsStatusAndMessageOnOneLine(VendorCase v) {
    server.stubFor(v.fetch().willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req-42").withBody("{\"message\": \"no such job\", \"error\": \"no such job\", "
            + "\"ErrorComment\": \"no such job\", \"info\": \"no such job\"}")));

    Cli.Result r = run(v, v.vendor(), "get", v.id()).failsWith(3);

    assertTrue(r.err().startsWith("jobs: " + v.vendor() + " "), r.err());
    assertTrue(r.err().contains("HTTP 404"), r.err());
    assertTrue(r.err().contains("no such job"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aServerErrorIsRetriedByTheClientThenExits3(VendorCase v) {
    server.stubFor(v.fetch().willReturn(aResponse().withStatus(500)));

    Cli.Result r = run(v, v.vendor(), "get", v.id()).failsWith(3);

    assertTrue(r.err().contains("HTTP 500") && r.err().contains("after 3 attempts"), r.err());
    server.verify(3, v.fetched());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void anUnreachableServerExits3(VendorCase v) {
    Cli.Result r = cli.run(v.vendor(), "get", v.id(), "--base-url", "http://127.0.0.1:1").failsWith(3);

    assertTrue(r.err().contains("connection refused"), r.err());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aMalformedIdExits2NamingTheRuleAndNothingIsSent(VendorCase v) {
    Cli.Result r = run(v, v.vendor(), "get", v.malformedId()).failsWith(2);

    assertTrue(r.err().startsWith("jobs: " + v.vendor() + " "), r.err());
    assertTrue(r.err().contains("nothing sent"), r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void noKeyExits2NamingTheVariableAndTheOptionAndNothingIsSent(VendorCase v) {
    cli.env.clear();

    Cli.Result r = run(v, v.vendor(), "get", v.id()).failsWith(2);

    assertEquals("jobs: " + v.vendor() + ": no API key: set " + v.keyVariable() + " or pass --api-key-file FILE\n",
        r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theKeyFileWinsOverTheEnvironment(VendorCase v) throws IOException {
    server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample()))));
    Path keyFile = Files.writeString(dir.resolve("key"), "  from-file-key\n");

    run(v, v.vendor(), "get", v.id(), "--api-key-file", keyFile.toString()).succeeds();

    server.verify(1, v.fetched().withHeader(v.keyHeader(), equalTo(v.keyPrefix() + "from-file-key")));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aMissingKeyFileExits2NamingTheFile(VendorCase v) {
    Path missing = dir.resolve("no-such-key");

    Cli.Result r = run(v, v.vendor(), "get", v.id(), "--api-key-file", missing.toString()).failsWith(2);

    assertEquals("jobs: cannot read API key file " + missing + ": no such file\n", r.err());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theKeyIsNeverPrintedNotEvenWithDebug(VendorCase v) throws IOException {
    String secret = "sk-LEAK-" + v.vendor() + "-0123456789";
    cli.env.put(v.keyVariable(), secret);
    server.stubFor(v.fetch().willReturn(aResponse().withStatus(401).withBody("{\"message\":\"bad key\"}")));
    Path keyFile = Files.writeString(dir.resolve("key"), secret + "\nsecond line");

    List<Cli.Result> results = List.of(
        run(v, v.vendor(), "get", v.id(), "--debug"),
        run(v, v.vendor(), "wait", v.id(), "--debug", "--output", "json"),
        run(v, "status", v.vendor() + ":" + v.id(), "--debug"),
        run(v, v.vendor(), "get", v.id(), "--api-key-file", keyFile.toString(), "--debug"));

    for (Cli.Result r : results) {
      assertFalse(r.out().contains(secret) || r.err().contains(secret) || r.err().contains("sk-LEAK"), r.err());
      assertTrue(r.exit() == 2 || r.exit() == 3, r.err());
    }
    assertTrue(results.get(0).err().contains("\tat "), "--debug shows the stack trace");
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void extraHeadersAreSentOnEveryRequest(VendorCase v) {
    server.stubFor(v.fetch().willReturn(okJson(v.job(v.doneExample()))));

    run(v, v.vendor(), "wait", v.id(), "--header", "Prefer: example=done", "--header", "X-Trace:  7").succeeds();

    server.verify(1, v.fetched().withHeader("Prefer", equalTo("example=done")).withHeader("X-Trace", equalTo("7")));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void badOptionValuesExit2NamingTheOption(VendorCase v) {
    assertTrue(run(v, v.vendor(), "get", v.id(), "--output", "yaml").failsWith(2).err()
        .contains("--output"));
    assertTrue(run(v, v.vendor(), "wait", v.id(), "--timeout", "soon").failsWith(2).err()
        .contains("'soon' is not a duration"));
    assertTrue(run(v, v.vendor(), "wait", v.id(), "--timeout", "400d").failsWith(2).err()
        .contains("--timeout"));
    assertTrue(run(v, v.vendor(), "get", v.id(), "--header", "no-colon").failsWith(2).err()
        .contains("--header must be 'NAME: VALUE'"));
    assertTrue(run(v, v.vendor(), "get").failsWith(2).err().contains("Missing required parameter"));
    assertTrue(cli.run(v.vendor(), "get", v.id(), "--base-url", "ftp://x").failsWith(2).err()
        .contains("--base-url must be an absolute http(s) URL"));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  /** The job answers each example in turn, then keeps the last. */
  private static void scenario(VendorCase v, String... examples) {
    String state = STARTED;
    for (int i = 0; i < examples.length; i++) {
      String next = i == examples.length - 1 ? state : "poll-" + (i + 2);
      server.stubFor(v.fetch().inScenario("job").whenScenarioStateIs(state)
          .willReturn(okJson(v.job(examples[i]))).willSetStateTo(next));
      state = next;
    }
  }
}
