package fr.guichet.contract;

import java.util.Map;

/**
 * An RFC 9457 problem: a stable {@code type}, the HTTP status, and the i18n key (with its
 * parameters) of the sentence the kiosk shows. {@code title} and {@code detail} are for developers'
 * logs, never for a screen.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String messageKey,
    Map<String, Object> params) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:guichet:problem:";

  public Problem {
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** The last part of the type, e.g. {@code login-failed}. */
  public String slug() {
    return type != null && type.startsWith(TYPE_PREFIX)
        ? type.substring(TYPE_PREFIX.length())
        : "unknown";
  }
}
