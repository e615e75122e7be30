package com.example.stt;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.NotFoundException;
import java.nio.file.Path;

/**
 * README.md's Gladia snippet, line for line (release-checks' ConsumerExampleTest keeps them equal); the only
 * additions are {@code baseUrl(...)}, so that examples/run.sh can point it at a Prism mock of the spec, and
 * printing the waited-for job's status.
 */
public final class GladiaReadme {
  private GladiaReadme() {
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0] : "https://api.gladia.io";
    try (GladiaClient gladia = GladiaClient.builder().baseUrl(baseUrl).build()) {   // key from GLADIA_API_KEY, or .apiKey("...")
      PreRecordedJob job = gladia.preRecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab");
      if (job.getStatus() == JobStatus.DONE) {
        System.out.println(job.getResult().getTranscription().getFullTranscript());  // typed down to the words
      }

      ListParams done = ListParams.builder().status(JobStatus.DONE).limit(50)            // PreRecordedApi.ListParams, generated
          .putCustomMetadata("internalUserId", "2348739875894375").build();             // sent as one JSON value
      for (PreRecordedJob j : gladia.preRecorded().listAutoPaging(done)) {   // follows `next`, one page at a time
        System.out.println(j.getId() + " " + j.getCompletedAt());
      }
      try (BinaryResponse audio = gladia.preRecorded().getFile(job.getId().toString())) {   // streamed, never buffered
        System.out.println(audio.fileName().orElse("?") + " " + audio.contentType().orElse("?"));
        audio.body().transferTo(java.io.OutputStream.nullOutputStream());
      }
      gladia.preRecorded().getFile(job.getId().toString()).writeTo(Path.of("meeting.wav")); // or straight to a file
      gladia.preRecorded().delete(job.getId().toString()); // 403 PermissionDeniedException while processing

      PreRecordedJob finished = gladia.preRecorded().waitUntilDone("45463597-20b7-4af7-b3b3-f5fb778203ab"); // "done"
      System.out.println("waited: " + finished.getStatus());
    } catch (JobFailedException e) {                        // "error": the failed job is on the exception
      System.out.println(e.rawStatus() + " " + e.failureMessage().orElse("") + " " + e.job(PreRecordedJob.class).getErrorCode());
    } catch (NotFoundException e) {
      System.out.println("no such job, request id " + e.requestId().orElse("?"));
    } catch (AuthenticationException e) {                   // 401 only: a 403 is a PermissionDeniedException
      System.out.println("check GLADIA_API_KEY: " + e.getMessage());
    }
  }
}
