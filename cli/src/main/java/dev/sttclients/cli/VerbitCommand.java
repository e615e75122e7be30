package dev.sttclients.cli;

import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.AddMediaRequest;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.NewJobResponse;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code jobs verbit ...}: Verbit's post-production jobs: create, add media, start, get (Verbit's info), wait. The
 * three POSTs are never retried once sent (each would create a job, add media or start paid work again).
 */
@Command(name = "verbit", description = "Verbit post-production jobs (key: VERBIT_API_KEY): create, add-media, "
    + "start, get (Verbit's job info), wait.")
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
      throw new UsageException("verbit create: a profile is required: --profile NAME (or \"profile\" in --body)");
    }
    NewJobResponse created = client().jobs().create(request, requestOptions());
    print(created, () -> new Table("VENDOR", "JOB_ID").row("verbit", created.getJobId()));
    return JobsCli.OK;
  }

  @Command(name = "add-media", description = "Give the job its media (POST /job/add_media): a URL Verbit fetches, "
      + "or asset ids. Once per job; sent once, never retried.")
  public int addMedia(
      @Parameters(paramLabel = "JOB_ID", description = "Verbit's numeric job id.") long jobId,
      @Option(names = "--url", paramLabel = "URL", description = "A direct link to the media.") String url,
      @Option(names = "--asset-id", paramLabel = "ID", description = "An uploaded asset (repeatable).")
      List<String> assetIds,
      @Option(names = "--merge-assets", description = "Merge the assets into one media.") Boolean mergeAssets,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole request as JSON.") Path body) {
    AddMediaRequest request = body == null ? new AddMediaRequest() : LocalFiles.readJson(body, AddMediaRequest.class);
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
      throw new UsageException("verbit add-media: no media: --url URL or --asset-id ID (or in --body)");
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
