package fr.guichet.domain;

import java.util.Map;

/**
 * A value typed by a person or a mediator that breaks a rule, with the i18n key of the sentence
 * that explains it. The kiosk and the server both turn it into plain words; nobody ever sees the
 * Java message.
 *
 * <pre>{@code
 * try { Nir.parse(typed); } catch (InvalidValue e) { show(messages.text(e.messageKey(), e.params())); }
 * }</pre>
 */
public final class InvalidValue extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String messageKey;
  private final transient Map<String, Object> params;

  public InvalidValue(String messageKey) {
    this(messageKey, Map.of());
  }

  public InvalidValue(String messageKey, Map<String, Object> params) {
    super(messageKey);
    this.messageKey = messageKey;
    this.params = Map.copyOf(params);
  }

  /** The i18n key of the explanation, for example {@code invalid.nir.key}. */
  public String messageKey() {
    return messageKey;
  }

  /** Named values the explanation needs, for example the expected length. */
  public Map<String, Object> params() {
    return params;
  }
}
