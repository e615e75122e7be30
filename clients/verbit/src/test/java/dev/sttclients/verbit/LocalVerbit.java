package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on a free loopback port standing in for Verbit's API, one per test class. */
abstract class LocalVerbit {
  static final String KEY = "test-api-key-7f3e";
  static WireMockServer server;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  /** The base URL a client uses to reach the local server, with Verbit's {@code /api} prefix. */
  static String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/api";
  }

  static VerbitClient.Builder client() {
    return VerbitClient.builder().apiKey(KEY).baseUrl(baseUrl()).sleeper(d -> { });
  }

  /**
   * Every request the server saw, oldest first. WireMock lists the newest first; its timestamps have millisecond
   * resolution, too coarse to sort requests sent within the same millisecond.
   */
  static List<LoggedRequest> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events.stream().map(ServeEvent::getRequest).toList();
  }

  /** Asserts that a request body is exactly this JSON (no extra fields, no nulls). */
  static void assertJsonBody(String expectedJson, LoggedRequest request) {
    try {
      JsonNode expected = Json.mapper().readTree(expectedJson);
      JsonNode actual = Json.mapper().readTree(request.getBodyAsString());
      assertEquals(expected, actual, "body of " + request.getMethod() + " " + request.getUrl());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
    }
  }
}
