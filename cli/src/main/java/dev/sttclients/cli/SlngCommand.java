package dev.sttclients.cli;

import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.slng.SlngClient;
import dev.sttclients.slng.api.BatchJobsApi.ListParams;
import dev.sttclients.slng.api.BatchJobsApi.UploadParams;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobFiles;
import dev.sttclients.slng.model.BatchJobPage;
import dev.sttclients.slng.model.BatchJobStatus;
import dev.sttclients.slng.model.JobAcknowledgement;
import dev.sttclients.slng.model.JobOutputFile;
import dev.sttclients.slng.model.JobSubmission;
import dev.sttclients.slng.model.NewBatchJob;
import dev.sttclients.slng.model.TranscriptionConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs slng ...}: SLNG's batch transcription jobs. */
@Command(name = "slng", description = "SLNG batch transcription jobs (key: SLNG_API_KEY).")
final class SlngCommand extends VendorCommand<SlngClient> {

  @Override
  Vendor<SlngClient> vendor() {
    return Vendor.SLNG;
  }

  @Override
  JobDescriptor<?> descriptor(SlngClient client) {
    return client.batchJobs().jobDescriptor();
  }

  @Override
  Optional<String> transcriptOf(SlngClient client, Object job) {
    return client.batchJobs().transcriptText(((BatchJob) job).getJobId());
  }

  @Command(name = "transcribe", description = "From audio to transcript: a local FILE goes through SLNG's presigned "
      + "upload (streamed), a URL is fetched by SLNG; creates the job, waits until it is done and prints it with its "
      + "transcript. Exit 1 when it fails, 4 at --timeout. The create is sent once, never retried.")
  public int transcribe(
      @Parameters(paramLabel = "FILE|URL", description = "A local audio file, or an https URL.") String audio,
      @Option(names = "--body", paramLabel = "FILE", description = "The job's options as JSON, SLNG's new-job "
          + "request (transcription_config, job_id, model_code, tracking, output_config, metadata).") Path body,
      @Mixin WaitFlags flags) {
    Object source = audio(audio);
    NewBatchJob options = body == null ? null : LocalFiles.readJson(body, NewBatchJob.class);
    BatchJob job = waiting(flags, uploading("slng", source), null, wait -> source instanceof URI url
        ? client().transcribe(url, options, wait) : client().transcribe((Path) source, options, wait));
    return printTranscribed(job);
  }

  @Command(name = "create", description = "Create a job on audio SLNG fetches (POST /v1/batch/jobs, input_url) and "
      + "print its id; or, with --body alone, any documented create (e.g. a presign request). Sent once, never "
      + "retried.")
  public int create(
      @Parameters(paramLabel = "URL", arity = "0..1", description = "The audio's https URL.") URI url,
      @Option(names = "--body", paramLabel = "FILE", description = "The request as JSON, SLNG's new-job fields; "
          + "the URL given replaces its input_url.") Path body) {
    NewBatchJob request = body == null ? new NewBatchJob() : LocalFiles.readJson(body, NewBatchJob.class);
    if (url != null) {
      request.inputUrl(url);
    } else if (body == null) {
      throw new UsageException("slng create: the audio's URL, or the request with --body FILE");
    }
    if (request.getTranscriptionConfig() == null) {
      request.transcriptionConfig(new TranscriptionConfig()); // SLNG's defaults, as transcribe sends them
    }
    JobSubmission created = client().batchJobs().create(request, requestOptions());
    print(created, () -> new Table("VENDOR", "ID", "STATUS").row("slng", created.getJobId(), created.getStatus()));
    return JobsCli.OK;
  }

  @Command(name = "upload", description = "Create a job by sending the audio file itself (multipart, streamed) and "
      + "print its id. Sent once, never retried.")
  public int upload(
      @Parameters(paramLabel = "FILE", description = "The audio file (at most 1 GiB).") Path file,
      @Option(names = "--body", paramLabel = "FILE", description = "The job's options as JSON, SLNG's new-job "
          + "fields (transcription_config, job_id, model_code, tracking, output_config, metadata).") Path body) {
    LocalFiles.checkReadable(file, "audio file");
    NewBatchJob options = body == null ? new NewBatchJob() : LocalFiles.readJson(body, NewBatchJob.class);
    UploadParams params = UploadParams.builder().file(BinaryBody.of(file))
        .transcriptionConfig(options.getTranscriptionConfig() != null ? options.getTranscriptionConfig()
            : new TranscriptionConfig())
        .jobId(options.getJobId()).modelCode(options.getModelCode()).tracking(options.getTracking())
        .outputConfig(options.getOutputConfig())
        .metadata(options.getMetadata() == null ? null : VendorCommand.compactJson(options.getMetadata()))
        .build();
    JobSubmission created = client().batchJobs().upload(params, requestOptions());
    print(created, () -> new Table("VENDOR", "ID", "STATUS").row("slng", created.getJobId(), created.getStatus()));
    return JobsCli.OK;
  }

