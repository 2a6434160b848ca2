package fr.guichet.sandbox;

import fr.guichet.domain.ActingAs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code delegation} table: what a consent lets a mediator do, bound to their session, found by
 * the hash of its token, revoked once.
 *
 * <pre>{@code
 * Optional<Delegated> d = delegations.findByTokenHash(c, Secrets.sha256(token));
 * delegations.markRevoked(c, d.get().id(), now);
 * }</pre>
 */
final class DelegationStore {
  /**
   * A delegation as stored, with the identification behind its consent.
   *
   * @param revoked null while it is not revoked
   * @param opinionAsked whether the consent records that a protected person's opinion was asked
   *     (null when it did not apply)
   */
  record Delegated(
      String id,
      String consentId,
      String mediatorId,
      String personId,
      String actingAs,
      String sessionHash,
      List<String> scopes,
      Instant expires,
      Instant revoked,
      String identificationId,
      String identifiedPersonId,
      Boolean opinionAsked) {}

  private static final String SELECT =
      "SELECT d.id, d.consent_id, d.mediator_id, d.person_id, d.acting_as, d.session_hash, d.scopes,"
          + " d.expires_at, d.revoked_at, k.identification_id, i.person_id, k.person_opinion_asked"
          + " FROM delegation d JOIN consent k ON k.id = d.consent_id"
          + " JOIN identification i ON i.id = k.identification_id";

  void insert(
      Connection c,
      String id,
      String tokenHash,
      String consentId,
      Principal principal,
      String personId,
      ActingAs actingAs,
      String wireScopes,
      Instant createdAt,
      Instant expires)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO delegation (id, token_hash, consent_id, mediator_id, structure_id, person_id, acting_as, session_hash,"
            + " scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        tokenHash,
        consentId,
        principal.mediatorId(),
        principal.structureId(),
        personId,
        actingAs.name(),
        principal.sessionHash(),
        wireScopes,
        createdAt.toString(),
        expires.toString());
  }

  Optional<Delegated> findByTokenHash(Connection c, String tokenHash) throws SQLException {
    return Database.one(c, SELECT + " WHERE d.token_hash = ?", DelegationStore::read, tokenHash);
  }

  Optional<Delegated> find(Connection c, String id) throws SQLException {
    return Database.one(c, SELECT + " WHERE d.id = ?", DelegationStore::read, id);
  }

  /** The delegations opened under a mediator's session and not revoked. */
  List<Delegated> openInSession(Connection c, String sessionHash) throws SQLException {
    return Database.query(
        c,
        SELECT + " WHERE d.session_hash = ? AND d.revoked_at IS NULL ORDER BY d.created_at, d.id",
        DelegationStore::read,
        sessionHash);
  }

  /** The delegations born of consents given on one identification (one sitting), not revoked. */
  List<Delegated> openOnIdentification(Connection c, String identificationId) throws SQLException {
    return Database.query(
        c,
        SELECT
            + " WHERE k.identification_id = ? AND d.revoked_at IS NULL ORDER BY d.created_at, d.id",
        DelegationStore::read,
        identificationId);
  }

  /**
   * The delegations not revoked that someone holds for {@code personId} in their right as a
   * representative of this kind: what ends with that right.
   */
  List<Delegated> openBuiltOn(Connection c, String representativeId, String personId, ActingAs kind)
      throws SQLException {
    return Database.query(
        c,
        SELECT
            + " WHERE i.person_id = ?"
            + " AND d.person_id = ? AND d.acting_as = ? AND d.revoked_at IS NULL ORDER BY d.created_at, d.id",
        DelegationStore::read,
        representativeId,
        personId,
        kind.name());
  }

  void markRevoked(Connection c, String id, Instant at) throws SQLException {
    Database.update(c, "UPDATE delegation SET revoked_at = ? WHERE id = ?", at.toString(), id);
  }

  private static Delegated read(ResultSet r) throws SQLException {
    return new Delegated(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        Arrays.asList(r.getString(7).split(" ")),
        Instant.parse(r.getString(8)),
        r.getString(9) == null ? null : Instant.parse(r.getString(9)),
        r.getString(10),
        r.getString(11),
        r.getObject(12) == null ? null : r.getLong(12) == 1);
  }
}
