package dev.sttclients.demo;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.testkit.PrismServer;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Starts a Prism mock of specs/gladia.yaml on a free loopback port and uses the Gladia client against it. */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    try (PrismServer prism = PrismServer.start(PrismServer.specsDir().resolve("gladia.yaml"));
        GladiaClient gladia = GladiaClient.builder().apiKey("demo-key").baseUrl(prism.baseUrl()).build()) {
      System.out.println("Prism mock of specs/gladia.yaml at " + prism.baseUrl());
      System.out.println("client: " + gladia);

      String id = "45463597-20b7-4af7-b3b3-f5fb778203ab";
      PreRecordedJob job = gladia.preRecorded().get(id);
      System.out.println("get      -> job " + job.getId() + " status=" + job.getStatus() + " created_at="
          + job.getCreatedAt() + " error_code=" + job.getErrorCode() + " custom_metadata=" + job.getCustomMetadata());

      JobPage page = gladia.preRecorded().list(0, 20, null, null, null, List.of(JobStatus.DONE),
          Map.of("user", "John Doe"));
      System.out.println("list     -> " + page.getItems().size() + " job(s) on this page, next=" + page.getNext());

      try (BinaryResponse file = gladia.preRecorded().getFile(id); InputStream in = file.body()) {
        System.out.println("getFile  -> " + in.transferTo(java.io.OutputStream.nullOutputStream()) + " bytes streamed, "
            + "content type " + file.contentType().orElse("?"));
      }

      gladia.preRecorded().delete(id);
      System.out.println("delete   -> 202 Accepted");

      try {
        gladia.preRecorded().get(id, RequestOptions.builder().header("Prefer", "code=404").build());
      } catch (NotFoundException e) {
        System.out.println("404      -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      try {
        gladia.preRecorded().get("../../v1/admin");
      } catch (RequestValidationException e) {
        System.out.println("bad id   -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
