package dev.sttclients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.docs.SiteBuilder.Outcome;
import dev.sttclients.docs.SiteBuilder.TestResult;
import dev.sttclients.docs.SiteBuilder.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix places each conformance test name in its row and cell, and renders red for a failure. */
class SiteBuilderTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Acme jobs, version: "1"}
      paths:
        /jobs/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: '^[a-z]+$'}}
          get:
            operationId: get
            responses:
              "200":
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Job'}
              "404": {$ref: '#/components/responses/NotFound'}
      components:
        responses:
          NotFound:
            description: no such job
            content:
              application/json:
                schema: {$ref: '#/components/schemas/AcmeError'}
        schemas:
          Job:
            type: object
            properties:
              owner: {$ref: '#/components/schemas/Owner'}
          Owner:
            type: object
            properties:
              name: {type: string, maxLength: 3}
          AcmeError:
            type: object
            properties:
              message: {type: string}
      """;

  @Test
  void testsLandInTheirCells(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("acme.yaml"), SPEC);
    List<TestResult> results = List.of(
        new TestResult("acme: get 200 example 'one'", Outcome.PASSED),
        new TestResult("acme: get 404 example 'missing'", Outcome.FAILED),
        new TestResult("acme: Owner.name = 'abcd' -> rejected (maxLength 3)", Outcome.PASSED),
        new TestResult("acme: AcmeError.message = null -> accepted", Outcome.PASSED),
        new TestResult("acme: param get.id = 'A' -> rejected (pattern ^[a-z]+$)", Outcome.PASSED),
        new TestResult("acme: get -> 200", Outcome.PASSED),
        new TestResult("acme: get -> 200 example 'one'", Outcome.PASSED),
        new TestResult("acme: get -> 404", Outcome.PASSED),
        new TestResult("acme: something else entirely", Outcome.FAILED),
        new TestResult("other: get -> 200", Outcome.FAILED));
    Vendor v = SiteBuilder.matrix(spec, results);

    assertEquals(1, v.row("get", "200").examples().passed());
    assertEquals("red", v.row("get", "404").examples().state());
    assertEquals(1, v.row("get", "200").bounds().total(), "Owner is reached from Job through a $ref");
    assertEquals(1, v.row("get", "404").bounds().total(), "AcmeError through the response $ref");
    assertEquals(1, v.row("get", "request").bounds().total(), "parameter bounds on the request row");
    assertEquals(2, v.row("get", "200").prism().passed());
    assertEquals("none", v.row("get", "request").prism().state());
    assertEquals(1, v.other().failed(), "an unplaced test of this vendor is counted, not hidden");

    String html = SiteBuilder.index(List.of(v), results, "9.9.9", null);
    assertTrue(html.contains("id=\"vendor-acme\""));
    assertTrue(html.contains("<td class=\"red\">0/1</td>"), html);
    assertTrue(html.contains("No BENCHMARKS.md yet"));
    assertTrue(html.contains("10 tests, 3 failed"));
  }

  @Test
  void reportsAreReadWithTheirOutcomes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("TEST-x.xml"), """
        <testsuite name="x" tests="3" failures="1" errors="0" skipped="1">
          <testcase name="acme everyThing() acme: get -&gt; 200" classname="x"/>
          <testcase name="acme everyThing() acme: get -&gt; 404" classname="x"><failure message="no"/></testcase>
          <testcase name="plainTest" classname="x"><skipped/></testcase>
        </testsuite>
        """);
    List<TestResult> r = SiteBuilder.readReports(dir);
    assertEquals(List.of(new TestResult("acme: get -> 200", Outcome.PASSED),
        new TestResult("acme: get -> 404", Outcome.FAILED), new TestResult("plainTest", Outcome.SKIPPED)), r);
  }

  @Test
  void benchmarksTableIsRendered() {
    String md = "# B\n\nintro\n\n## Side by side\n\n| pair | figure |\n| --- | --- |\n| 1. get | **1.92×** |\n\nmore\n";
    String html = SiteBuilder.markdownTable(md);
    assertTrue(html.contains("<th>pair</th>"), html);
    assertTrue(html.contains("<td><b>1.92×</b></td>"), html);
    assertNotNull(SiteBuilder.markdownTable("no table"));
  }
}
