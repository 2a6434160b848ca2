package fr.guichet.sandbox;

import fr.guichet.domain.Account;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.BirthDate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code person} table: people as the services read them, their space's state, and the one-time
 * code of the letter that announced the space.
 *
 * <pre>{@code
 * Person person = persons.require(c, personId);
 * persons.saveAccount(c, person.id(), after);
 * }</pre>
 */
final class PersonStore {
  /** The hashed code of the letter, and the last day it is good. */
  record LetterCode(String hash, LocalDate expiresOn) {}

  private static final String COLUMNS =
      "id, nir, first_name, last_name, birth_date, vitale_serial, email, phone, state,"
          + " information_sent_on, closed_on, deletion_requested_on, deleted_on";

  Optional<Person> find(Connection c, String id) throws SQLException {
    return Database.one(
        c, "SELECT " + COLUMNS + " FROM person WHERE id = ?", PersonStore::read, id);
  }

  Optional<Person> findByNir(Connection c, String nir) throws SQLException {
    return Database.one(
        c, "SELECT " + COLUMNS + " FROM person WHERE nir = ?", PersonStore::read, nir);
  }

  /**
   * The person named as a caregiver or a second parent is: NIR, birth name and first name (case and
   * spaces aside), and a birth date that agrees with the civil status's known parts.
   */
  /**
   * Whether a person's papers are the ones typed for someone who is not at the counter (a
   * caregiver, a second parent): birth name, first name (case and spaces aside), birth date.
   */
  static Predicate<Person> named(String lastName, String firstName, BirthDate birth) {
    return p ->
        p.last().equalsIgnoreCase(strip(lastName))
            && p.first().equalsIgnoreCase(strip(firstName))
            && p.birth().matches(birth);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  /** The person, or the problem every route gives for an unknown one. */
  Person require(Connection c, String id) throws SQLException {
    return find(c, id)
        .orElseThrow(() -> new ProblemException(404, "person-unknown", "no such person"));
  }

  /** Stores a new state of the space. */
  void saveAccount(Connection c, String id, Account a) throws SQLException {
    Database.update(
        c,
        "UPDATE person SET state = ?, closed_on = ?, deletion_requested_on = ?, deleted_on = ? WHERE id = ?",
        a.storedState().name(),
        str(a.closedOn()),
        str(a.deletionRequestedOn()),
        str(a.deletedOn()),
        id);
  }

  /** Suspends the space, keeping the state the suspension interrupts. */
  void suspend(Connection c, String id) throws SQLException {
    Database.update(
        c,
        "UPDATE person SET state_before_suspension = state, state = 'SUSPENDED' WHERE id = ?",
        id);
  }

  /** Restores the state a suspension interrupted (active when none was kept). */
  void liftSuspension(Connection c, String id) throws SQLException {
    Database.update(
        c,
        "UPDATE person SET state = coalesce(state_before_suspension, 'ACTIVE'),"
            + " state_before_suspension = NULL WHERE id = ?",
        id);
  }

  /** The letter's code, if one is still held. */
  Optional<LetterCode> letterCode(Connection c, String id) throws SQLException {
    return Database.one(
        c,
        "SELECT activation_code_hash, activation_code_expires_on FROM person WHERE id = ?"
            + " AND activation_code_hash IS NOT NULL",
        r -> new LetterCode(r.getString(1), date(r.getString(2))),
        id);
  }

  /** Forgets the letter's code: it is good once. */
  void useLetterCode(Connection c, String id) throws SQLException {
    Database.update(c, "UPDATE person SET activation_code_hash = NULL WHERE id = ?", id);
  }

  private static Person read(ResultSet r) throws SQLException {
    return new Person(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        BirthDate.fromIso(r.getString(5)),
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
