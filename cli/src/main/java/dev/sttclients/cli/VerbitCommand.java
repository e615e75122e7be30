package dev.sttclients.cli;

import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.AddAssetRequest;
import dev.sttclients.verbit.model.AddAssetResponse;
import dev.sttclients.verbit.model.AddMediaRequest;
import dev.sttclients.verbit.model.CaptionFormat;
import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.NewJobResponse;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code jobs verbit ...}: Verbit's post-production jobs: create, add media, start, get (Verbit's info), wait. The
 * three POSTs are never retried once sent (each would create a job, add media or start paid work again).
 */
@Command(name = "verbit", description = "Verbit post-production jobs (key: VERBIT_API_KEY): transcribe, create, "
    + "add-media, start, get (Verbit's job info), wait, transcript, captions, draft.")
final class VerbitCommand extends VendorCommand<VerbitClient> {

  @Option(names = "--sandbox", scope = ScopeType.INHERIT,
      description = "Use Verbit's sandbox (" + VerbitClient.SANDBOX_URL + ") unless --base-url is given.")
  boolean sandbox;

  @Override
  Vendor<VerbitClient> vendor() {
    return Vendor.VERBIT;
  }

  @Override
  JobDescriptor<?> descriptor(VerbitClient client) {
    return client.jobs().jobDescriptor();
  }

  @Override
  String baseUrl() {
    return baseUrl != null ? baseUrl : sandbox ? VerbitClient.SANDBOX_URL : null;
  }

  @Override
  Optional<String> transcriptOf(VerbitClient client, Object job) {
    return Optional.ofNullable(client.transcript((JobInfo) job));
  }

  @Command(name = "transcribe", description = "From media to transcript: creates a job, uploads a local FILE "
      + "(streamed) or adds a URL, starts processing, waits until it is done and prints it with its transcript. Exit "
      + "1 when it fails, 4 at --timeout. The POSTs are sent once, never retried. In the sandbox, give --finish-in.")
  public int transcribe(
      @Parameters(paramLabel = "FILE|URL", description = "A local media file, or an http(s) URL.") String media,
      @Option(names = "--profile", paramLabel = "NAME", description = "The service profile (required, here or in "
          + "--body).") String profile,
      @Option(names = "--name", paramLabel = "NAME", description = "The job's name.") String name,
      @Option(names = "--body", paramLabel = "FILE", description = "The new job as JSON (Verbit's fields).") Path body,
      @Option(names = "--finish-in", paramLabel = "SECONDS", description = "Sandbox: the job finishes by itself "
          + "after this many seconds (0 to 900).") Integer finishIn,
      @Option(names = "--finish-with-error", description = "Sandbox: ...and finishes as Error.")
      Boolean finishWithError,
      @Mixin WaitFlags flags) {
    Object source = audio(media);
    NewJobRequest job = newJob(profile, name, null, null, body, "verbit transcribe");
    StartProcessingRequest start = new StartProcessingRequest().finishIn(finishIn).finishWithError(finishWithError);
    JobInfo done = waiting(flags, uploading("verbit", source), null, wait -> source instanceof URI url
        ? client().transcribe(url, job, start, wait) : client().transcribe(BinaryBody.of((Path) source), job, start,
            wait));
    return printTranscribed(done);
  }

