package fr.guichet.domain;

/**
 * The states a person's Mon Espace Santé can be in (DOMAIN.md, "Account lifecycle").
 *
 * <p>The server stores and computes the state; the kiosk only shows it.
 */
public enum AccountState {
  /** Information sent; the opposition period runs until a deadline. */
  ANNOUNCED,
  /** The person objected before creation. */
  OPPOSED,
  /** Created automatically, never logged into. */
  ACTIVE_NOT_ACTIVATED,
  /** Created and used. */
  ACTIVE,
  /** Closed; data archived for 10 years. */
  CLOSED,
  /** Closed with a deletion request, carried out within 3 months. */
  CLOSED_DELETION_REQUESTED,
  /** Suspended by the operator (fraud, malfunction): only the 3422 line can help. */
  SUSPENDED
}
