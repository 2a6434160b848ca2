package fr.guichet.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * In whose right the person at the counter acts, as the wire names it ({@link
 * Delegation#actingAs()}, {@link Represented#kind()}): their own, or as a legal representative, a
 * guardian or a caregiver; {@link #UNKNOWN} for a kind this build does not know.
 *
 * <pre>{@code
 * ActingKind.of("CAREGIVING"); // CAREGIVING
 * }</pre>
 */
public enum ActingKind {
  SELF,
  LEGAL_REPRESENTATION,
  SECOND_PARENT,
  GUARDIANSHIP,
  CURATORSHIP,
  CAREGIVING,
  UNKNOWN;

  @JsonCreator
  public static ActingKind of(String wire) {
    return WireNames.parse(ActingKind.class, wire, UNKNOWN);
  }
}
