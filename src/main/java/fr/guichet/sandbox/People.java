package fr.guichet.sandbox;

import fr.guichet.contract.Represented;
import fr.guichet.domain.Account;
import fr.guichet.domain.AccountState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The people of the reference server as the services read them, and the links between them
 * (representation, guardianship, caregiving).
 */
final class People {
  /** A person's row: identity, contacts, and their space as stored. */
  record Person(
      String id,
      String nir,
      String first,
      String last,
      LocalDate birth,
      String vitale,
      String email,
      String phone,
      Account account) {
    /**
     * First name, initial, birth year: how receipts name a person without identifying them alone.
     */
    String display() {
      return first + " " + last.charAt(0) + ". (" + birth.getYear() + ")";
    }

    Represented as(String kind) {
      return new Represented(id, first, last, birth.getYear(), kind);
    }
  }

  private static final String COLUMNS =
      "id, nir, first_name, last_name, birth_date, vitale_serial, email, phone, state,"
          + " information_sent_on, closed_on, deletion_requested_on, deleted_on";

  private People() {}

  static Optional<Person> byId(Connection c, String id) throws SQLException {
    return Database.one(c, "SELECT " + COLUMNS + " FROM person WHERE id = ?", People::read, id);
  }

  static Optional<Person> byNir(Connection c, String nir) throws SQLException {
    return Database.one(c, "SELECT " + COLUMNS + " FROM person WHERE nir = ?", People::read, nir);
  }

  static Person require(Connection c, String id) throws SQLException {
    return byId(c, id)
        .orElseThrow(() -> new ProblemException(404, "person-unknown", "no such person"));
  }

  /** Stores a new state of the space. */
  static void save(Connection c, String id, Account a) throws SQLException {
    Database.update(
        c,
        "UPDATE person SET state = ?, closed_on = ?, deletion_requested_on = ?, deleted_on = ? WHERE id = ?",
        a.storedState().name(),
        str(a.closedOn()),
        str(a.deletionRequestedOn()),
        str(a.deletedOn()),
        id);
  }

  /** The people {@code representativeId} may act for, with how. */
  static List<Represented> represented(Connection c, String representativeId) throws SQLException {
    return Database.query(
        c,
        "SELECT p."
            + COLUMNS.replace(", ", ", p.")
            + ", r.kind FROM representation r JOIN person p ON p.id = r.represented_id"
            + " WHERE r.representative_id = ? AND r.status = 'ACCEPTED' ORDER BY p.birth_date",
        r -> read(r).as(r.getString(14)),
        representativeId);
  }

  /** The people who may act on {@code personId}'s space, with how. */
  static List<Represented> representatives(Connection c, String personId) throws SQLException {
    return Database.query(
        c,
        "SELECT p."
            + COLUMNS.replace(", ", ", p.")
            + ", r.kind FROM representation r JOIN person p ON p.id = r.representative_id"
            + " WHERE r.represented_id = ? AND r.status = 'ACCEPTED' ORDER BY r.kind, p.last_name",
        r -> read(r).as(r.getString(14)),
        personId);
  }

  /** How {@code representativeId} represents {@code personId}, if they do. */
  static Optional<String> link(Connection c, String representativeId, String personId)
      throws SQLException {
    return Database.one(
        c,
        "SELECT kind FROM representation WHERE representative_id = ? AND represented_id = ?"
            + " AND status = 'ACCEPTED'",
        r -> r.getString(1),
        representativeId,
        personId);
  }

  private static Person read(ResultSet r) throws SQLException {
    return new Person(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        LocalDate.parse(r.getString(5)),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        new Account(
            AccountState.valueOf(r.getString(9)),
            date(r.getString(10)),
            date(r.getString(11)),
            date(r.getString(12)),
            date(r.getString(13))));
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
