package fr.guichet.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How strongly a person is identified, as the wire names it ({@link Identification#strength()}):
 * one proof is {@link #STANDARD}, two are {@link #STRONG} (closing a space needs it); {@link
 * #UNKNOWN} for a level this build does not know, which counts as not strong.
 */
public enum ProofStrength {
  STANDARD,
  STRONG,
  UNKNOWN;

  @JsonCreator
  public static ProofStrength of(String wire) {
    return WireNames.parse(ProofStrength.class, wire, UNKNOWN);
  }
}
