package fr.guichet.contract;

import java.time.Instant;
import java.util.List;

/**
 * A person identified by a mediator: enough to greet them, ask for consent and offer to act for the
 * people they represent, nothing more.
 *
 * @param proofs what was shown: {@code VITALE}, {@code LETTER_CODE}, {@code CONTACT_CODE}
 * @param strength {@code STANDARD} with one proof, {@code STRONG} with two; closure needs {@code
 *     STRONG}
 * @param represents the people this person may act for
 */
public record Identification(
    String identificationId,
    String personId,
    String firstName,
    String lastName,
    int birthYear,
    List<String> proofs,
    String strength,
    Instant expiresAt,
    List<Represented> represents) {

  /** {@link #strength()} typed; an unknown level counts as not strong. */
  public ProofStrength proofStrength() {
    return ProofStrength.of(strength);
  }

  /** {@link #proofs()} typed. */
  public List<ProofMethod> proofMethods() {
    return proofs.stream().map(ProofMethod::of).toList();
  }
}
