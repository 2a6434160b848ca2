package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.guichet.contract.Json;
import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the signed receipts of every state-changing action (and the account statements), keeps a
 * copy, and checks receipts shown back to it.
 *
 * <p>A receipt names the person by first name, initial and birth year only: a lost sheet must not
 * identify anyone by itself, yet the person recognises it as theirs.
 *
 * <pre>{@code
 * Receipt r = receipts.issue(c, "opposition", person, consentId, Map.of("state", "OPPOSED"));
 * ReceiptCheck check = receipts.check(r.signed());
 * }</pre>
 */
final class Receipts {
  private final Clock clock;
  private final Signer signer;

  Receipts(Clock clock, Signer signer) {
    this.clock = clock;
    this.signer = signer;
  }

  Receipt issue(Connection c, String kind, Person person, String consentId, Map<String, ?> facts)
      throws SQLException {
    String id = "rcp-" + UUID.randomUUID();
    Instant now = clock.instant();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put(ReceiptVerifier.KEY_ID, signer.keyId());
    payload.put("kind", kind);
    payload.put("id", id);
    payload.put("issuedAt", now.toString());
    payload.put("person", person.display());
    payload.putAll(facts);
    String signed;
    try {
      signed = signer.sign(Json.mapper().writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a receipt", e);
    }
    Database.update(
        c,
        "INSERT INTO receipt (id, person_id, consent_id, kind, issued_at, signed) VALUES (?, ?, ?, ?, ?, ?)",
        id,
        person.id(),
        consentId,
        kind,
        now.toString(),
        signed);
    return new Receipt(id, kind, person.id(), now, signed);
  }

  ReceiptCheck check(String signed) {
    return signer.check(signed);
  }

  /** The public keys receipts are checked with: the current one, then the previous ones. */
  PublicKeys publicKeys() {
    return signer.published();
  }
}
