package fr.guichet.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An action on a space as the wire names it ({@link AccountStatus#possibleActions()}); {@link
 * #UNKNOWN} for one this build does not know, which a client cannot offer.
 *
 * <pre>{@code
 * ActionName.of("RECORD_OPPOSITION"); // RECORD_OPPOSITION
 * }</pre>
 */
public enum ActionName {
  RECORD_OPPOSITION,
  WITHDRAW_OPPOSITION,
  CREATE_ON_REQUEST,
  ACTIVATE,
  CLOSE,
  REQUEST_DELETION,
  REOPEN,
  UNKNOWN;

  @JsonCreator
  public static ActionName of(String wire) {
    return WireNames.parse(ActionName.class, wire, UNKNOWN);
  }
}
