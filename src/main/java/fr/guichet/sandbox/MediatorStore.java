package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mediator} and {@code structure} tables: who may log in, with which secrets, in which
 * structure and role.
 *
 * <pre>{@code
 * Optional<Mediator> m = mediators.findByLogin(c, "demo.mediatrice");
 * mediators.markTotpStep(c, m.get().id(), step);
 * }</pre>
 */
final class MediatorStore {
  /** A mediator's account, with their structure's name. */
  record Mediator(
      String id,
      String structureId,
      String structureName,
      String name,
      String role,
      String passwordHash,
      String totpSecret,
      long totpLastStep) {}

  /** The account of a login, compared in lower case. */
  Optional<Mediator> findByLogin(Connection c, String lowerCaseLogin) throws SQLException {
    return Database.one(
        c,
        "SELECT m.id, m.structure_id, s.name, m.display_name, m.role, m.password_hash, m.totp_secret, m.totp_last_step"
            + " FROM mediator m JOIN structure s ON s.id = m.structure_id WHERE lower(m.login) = ?",
        r ->
            new Mediator(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getLong(8)),
        lowerCaseLogin);
  }

  /** Remembers the last TOTP step used, so that a code is good once. */
  void markTotpStep(Connection c, String mediatorId, long step) throws SQLException {
    Database.update(c, "UPDATE mediator SET totp_last_step = ? WHERE id = ?", step, mediatorId);
  }

  /** The ids of a structure's mediators. */
  List<String> idsIn(Connection c, String structureId) throws SQLException {
    return Database.query(
        c,
        "SELECT id FROM mediator WHERE structure_id = ? ORDER BY id",
        r -> r.getString(1),
        structureId);
  }
}
