package dev.sttclients.cli;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
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
