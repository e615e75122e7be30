package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.verbit.model.AddMediaRequest;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input fails before any network call, naming the field, the value and the rule; the server sees nothing.
 * Covers the parameters of the generated methods and the cascade into the JSON bodies (@Valid).
 */
class RequestValidationTest extends LocalVerbit {
  private VerbitClient verbit;

  @BeforeEach
  void open() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"job_id\":1,\"id\":1,\"job_status\":\"Pending\"}")));
    verbit = client().build();
  }

  @AfterEach
  void close() {
    verbit.close();
  }

  static Stream<Arguments> badInputs() {
    String url = "must match \"^https?://[^\\s/$.?#].[^\\s]*$\"";
    return Stream.of(
        bad("finish_in above 900", c -> c.jobs().startProcessing(1, new StartProcessingRequest().finishIn(901)),
            "body.finish_in", "901", "must be less than or equal to 900"),
        bad("finish_in below 0", c -> c.jobs().startProcessing(1, new StartProcessingRequest().finishIn(-1)),
            "body.finish_in", "-1", "must be greater than or equal to 0"),
        bad("job_id 0 (info)", c -> c.jobs().info(0), "job_id", "0", "must be greater than or equal to 1"),
        bad("job_id negative (start)", c -> c.jobs().startProcessing(-5, new StartProcessingRequest().finishIn(0)),
            "job_id", "-5", "must be greater than or equal to 1"),
        bad("job_id 0 (add media)", c -> c.jobs().addMedia(0, new AddMediaRequest().mediaUrl("https://x.example/a.mp4")),
            "job_id", "0", "must be greater than or equal to 1"),
        bad("callback_url not http(s)", c -> c.jobs().startProcessing(1,
            new StartProcessingRequest().callbackUrl("ftp://hooks.example.com/x")),
            "body.callback_url", "'ftp://hooks.example.com/x'", url),
        bad("callback_url relative", c -> c.jobs().startProcessing(1,
            new StartProcessingRequest().callbackUrl("/verbit/callback")),
            "body.callback_url", "'/verbit/callback'", url),
        bad("callback_url without scheme", c -> c.jobs().startProcessing(1,
            new StartProcessingRequest().callbackUrl("hooks.example.com/verbit")),
            "body.callback_url", "'hooks.example.com/verbit'", url),
        bad("callback_url with a space", c -> c.jobs().startProcessing(1,
            new StartProcessingRequest().callbackUrl("https://hooks.example.com/a b")),
            "body.callback_url", "'https://hooks.example.com/a b'", url),
        bad("media_url a file URL", c -> c.jobs().addMedia(1, new AddMediaRequest().mediaUrl("file:///etc/passwd")),
            "body.media_url", "'file:///etc/passwd'", url),
        bad("missing profile", c -> c.jobs().create(new NewJobRequest().jobName("a.mp4")),
            "body.profile", "null", "must not be null"),
        bad("empty profile", c -> c.jobs().create(new NewJobRequest().profile("")),
            "body.profile", "''", "size must be between 1 and 2147483647"),
        bad("language not RFC 5646", c -> c.jobs().create(new NewJobRequest().profile("Standard").language("english")),
            "body.language", "'english'", "must match \"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$\""),
        bad("translation language with underscore", c -> c.jobs().create(new NewJobRequest().profile("Standard")
                .translationLanguages(List.of("es", "fr_FR"))),
            "body.translation_languages[1]", "'fr_FR'", "must match \"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$\""),
        bad("no body for a new job", c -> c.jobs().create(null), "body", "null", "must not be null"),
        bad("no body for add media", c -> c.jobs().addMedia(1, null), "body", "null", "must not be null"),
        bad("API version 0 through the generated API", c -> c.jobsApi().info(0, 1L),
            "v", "0", "must be greater than or equal to 1"),
        bad("generated API cascades into the body too", c -> c.jobsApi().startProcessing(4, 1L,
            new StartProcessingRequest().finishIn(901)), "body.finish_in", "901", "must be less than or equal to 900"));
  }

  private static Arguments bad(String name, Consumer<VerbitClient> call, String field, String value, String rule) {
    return Arguments.of(name, call, new Violation(field, value, rule));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsBeforeSendingWithFieldValueAndRule(String name, Consumer<VerbitClient> call, Violation expected) {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> call.accept(verbit));

    assertEquals(List.of(expected), e.violations());
    assertEquals(0, e.attempts());
    assertEquals("verbit", e.vendor());
    assertTrue(e.getMessage().contains("invalid request, nothing sent: " + expected), e.getMessage());
    assertEquals(List.of(), requests(), "the server saw no request");
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> verbit.jobs()
        .startProcessing(0, new StartProcessingRequest().finishIn(1000).callbackUrl("nope")));
    assertEquals(List.of("body.callback_url", "body.finish_in", "job_id"),
        e.violations().stream().map(Violation::field).toList());
    assertEquals(List.of(), requests());
  }

  /**
   * Seed 003 documents finish_with_error without finish_in as valid (the sandbox job then stays In Progress):
   * the client sends it as given, through the facade and through the generated API.
   */
  @Test
  void finishWithErrorWithoutFinishInIsSentAsGiven() {
    verbit.jobs().startProcessing(1, new StartProcessingRequest().finishWithError(true));
    verbit.jobs().startProcessing(2, new StartProcessingRequest().finishWithError(false));
    verbit.jobsApi().startProcessing(4, 3L, new StartProcessingRequest().finishWithError(true));
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> seen = requests();
    assertEquals(3, seen.size());
    assertJsonBody("{\"finish_with_error\":true}", seen.get(0));
    assertJsonBody("{\"finish_with_error\":false}", seen.get(1));
    assertJsonBody("{\"finish_with_error\":true}", seen.get(2));
    assertEquals("/api/job/perform_transcription?v=4&job_id=3", seen.get(2).getUrl());
  }

  @Test
  void boundaryValuesAreSent() {
    verbit.jobs().startProcessing(1, new StartProcessingRequest().finishIn(0));
    verbit.jobs().startProcessing(1, new StartProcessingRequest().finishIn(900).finishWithError(true)
        .callbackUrl("http://localhost:8080/cb?x=1"));
    verbit.jobs().create(new NewJobRequest().profile("S").language("zh-Hans-CN")
        .translationLanguages(List.of("es-419", "en")));
    verbit.jobs().addMedia(Long.MAX_VALUE, new AddMediaRequest().mediaUrl("https://MEDIA.EXAMPLE.COM/A.MP4"));
    assertEquals(4, requests().size());
    assertEquals("/api/job/add_media?v=4&job_id=" + Long.MAX_VALUE, requests().get(3).getUrl());
  }
}
