package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.guichet.contract.Json;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the signed receipts of every state-changing action (and the account statements), keeps a
 * copy, and checks receipts shown back to it.
 *
 * <p>A receipt names the person by first name, initial and birth year only: a lost sheet must not
 * identify anyone by itself, yet the person recognises it as theirs. It carries the language and
 * the counter's time zone of the consent it was made under (when the counter gave one), so that a
 * verification page opens in the person's language and tells the times the paper tells. It also
 * names the place their journal stood at when it was given (chain, number and hash of its last
 * entry), so that the receipt proves later that those entries existed.
 *
 * <pre>{@code
 * Receipt r = receipts.issue(c, ReceiptKind.RECORD_OPPOSITION, person, consentId, Map.of("state", "OPPOSED"));
 * ReceiptCheck check = receipts.check(r.signed());
 * }</pre>
 */
final class Receipts {
  private final Clock clock;
  private final Signer signer;
  private final Journal journal;

  Receipts(Clock clock, Signer signer, Journal journal) {
    this.clock = clock;
    this.signer = signer;
    this.journal = journal;
  }

  Receipt issue(
      Connection c, ReceiptKind receiptKind, Person person, String consentId, Map<String, ?> facts)
      throws SQLException {
    String kind = receiptKind.wire();
    String id = "rcp-" + UUID.randomUUID();
    Instant now = clock.instant();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", kind);
    payload.put("id", id);
    payload.put("issuedAt", now.toString());
    payload.put("person", person.display());
    Database.one(
            c,
            "SELECT language, zone FROM consent WHERE id = ?",
            r -> new String[] {r.getString(1), r.getString(2)},
            consentId)
        .ifPresent(
            consent -> {
              payload.put("language", consent[0]);
              if (consent[1] != null) {
                payload.put("zone", consent[1]);
              }
            });
    payload.putAll(facts);
    // Where the person's journal stood when the receipt was given: proof, later, that it held
    // those entries (guichet journal verify --receipt).
    Journal.Head head = journal.head(c, Journal.personChain(person.id()));
    payload.put("journalChain", head.chain());
    payload.put("journalSeq", head.seq());
    payload.put("journalHead", head.hash());
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

  /** The public key receipts are checked with, X.509 SubjectPublicKeyInfo in base64. */
  String publicKey() {
    return signer.publicKeyBase64();
  }

  /** Whether {@code zone} names a time zone ({@code Europe/Paris}, {@code UTC+03:00}). */
  static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
