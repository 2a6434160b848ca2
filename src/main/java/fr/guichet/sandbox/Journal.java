package fr.guichet.sandbox;

import fr.guichet.contract.JournalEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only journal: one hash chain per person (and one per mediator, and one for requests
 * nobody could be tied to). Each entry hashes the previous one, so an altered, removed or reordered
 * entry breaks the chain and {@link #verify} finds it.
 *
 * <pre>{@code
 * journal.append(c, Journal.personChain(personId), new Journal.Line(actor, structure, consent, "ACCOUNT_READ", "OK", ""));
 * List<Journal.Break> breaks = journal.verify(c); // empty when nothing was tampered with
 * }</pre>
 */
final class Journal {
  static final String GENESIS = "0".repeat(64);
  static final String SYSTEM_CHAIN = "system";

  /** What happened, before it gets its place in a chain. */
  record Line(
      String actor,
      String structureId,
      String consentId,
      String action,
      String outcome,
      String detail) {}

  /** Where a chain does not hold. */
  record Break(String chain, long seq, String reason) {}

  private final Clock clock;

  Journal(Clock clock) {
    this.clock = clock;
  }

  static String personChain(String personId) {
    return "person:" + personId;
  }

  static String mediatorChain(String mediatorId) {
    return "mediator:" + mediatorId;
  }

  void append(Connection c, String chain, Line line) throws SQLException {
    JournalEntry last =
        Database.one(
                c,
                "SELECT seq, hash FROM journal WHERE chain = ? ORDER BY seq DESC LIMIT 1",
                r ->
                    new JournalEntry(
                        r.getLong(1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.getString(2)),
                chain)
            .orElse(null);
    long seq = last == null ? 1 : last.seq() + 1;
    String previous = last == null ? GENESIS : last.hash();
    Instant at = clock.instant();
    JournalEntry entry =
        new JournalEntry(
            seq,
            at,
            line.actor(),
            line.structureId(),
            line.consentId(),
            line.action(),
            line.outcome(),
            line.detail(),
            previous,
            null);
    String hash = hash(chain, entry);
    Database.update(
        c,
        "INSERT INTO journal (chain, seq, at, actor, structure_id, consent_id, action, outcome, detail, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        chain,
        seq,
        at.toString(),
        line.actor(),
        line.structureId(),
        line.consentId(),
        line.action(),
        line.outcome(),
        line.detail(),
        previous,
        hash);
  }

  List<JournalEntry> read(Connection c, String chain) throws SQLException {
    return Database.query(
        c,
        "SELECT seq, at, actor, structure_id, consent_id, action, outcome, detail, previous_hash, hash"
            + " FROM journal WHERE chain = ? ORDER BY seq",
        r ->
            new JournalEntry(
                r.getLong(1),
                Instant.parse(r.getString(2)),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10)),
        chain);
  }

  /** Checks every chain: sequence without gaps, each link to the previous hash, each hash. */
  List<Break> verify(Connection c) throws SQLException {
    List<String> chains =
        Database.query(c, "SELECT DISTINCT chain FROM journal ORDER BY chain", r -> r.getString(1));
    List<Break> breaks = new ArrayList<>();
    for (String chain : chains) {
      long expectedSeq = 1;
      String previous = GENESIS;
      for (JournalEntry e : read(c, chain)) {
        if (e.seq() != expectedSeq) {
          breaks.add(
              new Break(chain, e.seq(), "entry " + expectedSeq + " is missing or out of order"));
        } else if (!e.previousHash().equals(previous)) {
          breaks.add(new Break(chain, e.seq(), "does not follow the entry before it"));
        } else if (!e.hash().equals(hash(chain, e))) {
          breaks.add(new Break(chain, e.seq(), "was altered after it was written"));
        }
        expectedSeq = e.seq() + 1;
        previous = e.hash();
      }
    }
    return breaks;
  }

  private static String hash(String chain, JournalEntry e) {
    String canonical =
        String.join(
            "\u001f",
            chain,
            Long.toString(e.seq()),
            e.at().toString(),
            e.actor(),
            String.valueOf(e.structure()),
            String.valueOf(e.consentId()),
            e.action(),
            e.outcome(),
            e.detail(),
            e.previousHash());
    return Secrets.sha256(canonical);
  }
}
