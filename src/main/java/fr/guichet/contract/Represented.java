package fr.guichet.contract;

/**
 * Someone the identified person may act for, and how: {@code LEGAL_REPRESENTATION} (a child),
 * {@code GUARDIANSHIP} (a protected adult), {@code CAREGIVING} (a person they help).
 */
public record Represented(
    String personId, String firstName, String lastName, int birthYear, String kind) {

  /** {@link #kind()} typed; {@link ActingKind#UNKNOWN} for a kind this build does not know. */
  public ActingKind actingKind() {
    return ActingKind.of(kind);
  }
}
