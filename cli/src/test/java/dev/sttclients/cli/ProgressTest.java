package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live progress line: drawn in place only on a terminal, erased at the end, never wider than the terminal. */
class ProgressTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void onATerminalWaitDrawsEachPollInPlaceAndErasesTheLineAtTheEnd() {
    VendorCase slng = VendorCase.all().get(2);
    server.stubFor(slng.fetch().inScenario("j").whenScenarioStateIs(STARTED)
        .willReturn(okJson(slng.job("queued"))).willSetStateTo("done"));
    server.stubFor(slng.fetch().inScenario("j").whenScenarioStateIs("done").willReturn(okJson(slng.job("done"))));
    Cli cli = Cli.withKeys();
    cli.terminal = true;

    Cli.Result r = cli.run("slng", "wait", "myjob123", "--base-url", server.baseUrl());

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("\rslng job myjob123: QUEUED (QUEUED), poll 1 at 0.0s, next in 1.0s"), r.err());
    assertTrue(r.err().contains("\rslng job myjob123: SUCCEEDED (DONE), poll 2 at 1.0s"), r.err());
    assertTrue(r.err().endsWith("\r") && !r.err().contains("\n"), "erased, no newline: " + r.err());
    assertTrue(r.out().lines().toList().get(1).contains("SUCCEEDED"), "stdout unchanged: " + r.out());
  }

  @Test
  void notOnATerminalNothingIsDrawn() {
    VendorCase slng = VendorCase.all().get(2);
    server.stubFor(slng.fetch().willReturn(okJson(slng.job("done"))));

    Cli.Result r = Cli.withKeys().run("slng", "wait", "myjob123", "--base-url", server.baseUrl());

    assertEquals(0, r.exit());
    assertEquals("", r.err());
  }

  @Test
  void aDownloadShowsBytesOfTheTotalAtMostTenTimesASecond() {
    StringWriter sink = new StringWriter();
    AtomicLong nanos = new AtomicLong();
    Progress p = new Progress(new PrintWriter(sink), true, nanos::get, 80);

    p.transfer("gladia download:", 65_536, OptionalLong.of(1_048_576));
    nanos.addAndGet(50_000_000);
    p.transfer("gladia download:", 131_072, OptionalLong.of(1_048_576)); // 50 ms later: not redrawn
    nanos.addAndGet(60_000_000);
    p.transfer("gladia download:", 524_288, OptionalLong.of(1_048_576));
    p.clear();

    assertEquals("\rgladia download: 64.0 KiB of 1.0 MiB (6 %)"
        + "\rgladia download: 512.0 KiB of 1.0 MiB (50 %)" + "\r" + " ".repeat(44) + "\r", sink.toString());
  }

  @Test
  void theLineIsCutToTheTerminalAndCleanedOfControlCharacters() {
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), true, () -> 0, 30);

    p.show("job \u001b[2Jevil\nname that is much longer than the terminal");

    assertEquals("\rjob ?[2Jevil name that is ...", sink.toString());
  }

  @Test
  void hostileTextFromTheServerNeverReachesTheTerminalAsControlCharacters() {
    VendorCase slng = VendorCase.all().get(2);
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/myjob123")).willReturn(okJson(
        Specs.example("slng", "get", 200, "failed").put("job_id", "myjob123\u001b]0;pwned\u0007").toString())));
    server.stubFor(get(urlPathEqualTo("/v1/batch/jobs/other1")).willReturn(aResponse().withStatus(500)
        .withBody("{\"error\": \"boom \\u001b[31mred\"}")));

    Cli.Result table = Cli.withKeys().run("slng", "get", "myjob123", "--base-url", server.baseUrl());
    Cli.Result error = Cli.withKeys().run("slng", "get", "other1", "--base-url", server.baseUrl());

    assertTrue(table.out().contains("myjob123?]0;pwned?"), table.out());
    assertTrue(error.err().contains("boom ?[31mred"), error.err());
    for (String s : new String[] {table.out(), error.err()}) {
      assertTrue(s.chars().noneMatch(c -> c == 0x1b || c == 0x07), s);
    }
  }
}
