package fr.guichet.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A proof of identity shown at the counter, as the wire names it ({@link Identification#proofs()},
 * {@link ProofRequest#method()}); {@link #UNKNOWN} for one this build does not know.
 *
 * <pre>{@code
 * new ProofRequest(ProofMethod.VITALE.name(), null, null, serial);
 * }</pre>
 */
public enum ProofMethod {
  VITALE,
  LETTER_CODE,
  CONTACT_CODE,
  UNKNOWN;

  @JsonCreator
  public static ProofMethod of(String wire) {
    return WireNames.parse(ProofMethod.class, wire, UNKNOWN);
  }
}
