package fr.guichet.domain;

import java.util.Map;

/**
 * An action the rules do not allow on a space today, with the i18n key of the reason (deadline
 * passed, already closed...) so that the person hears why and what to do instead.
 */
public final class TransitionRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String reason;
  private final transient Map<String, Object> params;

  public TransitionRefused(String reason, Map<String, Object> params) {
    super(reason + " " + params);
    this.reason = reason;
    this.params = Map.copyOf(params);
  }

  /** A stable name: {@code opposition-period-over}, {@code action-not-possible}... */
  public String reason() {
    return reason;
  }

  public Map<String, Object> params() {
    return params;
  }
}
