package fr.guichet.sandbox;

import fr.guichet.contract.Problem;
import java.util.List;
import java.util.Map;

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
  private transient List<Problem.FieldError> errors;

  /** Adds one error per wrong answer, each with its pointer (a refused profile section). */
  ProblemException withErrors(List<Problem.FieldError> fieldErrors) {
    this.errors = List.copyOf(fieldErrors);
    return this;
  }

  private long retryAfterSeconds;

  /**
   * Keeps the detail for the journal but shows the client {@code shown} instead (a login failure
   * must not tell which part was wrong).
   */
  ProblemException generic(String shown) {
    this.publicDetail = shown;
    return this;
  }

  /** Tells the client when to try again ({@code Retry-After}, in whole seconds, at least 1). */
  ProblemException retryAfter(java.time.Duration wait) {
    this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return this;
  }

  /** Seconds before trying again, or 0 when the answer says nothing about it. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
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
        Problem.TYPE_PREFIX + slug,
        slug.replace('-', ' '),
        status,
        detail,
        messageKey,
        params,
        errors);
  }
}
