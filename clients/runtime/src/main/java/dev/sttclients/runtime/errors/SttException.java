package dev.sttclients.runtime.errors;

/**
 * Root of every exception the clients throw. Unchecked, as in the AWS SDK v2 and openai-java.
 *
 * <pre>
 * SttException
 * ├── ServiceException            the vendor answered with an HTTP error (status, headers, body, request id)
 * │   ├── BadRequestException          400, 422
 * │   ├── AuthenticationException      401
 * │   ├── PermissionDeniedException    403 (not an AuthenticationException)
 * │   ├── NotFoundException            404
 * │   ├── ConflictException            409
 * │   ├── RateLimitException           429 (with Retry-After)
 * │   ├── ServerException              5xx (with Retry-After)
 * │   └── UnexpectedStatusException    any other non-2xx, and a redirect not followed
 * ├── RequestValidationException  the request breaks the spec; nothing was sent
 * ├── ConnectionException         I/O failure (refused, reset, TLS...)
 * │   └── RequestTimeoutException     connect, response or pool-lease timeout
 * │       └── CallTimeoutException        the call's overall deadline passed
 * ├── CallInterruptedException    the calling thread was interrupted (flag kept)
 * ├── ClientClosedException       the client was closed before or during the call
 * ├── MalformedResponseException  a 2xx whose body is not what the spec promises (truncated, HTML, empty)
 * │   └── ResponseTooLargeException   a 2xx body over maxResponseSize
 * ├── PaginationException         a listing that cannot be followed any further
 * ├── ContractViolationException  strict mode: a response that parses but breaks a documented constraint
 * └── WaiterException             waiting for a job ended without a result (last state, polls)
 *     ├── JobFailedException           the job FAILED, was CANCELED or DELETED (carries the typed job)
 *     ├── WaiterTimeoutException       not finished by the deadline
 *     └── WaitInterruptedException     the waiting thread was interrupted (flag kept)
 * </pre>
 *
 * Messages are one line and never contain credentials, even when a server echoes them.
 */
public class SttException extends RuntimeException {
  private final String vendor;
  private final int attempts;

  protected SttException(String vendor, String message, int attempts, Throwable cause) {
    super(message, cause);
    this.vendor = vendor;
    this.attempts = attempts;
  }

  /** The vendor whose client threw this, e.g. {@code gladia}. */
  public String vendor() {
    return vendor;
  }

  /** How many HTTP attempts were made before giving up (0 when nothing was sent). */
  public int attempts() {
    return attempts;
  }
}
