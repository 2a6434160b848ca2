package fr.guichet.api;

import java.time.Instant;
import java.util.List;

/**
 * The short-lived, scoped right to act for one person during one sitting, born of a consent.
 * The token is opaque; the server keeps only its hash.
 */
public record Delegation(
    String delegationId, String consentId, String token, String personId, List<String> scopes, Instant expiresAt) {
  @Override
  public String toString() {
    return "Delegation[" + delegationId + " " + scopes + " until " + expiresAt + "]";
  }
}
