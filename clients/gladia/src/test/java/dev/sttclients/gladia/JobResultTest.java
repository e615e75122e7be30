package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.gladia.model.TranscriptionLanguageCode;
import dev.sttclients.gladia.model.Utterance;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A finished job's contents are typed as Gladia's contract describes them (seed 002 reads
 * {@code job.result.transcription.full_transcript}); a field or section Gladia adds later is tolerated, in strict
 * mode too.
 */
class JobResultTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private static final String ID = JobsJson.jobId(3);
  private static final String DONE = """
      {"id": "%s", "request_id": "G-1", "version": 2, "status": "done", "kind": "pre-recorded",
       "created_at": "2024-01-03T11:11:03.872Z", "completed_at": "2024-01-03T11:11:14.962Z",
       "post_session_metadata": {}, "custom_metadata": {"plan": {"tier": 2}}, "error_code": null,
       "file": {"id": "f-1", "filename": "a.wav", "source": null, "audio_duration": 20.5, "number_of_channels": 1},
       "request_params": {"audio_url": null, "diarization": true},
       "result": {
         "metadata": {"audio_duration": 20.5, "number_of_distinct_channels": 1, "billing_time": 20.5,
                      "transcription_time": 11.09},
         "transcription": {"full_transcript": "Split infinity.", "languages": ["en"],
           "utterances": [{"text": "Split infinity.", "language": "en", "start": 0.21, "end": 1.55,
             "confidence": 0.97, "channel": 0, "speaker": 1,
             "words": [{"word": "Split", "start": 0.21, "end": 0.69, "confidence": 1},
                       {"word": " infinity.", "start": 0.91, "end": 1.55, "confidence": 0.95}]}]},
         "summarization": {"success": true, "is_empty": false, "exec_time": 1.2, "error": null, "results": "A line."},
         "a_section_gladia_adds_later": {"success": true}
       }}""".formatted(ID);

  @Test
  void theTranscriptIsTypedFromTheJobDownToTheWords() {
    server.stubFor(get(urlEqualTo("/v2/pre-recorded/" + ID)).willReturn(okJson(DONE)));
    try (GladiaClient gladia = GladiaClient.builder().apiKey("k").baseUrl(server.baseUrl())
        .strictResponseValidation(true).build()) {
      PreRecordedJob job = gladia.preRecorded().get(ID);

      assertEquals("Split infinity.", job.getResult().getTranscription().getFullTranscript());
      Utterance u = job.getResult().getTranscription().getUtterances().get(0);
      assertEquals(TranscriptionLanguageCode.EN, u.getLanguage());
      assertEquals(1, u.getSpeaker());
      assertEquals(" infinity.", u.getWords().get(1).getWord());
      assertEquals(new BigDecimal("0.95"), u.getWords().get(1).getConfidence());
      assertEquals(1, job.getResult().getMetadata().getNumberOfDistinctChannels());
      assertEquals("A line.", job.getResult().getSummarization().getResults());
      assertNull(job.getResult().getTranslation(), "a section Gladia did not send");
      assertEquals("a.wav", job.getFile().getFilename());
      assertEquals(Boolean.TRUE, job.getRequestParams().getDiarization());
      assertEquals(java.util.Map.of("tier", 2), job.getCustomMetadata().get("plan"));
    }
  }
}
