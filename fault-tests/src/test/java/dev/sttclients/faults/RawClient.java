package dev.sttclients.faults;

import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;

/**
 * A client with no generated API, for calls the Gladia spec does not have (a POST) or cannot make
 * (an id its UUID pattern rejects): tests build an OperationRequest by hand and run it through the
 * same ClientRuntime every vendor uses.
 */
final class RawClient extends SttClient {
  static final VendorProfile PROFILE = VendorProfile
      .of("raw", "http://127.0.0.1:9", AuthScheme.header("x-gladia-key"))
      .withErrorBody(null, null, "message")
      .withRequestId("request_id", "x-request-id");

  private RawClient(ClientRuntime runtime) {
    super(runtime);
  }

  static Builder builder() {
    return new Builder();
  }

  ClientRuntime rt() {
    return runtime();
  }

  static final class Builder extends SttClientBuilder<Builder, RawClient> {
    /** Sends the key as a query parameter instead (no vendor in the suite does; legacy schemes do). */
    Builder queryAuth(String name) {
      return authScheme(AuthScheme.query(name));
    }

    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    @Override
    public RawClient build() {
      return new RawClient(buildRuntime());
    }
  }
}
