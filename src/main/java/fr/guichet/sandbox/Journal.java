package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Json;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal: one hash chain per person (one per mediator, one for the server itself).
 *
 * <p>Each entry's hash covers its fields in a canonical encoding (each field length-prefixed, so
 * that no text can pass for a field boundary) and the hash of the entry before. At each append the
 * server signs the chain's new head with its Ed25519 key and keeps the signed statement beside the
 * entry: whoever can only write to the database can neither edit an entry and recompute the hashes
 * after it, nor add one, without the signatures showing it ({@link JournalCheck}). What the
 * database alone could still do unseen, cut the end of a chain or drop a whole chain, shows against
 * the checkpoints kept outside it ({@link Checkpoints}) and the receipts people hold, which name
 * the head of their chain when they were written ({@link Receipts}).
 *
 * <pre>{@code
 * Journal.Head h = journal.append(c, Journal.personChain(personId), new Journal.Line(actor, structure, consent, "ACCOUNT_READ", "OK", ""));
 * List<JournalEntry> mine = journal.read(c, Journal.personChain(personId)); // each with its signed head
 * }</pre>
 */
final class Journal {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  static final String GENESIS = "0".repeat(64);
  static final String SYSTEM_CHAIN = "system";
  static final String HEAD_KIND = "journal-head";
  private static final byte[] ENCODING = "guichet-journal-v2\n".getBytes(StandardCharsets.UTF_8);

  /** What happened, before it gets its place in a chain. */
  record Line(
      String actor,
      String structureId,
      String consentId,
      String action,
      String outcome,
      String detail) {}

  /** Where a chain stands: its last entry's number and hash; 0 and {@link #GENESIS} if empty. */
  record Head(String chain, long seq, String hash) {}

  /** An entry as stored, every column as text, so that an unreadable one can be named. */
  record Row(
      String seq,
      String at,
      String actor,
      String structure,
      String consentId,
      String action,
      String outcome,
      String detail,
      String previousHash,
      String hash,
      String signedHead) {}

  private final Clock clock;
  private final Signer signer;
  private final Set<String> touched = ConcurrentHashMap.newKeySet();

  Journal(Clock clock, Signer signer) {
    this.clock = clock;
    this.signer = signer;
  }

  static String personChain(String personId) {
    return "person:" + personId;
  }

  static String mediatorChain(String mediatorId) {
    return "mediator:" + mediatorId;
  }

  Head append(Connection c, String chain, Line line) throws SQLException {
    Head last = head(c, chain);
    long seq = last.seq() + 1;
    String at = clock.instant().toString();
    String hash =
        hash(
            chain,
            seq,
            at,
            line.actor(),
            line.structureId(),
            line.consentId(),
            line.action(),
            line.outcome(),
            line.detail(),
            last.hash());
    Database.update(
        c,
        "INSERT INTO journal (chain, seq, at, actor, structure_id, consent_id, action, outcome, detail,"
            + " previous_hash, hash, signed_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        chain,
        seq,
        at,
        line.actor(),
        line.structureId(),
        line.consentId(),
        line.action(),
        line.outcome(),
        line.detail(),
        last.hash(),
        hash,
        signedHead(chain, seq, hash, at));
    touched.add(chain);
    return new Head(chain, seq, hash);
  }

  /** Where a chain stands now. */
  Head head(Connection c, String chain) throws SQLException {
    return Database.one(
            c,
            "SELECT seq, hash FROM journal WHERE chain = ? ORDER BY seq DESC LIMIT 1",
            r -> new Head(chain, r.getLong(1), r.getString(2)),
            chain)
        .orElse(new Head(chain, 0, GENESIS));
  }

  List<JournalEntry> read(Connection c, String chain) throws SQLException {
    return rows(c, chain).stream()
        .map(
            r ->
                new JournalEntry(
                    Long.parseLong(r.seq()),
                    Instant.parse(r.at()),
                    r.actor(),
                    r.structure(),
                    r.consentId(),
                    r.action(),
                    r.outcome(),
                    r.detail(),
                    r.previousHash(),
                    r.hash(),
                    r.signedHead()))
        .toList();
  }

  /** Every chain's name. */
  static List<String> chains(Connection c) throws SQLException {
    return Database.query(
        c, "SELECT DISTINCT chain FROM journal ORDER BY chain", r -> r.getString(1));
  }

