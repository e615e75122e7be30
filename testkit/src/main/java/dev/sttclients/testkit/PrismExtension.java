package dev.sttclients.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One Prism server per spec for the whole test run: started on first use, kept in JUnit's root store,
 * stopped when the run ends (also on failure). Use from any test: {@code PrismExtension.server(context, spec)}.
 */
public final class PrismExtension {
  private static final Namespace NS = Namespace.create(PrismExtension.class);

  private PrismExtension() {}

  public static PrismServer server(ExtensionContext context, Path spec) {
    Handle handle = context.getRoot().getStore(NS).getOrComputeIfAbsent(spec.toAbsolutePath().toString(),
        k -> new Handle(PrismServer.start(spec)), Handle.class);
    return handle.server;
  }

  /** Closed by JUnit when the root context closes. */
  private record Handle(PrismServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
