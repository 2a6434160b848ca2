package fr.guichet.contract;

import java.time.Instant;
import java.util.List;

/**
 * The short-lived, scoped right to act for one person during one sitting, born of a consent. The
 * token is opaque; the server keeps only its hash.
 *
 * @param actingAs {@code SELF}, or how the identified person represents {@code personId}
 * @param receipt the signed consent receipt
 */
public record Delegation(
    String delegationId,
    String consentId,
    String token,
    String personId,
    String actingAs,
    List<String> scopes,
    Instant expiresAt,
    Receipt receipt) {

  /** {@link #actingAs()} typed; {@link ActingKind#UNKNOWN} for a kind this build does not know. */
  public ActingKind actingKind() {
    return ActingKind.of(actingAs);
  }

  @Override
  public String toString() {
    return "Delegation["
        + delegationId
        + " "
        + actingAs
        + " "
        + scopes
        + " until "
        + expiresAt
        + "]";
  }
}
