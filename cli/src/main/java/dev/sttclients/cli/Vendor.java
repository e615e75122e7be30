package dev.sttclients.cli;

import dev.sttclients.daily.DailyClient;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.jobs.Jobs;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.slng.SlngClient;
import dev.sttclients.verbit.VerbitClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One vendor as the tool sees it: its name on the command line, the environment variable holding its key, and how
 * to build its client. A new vendor is one constant here and one {@link VendorCommand} subclass.
 *
 * @param <C> the vendor's client
 */
final class Vendor<C extends SttClient> {
  static final Vendor<GladiaClient> GLADIA = new Vendor<>("gladia", "GLADIA_API_KEY", GladiaClient::builder);
  static final Vendor<DailyClient> DAILY = new Vendor<>("daily", "DAILY_API_KEY", DailyClient::builder);
  static final Vendor<SlngClient> SLNG = new Vendor<>("slng", "SLNG_API_KEY", SlngClient::builder);
  static final Vendor<VerbitClient> VERBIT = new Vendor<>("verbit", "VERBIT_API_KEY", VerbitClient::builder);

  static final List<Vendor<?>> ALL = List.of(GLADIA, DAILY, SLNG, VERBIT);

  private final String name;
  private final String keyVariable;
  private final Supplier<? extends SttClientBuilder<?, C>> builder;

  private Vendor(String name, String keyVariable, Supplier<? extends SttClientBuilder<?, C>> builder) {
    this.name = name;
    this.keyVariable = keyVariable;
    this.builder = builder;
  }

  static Optional<Vendor<?>> named(String name) {
    return ALL.stream().filter(v -> v.name.equals(name)).findFirst();
  }

  /** "gladia, daily, slng, verbit". */
  static String names() {
    return ALL.stream().map(Vendor::name).collect(Collectors.joining(", "));
  }

  String name() {
    return name;
  }

  String keyVariable() {
    return keyVariable;
  }

  /**
   * The vendor's client for this run (closed with the context): the key from {@code keyFile} when given, else from
   * the vendor's environment variable; {@code baseUrl} when given, else the vendor's own.
   *
   * @throws UsageException no key, an unreadable key file, a malformed base URL
   */
  C connect(CliContext context, String baseUrl, Path keyFile) {
    String key = keyFile != null ? LocalFiles.readKey(keyFile) : context.env(keyVariable);
    if (key == null) {
      throw new UsageException(name + ": no API key: set " + keyVariable + " or pass --api-key-file FILE");
    }
    SttClientBuilder<?, C> b = builder.get();
    b.apiKey(key).userAgentSuffix("stt-cli/" + JobsCli.version());
    if (baseUrl != null) {
      try {
        b.baseUrl(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--base-url must be an absolute http(s) URL without query, fragment or user info");
      }
    }
    if (context.sleeper() != null) {
      b.sleeper(context.sleeper());
    }
    return context.track(b.build());
  }

  /** The vendor-neutral view of this vendor's jobs. */
  Jobs<?> jobs(SttClient client) {
    return Jobs.of(client);
  }

  @Override
  public String toString() {
    return name;
  }
}
