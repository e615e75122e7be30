package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.model.GladiaError;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeleteJobTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private static final String ID = JobsJson.jobId(7);
  private static final String PATH = "/v2/pre-recorded/" + ID;

  private GladiaClient gladia;

  @BeforeEach
  void setUp() {
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).build();
  }

  @AfterEach
  void tearDown() {
    gladia.close();
  }

  @Test
  void accepted202ReturnsNormally() {
    server.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

    gladia.preRecorded().delete(ID);
    ApiResponse<Void> response = gladia.preRecorded().deleteWithResponse(ID, RequestOptions.none());

    assertEquals(202, response.statusCode());
    assertNull(response.body());
    server.verify(2, deleteRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void notDeletable403IsPermissionDenied() {
    server.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody(JobsJson.error(403, "G-7f3e9a10", "Job cannot be deleted while it is being processed"))));

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> gladia.preRecorded().delete(ID));

    assertEquals(403, e.statusCode());
    assertEquals("G-7f3e9a10", e.requestId().orElseThrow());
    assertEquals("Job cannot be deleted while it is being processed", e.vendorMessage().orElseThrow());
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertTrue(e.getMessage().contains("G-7f3e9a10"), e.getMessage());
    server.verify(1, deleteRequestedFor(urlEqualTo(PATH))); // a 403 is not retried
  }

  @Test
  void unknownOrDeleted404IsNotFoundWithTheGladiaBody() {
    server.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(JobsJson.error(404, "G-5e6f7a8b", "Job not found"))));

    NotFoundException e = assertThrows(NotFoundException.class, () -> gladia.preRecorded().delete(ID));

    assertEquals(404, e.statusCode());
    GladiaError body = e.errorBody(GladiaError.class).orElseThrow();
    assertEquals("G-5e6f7a8b", body.getRequestId());
    assertEquals(404, body.getStatusCode());
    assertEquals("Job not found", body.getMessage());
    assertEquals("/v2/pre-recorded/" + JobsJson.jobId(1), body.getPath());
    assertEquals("G-5e6f7a8b", e.requestId().orElseThrow());
    assertInstanceOf(GladiaError.class, e.errorBody().orElseThrow());
  }
}
