package dev.sttclients.cli;

import dev.sttclients.daily.DailyClient;
import dev.sttclients.runtime.waiter.JobDescriptor;
import picocli.CommandLine.Command;

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
}
