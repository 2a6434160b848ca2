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
 * The {@code identification} table: who a mediator identified, with which proofs, until when.
 *
 * <pre>{@code
 * store.insert(c, identified, "NIR_BIRTHDATE_VITALE", now);
 * store.saveProofs(c, store.find(c, id).orElseThrow().withProof("CONTACT_CODE"));
 * }</pre>
 */
final class IdentificationStore {
  /**
   * An identification as stored: two proofs or more make it strong.
   *
   * @param proofs the proof methods given, in alphabetical order
   */
  record Identified(
      String id, String mediatorId, String personId, SortedSet<String> proofs, Instant expires) {
    Identified {
      proofs = Collections.unmodifiableSortedSet(new TreeSet<>(proofs));
    }

    String strength() {
      return proofs.size() >= 2 ? "STRONG" : "STANDARD";
    }

    Identified withProof(String method) {
      SortedSet<String> more = new TreeSet<>(proofs);
      more.add(method);
      return new Identified(id, mediatorId, personId, more, expires);
    }
  }

  void insert(Connection c, Identified idn, String method, Instant createdAt) throws SQLException {
    Database.update(
        c,
        "INSERT INTO identification (id, mediator_id, person_id, method, proofs, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        idn.id(),
        idn.mediatorId(),
        idn.personId(),
        method,
        String.join(" ", idn.proofs()),
        createdAt.toString(),
        idn.expires().toString());
  }

  Optional<Identified> find(Connection c, String id) throws SQLException {
    return Database.one(
        c,
        "SELECT mediator_id, person_id, proofs, expires_at FROM identification WHERE id = ?",
        r ->
            new Identified(
                id,
                r.getString(1),
                r.getString(2),
                new TreeSet<>(Arrays.asList(r.getString(3).split(" "))),
                Instant.parse(r.getString(4))),
        id);
  }

  void saveProofs(Connection c, Identified idn) throws SQLException {
    Database.update(
        c,
        "UPDATE identification SET proofs = ? WHERE id = ?",
        String.join(" ", idn.proofs()),
        idn.id());
  }
}
