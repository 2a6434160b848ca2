package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code guichet journal verify} checks, with the database, the server's public key, and what
 * was kept outside the machine (checkpoints, receipts); each finding names the chain and the entry.
 *
 * <ul>
 *   <li>Each chain: every field readable, numbers from 1 without a gap, each entry following the
 *       one before, its fields giving its hash, and its hash signed by the server (an entry edited
 *       and every hash after it recomputed, or an entry added, has no signature that holds).
 *   <li>Each checkpoint stream: signed lines, in order, each root right; and the last head it
 *       recorded of each chain still in the database (a chain cut short or dropped shows here).
 *   <li>Each receipt: signed by the server, and the entry it names still in its chain as it was.
 * </ul>
 *
 * <pre>{@code
 * JournalCheck check = new JournalCheck(Statements.forKey(publicKey));
 * List<JournalCheck.Finding> findings = check.chains(c); // empty when every chain holds
 * }</pre>
 */
final class JournalCheck {
  /** Something wrong, and where: {@code person:p-x entry 5: was altered...}. */
  record Finding(String where, String what) {
    @Override
    public String toString() {
      return where + ": " + what;
    }
  }

  private final Statements statements;

  JournalCheck(Statements statements) {
    this.statements = statements;
  }

  /** Every chain, entry by entry. */
  List<Finding> chains(Connection c) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    for (String chain : Journal.chains(c)) {
      long expected = 1;
      long position = 0;
      String previous = Journal.GENESIS;
      for (Journal.Row r : Journal.rows(c, chain)) {
        position++;
        Long seq = number(r.seq());
        if (seq == null) {
          findings.add(
              new Finding(
                  chain + " entry at position " + position,
                  "its number '" + r.seq() + "' is not a number"));
          previous = r.hash();
          continue;
        }
        String where = chain + " entry " + seq;
        Optional<String> unreadable = unreadable(r);
        if (unreadable.isPresent()) {
          findings.add(new Finding(where, unreadable.get()));
        } else if (seq != expected) {
          findings.add(
              new Finding(
                  where,
                  seq > expected
                      ? (seq - 1 == expected
                              ? "entry " + expected + " is missing"
                              : "entries " + expected + " to " + (seq - 1) + " are missing")
                          + " before it"
                      : "is out of order: entry " + expected + " was expected"));
        } else if (!previous.equals(r.previousHash())) {
          findings.add(
              new Finding(
                  where,
                  "does not follow "
                      + (seq == 1 ? "the start of the chain" : "entry " + (seq - 1))
                      + ": its previous hash is not that entry's hash"));
        } else if (!Journal.hash(chain, seq, r, r.previousHash()).equals(r.hash())) {
          findings.add(
              new Finding(
                  where,
                  r.signedHead() == null && inTheOldEncoding(chain, r)
                      ? "is in the old encoding, unsigned: its chain did not hold when the server"
                          + " began signing entries"
                      : "was altered: its fields do not give its hash (fields edited)"));
        } else {
          signature(chain, seq, r).ifPresent(what -> findings.add(new Finding(where, what)));
        }
        expected = seq + 1;
        previous = r.hash();
      }
    }
    return findings;
  }

  /** How many entries, in how many chains. */
  static long entries(Connection c) throws SQLException {
    return Database.one(c, "SELECT count(*) FROM journal", r -> r.getLong(1)).orElse(0L);
  }

  /** The checkpoint streams, and the database against the last head each recorded. */
  List<Finding> checkpoints(Connection c, List<Checkpoints.Stream> streams) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    for (Checkpoints.Stream s : streams) {
      String name = s.file().getFileName().toString();
      s.problems().forEach(p -> findings.add(new Finding("checkpoints " + name, p)));
      for (Checkpoints.Recorded r : s.heads().values()) {
        String by = "checkpoint " + r.line() + " of " + name;
        compare(c, r.head(), by).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /** Reads the checkpoint streams in {@code files} (files, or directories of {@code .jsonl}). */
  List<Checkpoints.Stream> streams(List<Path> files) {
    return files.stream().map(f -> Checkpoints.read(f, statements)).toList();
  }

  /**
   * A receipt or a signed journal head, as its QR code holds it (the signed part): genuine, and the
   * entry it names still in its chain as it was. Receipts that name no entry only need to be
   * genuine.
   */
  Optional<Finding> receipt(Connection c, String signed) throws SQLException {
    Optional<JsonNode> payload = statements.payload(signed);
    if (payload.isEmpty()) {
      return Optional.of(
          new Finding("receipt " + abbreviated(signed), "is not signed with the server's key"));
    }
    JsonNode p = payload.get();
    String name =
        "receipt " + (p.hasNonNull("id") ? p.get("id").asText() : p.path("kind").asText());
    if (!p.hasNonNull("journalChain") || p.path("journalSeq").asLong() < 1) {
      return Optional.empty();
    }
    Journal.Head named =
        new Journal.Head(
            p.get("journalChain").asText(),
            p.path("journalSeq").asLong(),
            p.path("journalHead").asText());
    return compare(c, named, name);
  }

  /** Whether the database still holds a head as {@code by} recorded it. */
  private static Optional<Finding> compare(Connection c, Journal.Head recorded, String by)
      throws SQLException {
    String chain = recorded.chain();
    long last =
        Database.one(c, "SELECT max(seq) FROM journal WHERE chain = ?", r -> r.getLong(1), chain)
            .orElse(0L);
    if (last == 0) {
      return Optional.of(
          new Finding(
              chain,
              "the whole chain is gone, yet " + by + " recorded " + recorded.seq() + " entries"));
    }
    if (last < recorded.seq()) {
      return Optional.of(
          new Finding(
              chain
                  + (last + 1 == recorded.seq() ? " entry " : " entries " + (last + 1) + " to ")
                  + recorded.seq(),
              "cut off: the chain ends at entry "
                  + last
                  + ", yet "
                  + by
                  + " recorded "
                  + recorded.seq()));
    }
    String hash =
        Database.one(
                c,
                "SELECT hash FROM journal WHERE chain = ? AND seq = ?",
                r -> r.getString(1),
                chain,
                recorded.seq())
            .orElse(null);
    if (!recorded.hash().equals(hash)) {
      return Optional.of(
          new Finding(
              chain + " entry " + recorded.seq(),
              hash == null
                  ? "is gone, yet " + by + " recorded it"
                  : "is not the entry " + by + " recorded: rewritten"));
    }
    return Optional.empty();
  }

  /** Why the server's signature does not vouch for this entry, if it does not. */
  private Optional<String> signature(String chain, long seq, Journal.Row r) {
    if (r.signedHead() == null) {
      return Optional.of("carries no signature of the server: added or rewritten outside it");
    }
    Optional<JsonNode> p = statements.payload(r.signedHead());
    if (p.isEmpty() || !Journal.HEAD_KIND.equals(p.get().path("kind").asText())) {
      return Optional.of("its signature is not the server's: forged");
    }
    boolean same =
        chain.equals(p.get().path("journalChain").asText())
            && seq == p.get().path("journalSeq").asLong()
            && r.hash().equals(p.get().path("journalHead").asText());
    return same
        ? Optional.empty()
        : Optional.of(
            "its hash is not the one the server signed for it: rewritten, its hashes recomputed");
  }

  /** The first field of an entry that cannot be read, said plainly. */
  private static Optional<String> unreadable(Journal.Row r) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("time", r.at());
    required.put("actor", r.actor());
    required.put("action", r.action());
    required.put("outcome", r.outcome());
    required.put("detail", r.detail());
    required.put("previous hash", r.previousHash());
    required.put("hash", r.hash());
    for (Map.Entry<String, String> f : required.entrySet()) {
      if (f.getValue() == null) {
        return Optional.of("its " + f.getKey() + " is empty (null)");
      }
    }
    try {
      Instant.parse(r.at());
    } catch (DateTimeParseException e) {
      return Optional.of("its time '" + abbreviated(r.at()) + "' is not a time");
    }
    return Optional.empty();
  }

  private static boolean inTheOldEncoding(String chain, Journal.Row r) {
    try {
      return Journal.legacyHash(chain, r).equals(r.hash());
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String abbreviated(String s) {
    return s == null || s.length() <= 40 ? String.valueOf(s) : s.substring(0, 37) + "...";
  }
}
