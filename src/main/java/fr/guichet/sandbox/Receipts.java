package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.guichet.api.Json;
import fr.guichet.api.Receipt;
import fr.guichet.api.ReceiptCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the signed receipts of every state-changing action (and the account statements), keeps a
 * copy, and checks receipts shown back to it.
 *
 * <p>A receipt names the person by first name, initial and birth year only: a lost sheet must not
 * identify anyone by itself, yet the person recognises it as theirs.
 *
 * <p>Signing (Ed25519 in the JDK: milliseconds of processor) stays out of the database lock when
 * the transaction runs through {@link #signedOutsideTheLock}: the first run stops at the first
 * receipt not signed yet and is rolled back, the payload is signed with no lock held, and the
 * transaction runs again with the same receipt id and time, so it finds its signature, unless what
 * the receipt says changed meanwhile (then it is signed again). The receipt, its journal line and
 * the idempotency record are still written in one transaction.
 *
 * <pre>{@code
 * ActionResult done = receipts.signedOutsideTheLock(db, c -> accounts.act(c, principal, grant, action, false, audit));
 * // inside: Receipt r = receipts.issue(c, "opposition", person, consentId, Map.of("state", "OPPOSED"));
 * ReceiptCheck check = receipts.check(r.signed());
 * }</pre>
 */
final class Receipts {
  /** Runs of a transaction that leave signing to the caller; then a receipt is signed in the transaction. */
  private static final int DEFERRING_RUNS = 3;

  private final Clock clock;
  private final Signer signer;
  /** The receipts of the transaction running on this thread through {@link #signedOutsideTheLock}. */
  private final ThreadLocal<Drafts> drafts = new ThreadLocal<>();

  Receipts(Clock clock, Signer signer) {
    this.clock = clock;
    this.signer = signer;
  }

  /**
   * Runs {@code work} in one transaction of {@code db}, signing the receipts it issues while the
   * database lock is not held (see the class comment).
   */
  <T> T signedOutsideTheLock(Database db, Database.Work<T> work) {
    Drafts mine = new Drafts();
    drafts.set(mine);
    try {
      for (int run = 1; ; run++) {
        mine.deferring = run <= DEFERRING_RUNS;
        try {
          return db.tx(c -> {
            mine.next = 0;
            return work.run(c);
          });
        } catch (Unsigned unsigned) {
          mine.signatures.put(unsigned.payload, signer.sign(unsigned.payload));
        }
      }
    } finally {
      drafts.remove();
    }
  }

  Receipt issue(Connection c, String kind, People.Person person, String consentId, Map<String, ?> facts)
      throws SQLException {
    Drafts mine = drafts.get();
    Draft draft = mine == null ? Draft.fresh(clock) : mine.next(clock);
    String id = draft.id();
    Instant now = draft.issuedAt();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", kind);
    payload.put("id", id);
    payload.put("issuedAt", now.toString());
    payload.put("person", person.display());
    payload.putAll(facts);
    String json;
    try {
      json = Json.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a receipt", e);
    }
    String signed = mine == null ? null : mine.signatures.get(json);
    if (signed == null) {
      if (mine != null && mine.deferring) {
        throw new Unsigned(json);
      }
      signed = signer.sign(json);
    }
    Database.update(c, "INSERT INTO receipt (id, person_id, consent_id, kind, issued_at, signed) VALUES (?, ?, ?, ?, ?, ?)",
        id, person.id(), consentId, kind, now.toString(), signed);
    return new Receipt(id, kind, person.id(), now, signed);
  }

  ReceiptCheck check(String signed) {
    return signer.check(signed);
  }

  /** The id and time of a receipt, kept from one run of its transaction to the next. */
  private record Draft(String id, Instant issuedAt) {
    static Draft fresh(Clock clock) {
      return new Draft("rcp-" + UUID.randomUUID(), clock.instant());
    }
  }

  /** One request's receipts: their drafts in the order issued, and the payloads signed so far. */
  private static final class Drafts {
    final List<Draft> issued = new ArrayList<>();
    final Map<String, String> signatures = new HashMap<>();
    int next;
    boolean deferring;

    Draft next(Clock clock) {
      if (next == issued.size()) {
        issued.add(Draft.fresh(clock));
      }
      return issued.get(next++);
    }
  }

  /** Stops a transaction's run at a receipt whose payload is not signed yet. */
  private static final class Unsigned extends RuntimeException {
    final String payload;

    Unsigned(String payload) {
      super("a receipt to sign outside the database lock", null, false, false);
      this.payload = payload;
    }
  }
}
