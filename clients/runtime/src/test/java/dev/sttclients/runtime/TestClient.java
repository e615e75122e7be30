package dev.sttclients.runtime;

/** A vendor client with no generated API, for runtime tests: the builder every vendor shares, on its own. */
final class TestClient extends SttClient {
  /** An environment variable no test environment sets. */
  static final String UNSET_ENV = "STT_RUNTIME_TEST_KEY_NEVER_SET";
  static final VendorProfile PROFILE = VendorProfile.of("acme", "https://api.acme.test/v1", AuthScheme.header("x-key"))
      .withApiKeyEnvVar(UNSET_ENV)
      .withRequestId("request_id", "x-request-id");

  private TestClient(ClientRuntime runtime) {
    super(runtime);
  }

  static Builder builder() {
    return new Builder();
  }

  ClientRuntime rt() {
    return runtime();
  }

  static final class Builder extends SttClientBuilder<Builder, TestClient> {
    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    Builder auth(AuthScheme scheme) {
      return authScheme(scheme);
    }

    @Override
    public TestClient build() {
      return new TestClient(buildRuntime());
    }
  }
}
