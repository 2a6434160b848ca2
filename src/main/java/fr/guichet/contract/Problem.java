package fr.guichet.contract;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: a stable {@code type}, the HTTP status, and the i18n key (with its
 * parameters) of the sentence the kiosk shows. {@code title} and {@code detail} are for developers'
 * logs, never for a screen. A refused medical profile section adds {@code errors}: one per wrong
 * answer, each with the JSON pointer of the answer in what was sent and its own sentence.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String messageKey,
    Map<String, Object> params,
    List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:guichet:problem:";

  /**
   * One wrong answer: where it is ({@code /entries/0/date}, RFC 6901) and what is wrong with it.
   */
  public record FieldError(String pointer, String messageKey, Map<String, Object> params) {
    public FieldError {
      params = params == null ? Map.of() : Map.copyOf(params);
    }
  }

  public Problem {
    params = params == null ? Map.of() : Map.copyOf(params);
    errors = errors == null ? null : List.copyOf(errors);
  }

  /** A problem about the request as a whole. */
  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String messageKey,
      Map<String, Object> params) {
    this(type, title, status, detail, messageKey, params, null);
  }

  /** The last part of the type, e.g. {@code login-failed}. */
  public String slug() {
    return type != null && type.startsWith(TYPE_PREFIX)
        ? type.substring(TYPE_PREFIX.length())
        : "unknown";
  }
}
