package dev.sttclients.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.Json;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.verbit.model.JobInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The baseline of every pair: what a careful user writes by hand with Apache HttpClient 5 and Jackson. One
 * pooled client configured as the benchmarked clients are ({@link Fixtures#MAX_CONNECTIONS} connections per host,
 * the same connect, response and pool timeouts; no automatic retries and no cookies, as in the clients), one
 * mapper configured for the generated models (java.time, {@code JsonNullable}, unknown fields ignored) with a
 * reader per type made once (on first use), and per call: a URL string, {@code new HttpGet}, the auth and
 * {@code Accept} headers, a status check and Jackson reading the body straight from the stream into the same
 * generated model the client returns. No validation, no retries, no error mapping: that is what the client adds,
 * and what the ratios measure.
 */
public final class Raw implements AutoCloseable {
  private final String baseUrl;
  private final CloseableHttpClient http;
  private final ObjectMapper mapper;
  // One reader per model, made on first use (so that a cold start pays only for the type it reads). A reader is
  // immutable with final fields: a racy first use may make two, never a broken one.
  private ObjectReader gladiaJob;
  private ObjectReader gladiaPage;
  private ObjectReader gladiaPageStrict;
  private ObjectReader dailyJob;
  private ObjectReader slngJob;
  private ObjectReader verbitJobInfo;

  public Raw(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(Fixtures.MAX_CONNECTIONS)
            .setMaxConnPerRoute(Fixtures.MAX_CONNECTIONS)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(timeout(Fixtures.CONNECT_TIMEOUT))
                .setSocketTimeout(timeout(Fixtures.RESPONSE_TIMEOUT))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(Fixtures.CONNECTION_REQUEST_TIMEOUT))
            .setResponseTimeout(timeout(Fixtures.RESPONSE_TIMEOUT))
            .build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
    this.mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new JsonNullableModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  private static Timeout timeout(Duration d) {
    return Timeout.ofMilliseconds(d.toMillis());
  }

  public PreRecordedJob gladiaGet(String id) throws IOException {
    ObjectReader reader = gladiaJob;
    if (reader == null) {
      gladiaJob = reader = mapper.readerFor(PreRecordedJob.class);
    }
    return get(baseUrl + "/v2/pre-recorded/" + id, "x-gladia-key", Fixtures.API_KEY, reader);
  }

  public JobPage gladiaList(int offset, int limit) throws IOException {
    ObjectReader reader = gladiaPage;
    if (reader == null) {
      gladiaPage = reader = mapper.readerFor(JobPage.class);
    }
    return get(baseUrl + "/v2/pre-recorded?status=done&offset=" + offset + "&limit=" + limit, "x-gladia-key",
        Fixtures.API_KEY, reader);
  }

  /**
   * {@link #gladiaList} read with the clients' own JSON rules ({@link Json#mapper()}: repeated keys, trailing
   * tokens and scalar coercions refused), the repeated keys by Jackson's {@code STRICT_DUPLICATE_DETECTION}: the
   * baseline that holds the reading rules equal, so that client / raw is what the client adds beyond them.
   */
  public JobPage gladiaListStrict(int offset, int limit) throws IOException {
    ObjectReader reader = gladiaPageStrict;
    if (reader == null) {
      gladiaPageStrict = reader = Json.mapper().readerFor(JobPage.class);
    }
    return get(baseUrl + "/v2/pre-recorded?status=done&offset=" + offset + "&limit=" + limit, "x-gladia-key",
        Fixtures.API_KEY, reader);
  }

  public BatchProcessorJob dailyGet(String id) throws IOException {
    ObjectReader reader = dailyJob;
    if (reader == null) {
      dailyJob = reader = mapper.readerFor(BatchProcessorJob.class);
    }
    return get(baseUrl + "/batch-processor/" + id, "Authorization", "Bearer " + Fixtures.API_KEY, reader);
  }

  public BatchJob slngGet(String jobId) throws IOException {
    ObjectReader reader = slngJob;
    if (reader == null) {
      slngJob = reader = mapper.readerFor(BatchJob.class);
    }
    return get(baseUrl + "/v1/batch/jobs/" + jobId, "Authorization", "Bearer " + Fixtures.API_KEY, reader);
  }

  public JobInfo verbitInfo(long jobId) throws IOException {
    ObjectReader reader = verbitJobInfo;
    if (reader == null) {
      verbitJobInfo = reader = mapper.readerFor(JobInfo.class);
    }
    return get(baseUrl + "/job/info?v=" + Fixtures.VERBIT_API_VERSION + "&job_id=" + jobId, "Authorization",
        "ApiToken " + Fixtures.API_KEY, reader);
  }

  /** Streams Gladia's audio download through {@code buffer} and returns the byte count. */
  public long gladiaDownload(String id, byte[] buffer) throws IOException {
    HttpGet get = new HttpGet(baseUrl + "/v2/pre-recorded/" + id + "/file");
    get.setHeader("x-gladia-key", Fixtures.API_KEY);
    return http.execute(get, response -> {
      HttpEntity entity = response.getEntity();
      if (response.getCode() != 200 || entity == null) {
        throw new IOException("HTTP " + response.getCode());
      }
      long total = 0;
      try (InputStream in = entity.getContent()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          total += n;
        }
      }
      return total;
    });
  }

  private <T> T get(String url, String authHeader, String authValue, ObjectReader reader) throws IOException {
    HttpGet get = new HttpGet(url);
    get.setHeader(authHeader, authValue);
    get.setHeader("Accept", "application/json");
    return http.execute(get, response -> {
      HttpEntity entity = response.getEntity();
      if (response.getCode() != 200 || entity == null) {
        throw new IOException("HTTP " + response.getCode());
      }
      try (InputStream in = entity.getContent()) {
        return reader.readValue(in);
      }
    });
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
