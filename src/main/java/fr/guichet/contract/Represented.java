package fr.guichet.contract;

/**
 * Someone the identified person may act for, and how: {@code LEGAL_REPRESENTATION} (a child
 * attached to them), {@code SECOND_PARENT} (a child whose profile the other parent shared), {@code
 * GUARDIANSHIP} (an adult under tutelle), {@code CURATORSHIP} (an adult under curatelle, who acts
 * with the curator beside them), {@code CAREGIVING} (a person they help). A parent's link ends on
 * the child's 18th birthday.
 */
public record Represented(
    String personId, String firstName, String lastName, int birthYear, String kind) {

  /** {@link #kind()} typed; {@link ActingKind#UNKNOWN} for a kind this build does not know. */
  public ActingKind actingKind() {
    return ActingKind.of(kind);
  }
}