  @Command(name = "captions", description = "Download a Completed job's transcript or captions in FORMAT (txt, "
      + "srt, vtt, docx, json, ...), streamed to FILE or stdout (-o -).")
  public int captions(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "Verbit's caption format, "
          + "e.g. txt, srt, vtt, docx.") String format,
      @Option(names = "--language", paramLabel = "CODE", description = "A translation's language.") String language,
      @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
          description = "Where to write it; - for standard output.") String out) {
    return save("captions", out, () -> client().jobs().getCaption(jobId,
        enumValues(CaptionFormat.class, List.of(format), "--format").get(0), language, requestOptions()));
  }

  @Command(name = "draft", description = "Download the latest draft of a job still in progress (once draft_ready), "
      + "in FORMAT, streamed to FILE or stdout (-o -).")
  public int draft(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "Verbit's caption format.")
      String format,
      @Option(names = "--language", paramLabel = "CODE", description = "A translation's language.") String language,
      @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
          description = "Where to write it; - for standard output.") String out) {
    return save("draft", out, () -> client().jobs().getDraft(jobId,
        enumValues(CaptionFormat.class, List.of(format), "--format").get(0), language, requestOptions()));
  }

  private int save(String operation, String out, java.util.function.Supplier<BinaryResponse> fetch) {
    Path target = "-".equals(out) ? null : Path.of(out);
    if (target != null) {
      LocalFiles.checkWritable(target);
    }
    try (BinaryResponse response = fetch.get()) {
      Transfer.Result written = Transfer.save(response, target, context(), "verbit", operation);
      if (target != null) {
        if (output == Format.json) {
          printJson(written);
        } else {
          note("wrote " + written.bytes() + " bytes to " + target);
        }
      }
    }
    return JobsCli.OK;
  }

  @Command(name = "add-asset", description = "Register a file for the job (POST /job/add_asset): a remote one "
      + "(--url) or a local one's name (--file-name; Verbit answers with an upload URL). Prints the asset id. Sent "
      + "once, never retried. add-media --file does the whole upload.")
  public int addAsset(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--url", paramLabel = "URL", description = "The asset's URL.") String url,
      @Option(names = "--file-name", paramLabel = "NAME", description = "A local file's name.") String fileName) {
    if ((url == null) == (fileName == null)) {
      throw new UsageException("verbit add-asset: one of --url URL or --file-name NAME");
    }
    AddAssetResponse asset = client().jobs().addAsset(jobId,
        new AddAssetRequest().assetUrl(url).fileName(fileName), requestOptions());
    print(asset, () -> new Table("VENDOR", "JOB_ID", "ASSET_ID", "UPLOAD_URL").row("verbit", jobId,
        asset.getAssetId(), asset.getUploadUrl()));
    return JobsCli.OK;
  }

  /** Verbit calls it job info: the same as {@code get}. */
  @Command(name = "info", description = "The same as get: Verbit's name for it (GET /job/info).")
  public int info(@Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") String id) {
    return get(id);
  }

  @Command(name = "create", description = "Create a job (POST /job/new) and print its id. Options given override "
      + "--body. Sent once, never retried: each call creates a job.")
  public int create(
      @Option(names = "--profile", paramLabel = "NAME", description = "The service profile, e.g. Standard "
          + "(required, here or in --body).") String profile,
      @Option(names = "--name", paramLabel = "NAME", description = "The job's name.") String name,
      @Option(names = "--language", paramLabel = "CODE", description = "The media's language, e.g. en-US.")
      String language,
      @Option(names = "--external-id", paramLabel = "ID", description = "Your own id for the job.") String externalId,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole request as JSON (Verbit's new-job "
          + "fields: profile, job_name, labels, job_metadata, translation_languages, ...).") Path body) {
    NewJobRequest request = newJob(profile, name, language, externalId, body, "verbit create");
    NewJobResponse created = client().jobs().create(request, requestOptions());
    print(created, () -> new Table("VENDOR", "JOB_ID").row("verbit", created.getJobId()));
    return JobsCli.OK;
  }

  /** A new job from --body and the options given (which override it); a profile is required. */
  private static NewJobRequest newJob(String profile, String name, String language, String externalId, Path body,
      String command) {
    NewJobRequest request = body == null ? new NewJobRequest() : LocalFiles.readJson(body, NewJobRequest.class);
    if (profile != null) {
      request.profile(profile);
    }
    if (name != null) {
      request.jobName(name);
    }
    if (language != null) {
      request.language(language);
    }
    if (externalId != null) {
      request.externalId(externalId);
    }
    if (request.getProfile() == null) {
      throw new UsageException(command + ": a profile is required: --profile NAME (or \"profile\" in --body)");
    }
    return request;
  }

  @Command(name = "add-media", description = "Give the job its media (POST /job/add_media): a URL Verbit fetches, "
      + "or asset ids. Once per job; sent once, never retried.")
  public int addMedia(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--url", paramLabel = "URL", description = "A direct link to the media.") String url,
      @Option(names = "--file", paramLabel = "FILE", description = "A local media file: uploaded (streamed) as an "
          + "asset of the job, then added.") Path file,
      @Option(names = "--asset-id", paramLabel = "ID", description = "An uploaded asset (repeatable).")
      List<String> assetIds,
      @Option(names = "--merge-assets", description = "Merge the assets into one media.") Boolean mergeAssets,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole request as JSON.") Path body) {
    AddMediaRequest request = body == null ? new AddMediaRequest() : LocalFiles.readJson(body, AddMediaRequest.class);
    if (file != null) {
      LocalFiles.checkReadable(file, "media file");
      Progress progress = context().progress();
      progress.show("verbit add-media: uploading " + file.getFileName());
      try {
        request.assetIds(List.of(client().jobs().upload(jobId, BinaryBody.of(file), requestOptions())));
      } finally {
        progress.clear();
      }
    }
    if (url != null) {
      request.mediaUrl(url);
    }
    if (assetIds != null) {
      request.assetIds(assetIds);
    }
    if (mergeAssets != null) {
      request.mergeAssets(mergeAssets);
    }
    if (request.getMediaUrl() == null && (request.getAssetIds() == null || request.getAssetIds().isEmpty())) {
      throw new UsageException("verbit add-media: no media: --url URL, --file FILE or --asset-id ID (or in --body)");
    }
    Map<String, Object> answer = client().jobs().addMedia(jobId, request, requestOptions());
    print(answer, () -> new Table("VENDOR", "JOB_ID", "MEDIA").row("verbit", jobId,
        request.getMediaUrl() != null ? request.getMediaUrl() : String.join(",", request.getAssetIds())));
    return JobsCli.OK;
  }

  @Command(name = "start", description = "Start processing (POST /job/perform_transcription): the job must be "
      + "Pending and have media. Sent once, never retried: it starts paid work.")
  public int start(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--finish-in", paramLabel = "SECONDS", description = "Sandbox: the job finishes by itself "
          + "after this many seconds (0 to 900).") Integer finishIn,
      @Option(names = "--finish-with-error", description = "Sandbox: ...and finishes as Error.")
      Boolean finishWithError,
      @Option(names = "--callback-url", paramLabel = "URL", description = "Verbit calls it when the job is done.")
      String callbackUrl,
      @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A processing option (repeatable).")
      Map<String, String> options,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole request as JSON.") Path body) {
    StartProcessingRequest request = body == null ? new StartProcessingRequest()
        : LocalFiles.readJson(body, StartProcessingRequest.class);
    if (finishIn != null) {
      request.finishIn(finishIn);
    }
    if (finishWithError != null) {
      request.finishWithError(finishWithError);
    }
    if (callbackUrl != null) {
      request.callbackUrl(callbackUrl);
    }
    if (options != null) {
      request.options(new LinkedHashMap<>(options));
    }
    Map<String, Object> answer = client().jobs().startProcessing(jobId, request, requestOptions());
    print(answer, () -> new Table("VENDOR", "JOB_ID", "STARTED").row("verbit", jobId, "yes"));
    return JobsCli.OK;
  }
}
