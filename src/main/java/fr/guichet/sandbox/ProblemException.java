package fr.guichet.sandbox;

import fr.guichet.contract.Problem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the server explains: becomes an RFC 9457 problem with a stable type and the i18n key
 * {@code problem.<slug>} (or the key of the invalid value), and is journaled.
 *
 * <pre>{@code
 * throw new ProblemException(403, "scope-missing", "account:read is needed", Map.of("scope", "account:read"));
 * }</pre>
 */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String slug;
  private final String messageKey;
  private final transient Map<String, Object> params;

  ProblemException(int status, String slug, String detail) {
    this(status, slug, detail, "problem." + slug, Map.of());
  }

  ProblemException(int status, String slug, String detail, Map<String, Object> params) {
    this(status, slug, detail, "problem." + slug, params);
  }

  ProblemException(
      int status, String slug, String detail, String messageKey, Map<String, Object> params) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.messageKey = messageKey;
    this.params = Map.copyOf(params);
  }

  private String publicDetail;
  private Duration retryAfter;

  /**
   * Keeps the detail for the journal but shows the client {@code shown} instead (a login failure
   * must not tell which part was wrong).
   */
  ProblemException generic(String shown) {
    this.publicDetail = shown;
    return this;
  }

  /** Tells the client when to send the same request again ({@code Retry-After}). */
  ProblemException retryAfter(Duration delay) {
    this.retryAfter = delay;
    return this;
  }

  /** When to try again, if the refusal is temporary. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  int status() {
    return status;
  }

  String slug() {
    return slug;
  }

  Problem toProblem() {
    String detail = publicDetail != null ? publicDetail : getMessage();
    return new Problem(
        Problem.TYPE_PREFIX + slug, slug.replace('-', ' '), status, detail, messageKey, params);
  }
}
