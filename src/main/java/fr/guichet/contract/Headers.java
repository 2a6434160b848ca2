package fr.guichet.contract;

/**
 * The HTTP header names of the contract that are not standard, shared by the client and the server.
 *
 * <pre>{@code
 * request.header(Headers.DELEGATION, delegation.token());
 * request.header(Headers.IDEMPOTENCY_KEY, key.value());
 * }</pre>
 */
public final class Headers {
  /**
   * The delegation token a data route needs, beside the mediator's {@code Authorization} bearer.
   */
  public static final String DELEGATION = "Guichet-Delegation";

  /** The key of a mutating request: the same key always gets the same answer. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * The id the server gives each request, on every answer: the same id is in the server's log, so
   * that a client's report and a log line can be matched.
   */
  public static final String REQUEST_ID = "X-Request-Id";

  private Headers() {}
}
