package fr.guichet.contract;

/**
 * A second proof added to an identification (step-up before a closure): {@code LETTER_CODE} with
 * {@code code}, {@code CONTACT_CODE} with {@code challengeId} and {@code code}, or {@code VITALE}
 * with {@code vitaleSerial}.
 */
public record ProofRequest(String method, String code, String challengeId, String vitaleSerial) {
  @Override
  public String toString() {
    return "ProofRequest[" + method + "]";
  }
}