  /** A chain's entries as stored, in the order of their numbers. */
  static List<Row> rows(Connection c, String chain) throws SQLException {
    return Database.query(
        c,
        "SELECT seq, at, actor, structure_id, consent_id, action, outcome, detail, previous_hash,"
            + " hash, signed_head FROM journal WHERE chain = ? ORDER BY seq",
        r ->
            new Row(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11)),
        chain);
  }

  /** The chains this node appended to since it last asked, for the next checkpoint. */
  Set<String> touchedSinceLastAsked() {
    Set<String> chains = Set.copyOf(touched);
    touched.removeAll(chains);
    return chains;
  }

  /**
   * The canonical hash of an entry: SHA-256 over a version tag, then each field as its length (4
   * bytes, big-endian; -1 for null) and its UTF-8 bytes, the entry before's hash last.
   */
  static String hash(
      String chain,
      long seq,
      String at,
      String actor,
      String structure,
      String consentId,
      String action,
      String outcome,
      String detail,
      String previousHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(ENCODING);
    for (String field :
        new String[] {
          chain,
          Long.toString(seq),
          at,
          actor,
          structure,
          consentId,
          action,
          outcome,
          detail,
          previousHash
        }) {
      byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
      out.writeBytes(bytes);
    }
    return HexFormat.of().formatHex(Secrets.sha256Bytes(out.toByteArray()));
  }

  /** The canonical hash of a stored entry, after the entry whose hash is {@code previousHash}. */
  static String hash(String chain, long seq, Row r, String previousHash) {
    return hash(
        chain,
        seq,
        r.at(),
        r.actor(),
        r.structure(),
        r.consentId(),
        r.action(),
        r.outcome(),
        r.detail(),
        previousHash);
  }

  /** The signed statement of a chain's head, a receipt {@code guichet receipt verify} accepts. */
  private String signedHead(String chain, long seq, String hash, String at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", HEAD_KIND);
    payload.put("journalChain", chain);
    payload.put("journalSeq", seq);
    payload.put("journalHead", hash);
    payload.put("at", at);
    try {
      return signer.sign(Json.mapper().writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a journal head", e);
    }
  }

  /**
   * Brings the chains written before entries were signed (in the old encoding, fields joined by a
   * separator) to the canonical encoding, each entry signed: a chain whose old hashes all hold is
   * re-encoded from its first entry; a chain already broken is left as it is, so that {@code
   * journal verify} keeps showing the break. Returns how many chains were re-encoded.
   */
  int upgrade(Connection c) throws SQLException {
    List<String> old =
        Database.query(
            c,
            "SELECT DISTINCT chain FROM journal WHERE signed_head IS NULL ORDER BY chain",
            r -> r.getString(1));
    int upgraded = 0;
    for (String chain : old) {
      List<Row> rows = rows(c, chain);
      if (!heldInTheOldEncoding(chain, rows)) {
        LOG.warn(
            "journal chain {} was broken before its entries were signed: left as it is", chain);
        continue;
      }
      String previous = GENESIS;
      for (Row r : rows) {
        long seq = Long.parseLong(r.seq());
        String hash = hash(chain, seq, r, previous);
        Database.update(
            c,
            "UPDATE journal SET previous_hash = ?, hash = ?, signed_head = ? WHERE chain = ? AND seq = ?",
            previous,
            hash,
            signedHead(chain, seq, hash, r.at()),
            chain,
            seq);
        previous = hash;
      }
      touched.add(chain);
      upgraded++;
    }
    return upgraded;
  }

  /** Whether a chain holds under the old encoding: numbers from 1, links, hashes. */
  private static boolean heldInTheOldEncoding(String chain, List<Row> rows) {
    String previous = GENESIS;
    long expected = 1;
    for (Row r : rows) {
      try {
        if (Long.parseLong(r.seq()) != expected
            || !previous.equals(r.previousHash())
            || r.signedHead() != null
            || !legacyHash(chain, r).equals(r.hash())) {
          return false;
        }
      } catch (NumberFormatException | DateTimeParseException | NullPointerException unreadable) {
        return false;
      }
      previous = r.hash();
      expected++;
    }
    return true;
  }

  /** The hash entries had before the canonical encoding: fields joined by U+001F. */
  static String legacyHash(String chain, Row r) {
    return Secrets.sha256(
        String.join(
            "\u001f",
            chain,
            Long.toString(Long.parseLong(r.seq())),
            Instant.parse(r.at()).toString(),
            r.actor(),
            String.valueOf(r.structure()),
            String.valueOf(r.consentId()),
            r.action(),
            r.outcome(),
            r.detail(),
            r.previousHash()));
  }
}
