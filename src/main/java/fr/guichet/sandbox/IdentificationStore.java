package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code identification} table: who a mediator identified, in which sitting (their session),
 * with which proofs, until when, and when the sitting ended.
 *
 * <pre>{@code
 * store.insert(c, identified, "NIR_BIRTHDATE_VITALE", now);
 * store.saveProofs(c, store.find(c, id).orElseThrow().withProof("CONTACT_CODE"));
 * store.end(c, id, now);
 * }</pre>
 */
final class IdentificationStore {
  /**
   * An identification as stored: two proofs or more make it strong.
   *
   * @param sessionHash the mediator's session it was made in: the sitting
   * @param proofs the proof methods given, in alphabetical order
   * @param ended when the sitting ended, or null
   */
  record Identified(
      String id,
      String mediatorId,
      String sessionHash,
      String personId,
      SortedSet<String> proofs,
      Instant expires,
      Instant ended) {
    Identified {
      proofs = Collections.unmodifiableSortedSet(new TreeSet<>(proofs));
    }

    String strength() {
      return proofs.size() >= 2 ? "STRONG" : "STANDARD";
    }

    Identified withProof(String method) {
      SortedSet<String> more = new TreeSet<>(proofs);
      more.add(method);
      return new Identified(id, mediatorId, sessionHash, personId, more, expires, ended);
    }
  }

  void insert(Connection c, Identified idn, String method, Instant createdAt) throws SQLException {
    Database.update(
        c,
        "INSERT INTO identification (id, mediator_id, session_hash, person_id, method, proofs, created_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        idn.id(),
        idn.mediatorId(),
        idn.sessionHash(),
        idn.personId(),
        method,
        String.join(" ", idn.proofs()),
        createdAt.toString(),
        idn.expires().toString());
  }

  Optional<Identified> find(Connection c, String id) throws SQLException {
    return Database.one(
        c,
        "SELECT mediator_id, session_hash, person_id, proofs, expires_at, ended_at FROM identification"
            + " WHERE id = ?",
        r ->
            new Identified(
                id,
                r.getString(1),
                r.getString(2),
                r.getString(3),
                new TreeSet<>(Arrays.asList(r.getString(4).split(" "))),
                Instant.parse(r.getString(5)),
                r.getString(6) == null ? null : Instant.parse(r.getString(6))),
        id);
  }

  void saveProofs(Connection c, Identified idn) throws SQLException {
    Database.update(
        c,
        "UPDATE identification SET proofs = ? WHERE id = ?",
        String.join(" ", idn.proofs()),
        idn.id());
  }

  /** Ends the sitting of one identification; ending it again changes nothing. */
  void end(Connection c, String id, Instant at) throws SQLException {
    Database.update(
        c,
        "UPDATE identification SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
        at.toString(),
        id);
  }

  /** Ends every identification made in a mediator's session (at logout). */
  void endSession(Connection c, String sessionHash, Instant at) throws SQLException {
    Database.update(
        c,
        "UPDATE identification SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL",
        at.toString(),
        sessionHash);
  }
}
