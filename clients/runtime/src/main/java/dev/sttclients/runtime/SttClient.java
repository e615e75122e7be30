package dev.sttclients.runtime;

/**
 * Base of every vendor client: owns the runtime (connection pool) and closes it.
 * Thread-safe: build one per application and share it.
 */
public abstract class SttClient implements AutoCloseable {
  private final ClientRuntime runtime;

  protected SttClient(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /** The runtime the generated API classes call; for the vendor client's own accessors. */
  protected final ClientRuntime runtime() {
    return runtime;
  }

  /** The effective configuration (the credential shows as ****). */
  public ClientConfig config() {
    return runtime.config();
  }

  /** Closes the connection pool. Calls made after this fail with an IllegalStateException. */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{baseUrl=" + runtime.config().baseUrl() + ", credential=****}";
  }
}
