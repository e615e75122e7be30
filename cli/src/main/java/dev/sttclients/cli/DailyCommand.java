package dev.sttclients.cli;

import dev.sttclients.daily.BatchProcessorJobs;
import dev.sttclients.daily.DailyClient;
import dev.sttclients.daily.api.BatchProcessorApi.ListParams;
import dev.sttclients.daily.model.AccessLink;
import dev.sttclients.daily.model.BatchProcessorAccessLinks;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.BatchProcessorJobList;
import dev.sttclients.daily.model.BatchProcessorJobSummary;
import dev.sttclients.daily.model.SubmitJobRequest;
import dev.sttclients.daily.model.SubmittedJob;
import dev.sttclients.runtime.waiter.JobDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs daily ...}: Daily's batch processor jobs. */
@Command(name = "daily", description = "Daily batch processor jobs (key: DAILY_API_KEY).")
final class DailyCommand extends VendorCommand<DailyClient> {

  @Override
  Vendor<DailyClient> vendor() {
    return Vendor.DAILY;
  }

  @Override
  JobDescriptor<?> descriptor(DailyClient client) {
    return client.batchProcessor().jobDescriptor();
  }

  @Override
  Optional<String> transcriptOf(DailyClient client, Object job) {
    return Optional.ofNullable(client.transcript((BatchProcessorJob) job));
  }

  @Command(name = "transcribe", description = "From audio to transcript: submits a transcript job on media Daily "
      + "fetches (URL), waits until it is finished and prints it with its transcript. Exit 1 when it fails, 4 at "
      + "--timeout. The submission is sent once, never retried.")
  public int transcribe(
      @Parameters(paramLabel = "URL", description = "The media's http(s) URL.") URI url,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole submission as JSON instead (any "
          + "preset, inParams, outParams).") Path body,
      @Mixin WaitFlags flags) {
    SubmitJobRequest request = request(url, body);
    BatchProcessorJob job = waiting(flags, uploading("daily", url), null,
        wait -> client().transcribe(request, wait));
    return printTranscribed(job);
  }

  @Command(name = "submit", description = "Submit a job (POST /batch-processor) and print its id: a transcript of "
      + "the media at URL, or any submission with --body. Sent once, never retried.")
  public int submit(
      @Parameters(paramLabel = "URL", arity = "0..1", description = "The media's http(s) URL (a transcript job).")
      URI url,
      @Option(names = "--body", paramLabel = "FILE", description = "The whole submission as JSON (any preset, "
          + "inParams, outParams).") Path body) {
    SubmittedJob submitted = client().batchProcessor().submit(request(url, body), requestOptions());
    print(submitted, () -> new Table("VENDOR", "ID").row("daily", submitted.getId()));
    return JobsCli.OK;
  }

  private static SubmitJobRequest request(URI url, Path body) {
    if (body != null) {
      return LocalFiles.readJson(body, SubmitJobRequest.class);
    }
    if (url == null) {
      throw new UsageException("daily: the media's URL, or the whole submission with --body FILE");
    }
    return BatchProcessorJobs.transcriptRequest(url);
  }

  @Command(name = "list", description = "List jobs, one page (--limit, --starting-after, --ending-before) or every "
      + "page (--all). JSON: Daily's list (total_count, data), or with --all one array of job summaries.")
  public int list(
      @Option(names = "--limit", paramLabel = "N", description = "Jobs per page.") Integer limit,
      @Option(names = "--starting-after", paramLabel = "ID", description = "The page after this job.") String after,
      @Option(names = "--ending-before", paramLabel = "ID", description = "The page before this job.") String before,
      @Option(names = "--recording-id", paramLabel = "ID", description = "Only jobs on this recording.")
      String recordingId,
      @Option(names = "--all", description = "Follow every page.") boolean all) {
    ListParams params = ListParams.builder().limit(limit).startingAfter(after).endingBefore(before)
        .recordingId(recordingId).build();
    if (!all) {
      BatchProcessorJobList page = client().batchProcessor().list(params, requestOptions());
      List<BatchProcessorJobSummary> items = page.getData() == null ? List.of() : page.getData();
      print(page, () -> summaries(items));
      return JobsCli.OK;
    }
    List<BatchProcessorJobSummary> jobs = new ArrayList<>();
    Progress progress = context().progress();
    for (BatchProcessorJobSummary job : client().batchProcessor().listAutoPaging(params, requestOptions())) {
      jobs.add(job);
      progress.update("daily list: " + jobs.size() + " jobs");
    }
    progress.clear();
    print(jobs, () -> summaries(jobs));
    return JobsCli.OK;
  }

  private static Table summaries(List<BatchProcessorJobSummary> jobs) {
    Table t = new Table("VENDOR", "ID", "STATE", "STATUS", "PRESET");
    for (BatchProcessorJobSummary j : jobs) {
      t.row("daily", j.getId(), j.getStatus() == null ? null : j.getStatus().jobState(),
          j.getStatus() == null ? null : j.getStatus().getValue(), j.getPreset());
    }
    return t;
  }

  @Command(name = "links", description = "The job's output access links (signed URLs to its files), by output.")
  public int links(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    BatchProcessorAccessLinks links = client().batchProcessor().getAccessLinks(id, requestOptions());
    print(links, () -> {
      Table t = new Table("OUTPUT", "FORMAT", "LINK");
      addLinks(t, "transcription", links.getTranscription());
      addLink(t, "concept", links.getConcept());
      addLink(t, "soap", links.getSoap());
      addLink(t, "summary", links.getSummary());
      return t;
    });
    return JobsCli.OK;
  }

  private static void addLinks(Table t, String output, List<AccessLink> links) {
    if (links != null) {
      links.forEach(l -> addLink(t, output, l));
    }
  }

  private static void addLink(Table t, String output, AccessLink link) {
    if (link != null) {
      t.row(output, link.getFormat(), link.getLink());
    }
  }

  @Command(name = "delete", description = "Delete the job and its outputs.")
  public int delete(@Parameters(paramLabel = "ID", description = "The job's id.") String id) {
    BatchProcessorJob deleted = client().batchProcessor().delete(id, requestOptions());
    if (output == Format.json) {
      printJson(deleted);
    } else {
      note("deleted daily job " + id);
    }
    return JobsCli.OK;
  }
}
