package dev.sttclients.cli;

import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.slng.SlngClient;
import picocli.CommandLine.Command;

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
}
