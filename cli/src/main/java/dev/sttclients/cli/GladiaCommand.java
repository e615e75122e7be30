package dev.sttclients.cli;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.AudioUploadResponse;
import dev.sttclients.gladia.model.InitTranscriptionRequest;
import dev.sttclients.gladia.model.InitTranscriptionResponse;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs gladia ...}: Gladia's pre-recorded jobs. */
@Command(name = "gladia", description = "Gladia pre-recorded jobs (key: GLADIA_API_KEY).")
final class GladiaCommand extends VendorCommand<GladiaClient> {

  @Override
  Vendor<GladiaClient> vendor() {
    return Vendor.GLADIA;
  }

  @Override
  JobDescriptor<?> descriptor(GladiaClient client) {
    return client.preRecorded().jobDescriptor();
  }

  @Override
  Optional<String> transcriptOf(GladiaClient client, Object job) {
    PreRecordedJob j = (PreRecordedJob) job;
    return Optional.ofNullable(j.getResult()).map(r -> r.getTranscription()).map(t -> t.getFullTranscript());
  }

  @Command(name = "transcribe", description = "From audio to transcript: uploads a local FILE (streamed) or takes a "
      + "URL, creates a job, waits until it is done and prints it with its transcript. Exit 1 when it fails, 4 at "
      + "--timeout. Each POST is sent once, never retried.")
  public int transcribe(
      @Parameters(paramLabel = "FILE|URL", description = "A local audio or video file, or an http(s) URL.") String audio,
      @Option(names = "--body", paramLabel = "FILE", description = "The job's options as JSON, Gladia's request "
          + "(language_config, diarization, custom_metadata, ...); its audio_url is replaced.") Path body,
      @Mixin WaitFlags flags) {
    Object source = audio(audio);
    InitTranscriptionRequest options = body == null ? null : LocalFiles.readJson(body, InitTranscriptionRequest.class);
    PreRecordedJob job = waiting(flags, uploading("gladia", source), null, wait -> source instanceof URI url
        ? client().transcribe(url, options, wait) : client().transcribe((Path) source, options, wait));
    return printTranscribed(job);
  }

  @Command(name = "upload", description = "Upload a local audio or video file (streamed) and print the audio_url "
      + "Gladia gives it, for create. Sent once, never retried.")
  public int upload(@Parameters(paramLabel = "FILE", description = "The audio or video file.") Path file) {
    LocalFiles.checkReadable(file, "audio file");
    AudioUploadResponse uploaded = client().preRecorded().upload(BinaryBody.of(file), requestOptions());
    print(uploaded, () -> new Table("VENDOR", "AUDIO_URL").row("gladia", uploaded.getAudioUrl()));
    return JobsCli.OK;
  }

  @Command(name = "create", description = "Start a job on audio that is online (POST /v2/pre-recorded) and print "
      + "its id; then wait, get or transcript it. Sent once, never retried.")
  public int create(
      @Parameters(paramLabel = "URL", description = "The audio's URL (any public URL, or one from upload).") URI url,
      @Option(names = "--body", paramLabel = "FILE", description = "The job's options as JSON, Gladia's request; "
          + "its audio_url is replaced.") Path body) {
    InitTranscriptionRequest request = body == null ? new InitTranscriptionRequest()
        : LocalFiles.readJson(body, InitTranscriptionRequest.class);
    InitTranscriptionResponse created = client().preRecorded().create(request.audioUrl(url), requestOptions());
    print(created, () -> new Table("VENDOR", "ID").row("gladia", created.getId()));
    return JobsCli.OK;
  }

  @Command(name = "list", description = "List jobs, newest first as Gladia orders them: one page (--limit, "
      + "--offset), or every page (--all). JSON: Gladia's page (items, next), or with --all one array of jobs.")
  public int list(
      @Option(names = "--status", split = ",", paramLabel = "STATUS",
          description = "Only jobs in these statuses: queued, processing, done, error (repeat, or separate by commas).")
      List<String> status,
      @Option(names = "--limit", paramLabel = "N", description = "Jobs per page (at least 1).") Integer limit,
      @Option(names = "--offset", paramLabel = "N", description = "Jobs to skip (at least 0).") Integer offset,
      @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only jobs created on this day.")
      LocalDate date,
      @Option(names = "--before", paramLabel = "TIME", description = "Only jobs created before, e.g. "
          + "2025-01-31T00:00:00Z.") OffsetDateTime before,
      @Option(names = "--after", paramLabel = "TIME", description = "Only jobs created after.") OffsetDateTime after,
      @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Only jobs whose custom metadata has "
          + "these values (repeatable).") Map<String, String> metadata,
      @Option(names = "--all", description = "Follow Gladia's next page until the last one.") boolean all) {
    ListParams params = ListParams.builder().offset(offset).limit(limit).date(date).beforeDate(before)
        .afterDate(after).status(enumValues(JobStatus.class, status, "--status"))
        .customMetadata(metadata == null ? null : new LinkedHashMap<>(metadata)).build();
    JobDescriptor<?> descriptor = descriptor(client());
    if (!all) {
      JobPage page = client().preRecorded().list(params, requestOptions());
      List<PreRecordedJob> items = page.getItems() == null ? List.of() : page.getItems();
      print(page, () -> JobRow.table(items.stream().map(j -> JobRow.of(descriptor, j, null, null)).toList()));
      return JobsCli.OK;
    }
    List<PreRecordedJob> jobs = new ArrayList<>();
    Progress progress = context().progress();
    for (PreRecordedJob job : client().preRecorded().listAutoPaging(params, requestOptions())) {
      jobs.add(job);
      progress.update("gladia list: " + jobs.size() + " jobs");
    }
    progress.clear();
    print(jobs, () -> JobRow.table(jobs.stream().map(j -> JobRow.of(descriptor, j, null, null)).toList()));
    return JobsCli.OK;
  }

  @Command(name = "download", description = "Download the job's original audio, streamed to FILE (or to stdout "
      + "with -o -). A progress line is drawn on stderr when it is a terminal.")
  public int download(@Parameters(paramLabel = "ID", description = "The job's id.") String id,
      @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
          description = "Where to write the audio; - for standard output.") String out) {
    Path target = "-".equals(out) ? null : Path.of(out);
    if (target != null) {
      LocalFiles.checkWritable(target);
    }
    try (BinaryResponse audio = client().preRecorded().getFile(id, requestOptions())) {
      Transfer.Result written = Transfer.save(audio, target, context(), "gladia", "download");
      if (target == null) {
        return JobsCli.OK; // standard output holds the audio: nothing else goes there
      }
      if (output == Format.json) {
        printJson(written);
      } else {
        note("wrote " + written.bytes() + " bytes to " + target
            + audio.contentType().map(t -> " (" + t + ")").orElse("")
            + audio.fileName().map(n -> ", Gladia's name " + n).orElse(""));
      }
    }
    return JobsCli.OK;
  }

  @Command(name = "delete", description = "Delete the job and its data. Gladia refuses (403) while it is processing.")
  public int delete(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    client().preRecorded().delete(id, requestOptions());
    note("deleted gladia job " + id);
    return JobsCli.OK;
  }
}
