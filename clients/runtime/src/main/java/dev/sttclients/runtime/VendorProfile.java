package dev.sttclients.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What the shared runtime needs to know about one vendor, declared once in the vendor's client class:
 * its name, default base URL and auth scheme, the generated model of its error body, and where it
 * puts its request id, error type and error message.
 *
 * @param name short vendor name used in messages and logs, e.g. {@code gladia}
 * @param defaultBaseUrl base URL used when the builder sets none
 * @param auth how the credential is sent
 * @param apiKeyEnvVar environment variable the builder reads when no key is set, or null
 * @param errorBodyType generated model of the vendor's error body, or null for an open JSON object
 * @param requestIdHeaders response headers that carry the vendor's request id, first match wins
 * @param requestIdField top-level field of the error body that carries the request id, or null
 * @param errorTypeField top-level field of the error body with a machine-readable error type, or null
 * @param messageField top-level field of the error body with a human-readable message, or null. When it is
 *     null, absent from a body, empty or not text, the message is taken from the fields vendors actually use
 *     ({@code message}, {@code error}, {@code detail}, nested ones such as {@code error.message}: the one
 *     ordered list is {@code ErrorTable.MESSAGE_FIELDS}), so {@code vendorMessage()} is empty only for a body
 *     that carries no message at all
 */
public record VendorProfile(
    String name,
    String defaultBaseUrl,
    AuthScheme auth,
    String apiKeyEnvVar,
    Class<?> errorBodyType,
    List<String> requestIdHeaders,
    String requestIdField,
    String errorTypeField,
    String messageField) {

  public VendorProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
    Objects.requireNonNull(auth, "auth");
    requestIdHeaders = requestIdHeaders == null ? List.of() : List.copyOf(requestIdHeaders);
  }

  /** A profile with only the required parts; add the rest with the {@code with...} methods. */
  public static VendorProfile of(String name, String defaultBaseUrl, AuthScheme auth) {
    return new VendorProfile(name, defaultBaseUrl, auth, null, null, List.of(), null, null, null);
  }

  public VendorProfile withApiKeyEnvVar(String envVar) {
    return new VendorProfile(name, defaultBaseUrl, auth, envVar, errorBodyType, requestIdHeaders, requestIdField,
        errorTypeField, messageField);
  }

  public VendorProfile withErrorBody(Class<?> type, String errorTypeField, String messageField) {
    return new VendorProfile(name, defaultBaseUrl, auth, apiKeyEnvVar, type, requestIdHeaders, requestIdField,
        errorTypeField, messageField);
  }

  public VendorProfile withRequestId(String bodyField, String... headers) {
    return new VendorProfile(name, defaultBaseUrl, auth, apiKeyEnvVar, errorBodyType, List.of(headers), bodyField,
        errorTypeField, messageField);
  }
}