  @Command(name = "list", description = "List jobs, one page (--page, --page-size) or every page (--all). JSON: "
      + "SLNG's page (items, meta), or with --all one array of jobs.")
  public int list(
      @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "Only jobs in these statuses: "
          + "QUEUED, IN_PROGRESS, DECODING, POST_PROCESSING, DONE, FAILED, DELETED.") List<String> status,
      @Option(names = "--page", paramLabel = "N", description = "The page (from 1).") Integer page,
      @Option(names = "--page-size", paramLabel = "N", description = "Jobs per page.") Integer pageSize,
      @Option(names = "--model", paramLabel = "CODE", description = "Only jobs of this model.") String model,
      @Option(names = "--after", paramLabel = "TIME", description = "Only jobs submitted after.") OffsetDateTime after,
      @Option(names = "--before", paramLabel = "TIME", description = "Only jobs submitted before.")
      OffsetDateTime before,
      @Option(names = "--sort-by", paramLabel = "FIELD", description = "Sort by this field.") String sortBy,
      @Option(names = "--sort-order", paramLabel = "ORDER", description = "asc or desc.") String sortOrder,
      @Option(names = "--all", description = "Follow every page.") boolean all) {
    ListParams params = ListParams.builder().page(page).pageSize(pageSize)
        .status(enumValues(BatchJobStatus.class, status, "--status")).modelCode(model).submittedAfter(after)
        .submittedBefore(before).sortBy(sortBy).sortOrder(sortOrder).build();
    JobDescriptor<?> descriptor = descriptor(client());
    if (!all) {
      BatchJobPage one = client().batchJobs().list(params, requestOptions());
      List<BatchJob> items = one.getItems() == null ? List.of() : one.getItems();
      print(one, () -> JobRow.table(items.stream().map(j -> JobRow.of(descriptor, j, null, null)).toList()));
      return JobsCli.OK;
    }
    List<BatchJob> jobs = new ArrayList<>();
    Progress progress = context().progress();
    for (BatchJob job : client().batchJobs().listAutoPaging(params, requestOptions())) {
      jobs.add(job);
      progress.update("slng list: " + jobs.size() + " jobs");
    }
    progress.clear();
    print(jobs, () -> JobRow.table(jobs.stream().map(j -> JobRow.of(descriptor, j, null, null)).toList()));
    return JobsCli.OK;
  }

  @Command(name = "files", description = "The job's input and output files, with their signed download URLs.")
  public int files(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    BatchJobFiles files = client().batchJobs().files(id, requestOptions());
    print(files, () -> {
      Table t = new Table("KIND", "FORMAT", "KEY", "URL");
      if (files.getInputs() != null) {
        files.getInputs().forEach(f -> t.row("input", null, f.getKey(), f.getDownloadUrl()));
      }
      if (files.getOutputs() != null) {
        files.getOutputs().forEach(f -> t.row("output", f.getFormat(), f.getKey(), f.getDownloadUrl()));
      }
      return t;
    });
    return JobsCli.OK;
  }

  @Command(name = "download", description = "Download one of the job's outputs (txt, json, srt), streamed to FILE "
      + "or stdout (-o -). Exit 3 when SLNG lists no output in that format.")
  public int download(@Parameters(paramLabel = "ID", description = "The job's id.") String id,
      @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "txt",
          description = "txt (default), json or srt.") String format,
      @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
          description = "Where to write it; - for standard output.") String out) {
    JobOutputFile.FormatEnum wanted = enumValues(JobOutputFile.FormatEnum.class, List.of(format), "--format").get(0);
    Path target = "-".equals(out) ? null : Path.of(out);
    if (target != null) {
      LocalFiles.checkWritable(target);
    }
    Optional<BinaryResponse> file = client().batchJobs().downloadOutput(id, wanted);
    if (file.isEmpty()) {
      throw new MissingAnswerException("slng download: SLNG lists no " + wanted.getValue() + " output for job " + id
          + " (is it DONE? jobs slng files " + id + " lists what there is)");
    }
    try (BinaryResponse response = file.get()) {
      Transfer.Result written = Transfer.save(response, target, context(), "slng", "download");
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

  @Command(name = "delete", description = "Delete the job and its files.")
  public int delete(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    JobAcknowledgement ack = client().batchJobs().delete(id, requestOptions());
    if (output == Format.json) {
      printJson(ack);
    } else {
      note("deleted slng job " + id + (ack.getStatus() == null ? "" : " (" + ack.getStatus() + ")"));
    }
    return JobsCli.OK;
  }
}
