package fr.guichet.sandbox;

import fr.guichet.contract.Share;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.ProfileShare;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code profile_share} table: the shares of a child's profile with a second legal
 * representative, with the names both parents see.
 *
 * <pre>{@code
 * shares.insert(c, id, childId, inviterId, inviteeId, today);
 * Optional<ShareStore.Stored> s = shares.find(c, id);
 * shares.update(c, id, ProfileShare.Status.ACCEPTED, today);
 * }</pre>
 */
final class ShareStore {
  /** A share as stored, with the names of the child and both parents. */
  record Stored(
      String id,
      String childId,
      String childName,
      int childBirthYear,
      String inviterId,
      String inviterName,
      String inviteeId,
      String inviteeName,
      ProfileShare share) {
    /** As both parents see it on {@code today}. */
    Share onDay(LocalDate today) {
      return new Share(
          id,
          childId,
          childName,
          childBirthYear,
          inviterId,
          inviterName,
          inviteeId,
          inviteeName,
          share.statusOn(today).name(),
          share.invitedOn(),
          share.expiresOn());
    }
  }

  private static final String SELECT =
      "SELECT s.id, s.child_id, ch.first_name, ch.last_name, ch.birth_date, s.inviter_id,"
          + " i.first_name, i.last_name, s.invitee_id, e.first_name, e.last_name, s.status,"
          + " s.invited_on FROM profile_share s JOIN person ch ON ch.id = s.child_id"
          + " JOIN person i ON i.id = s.inviter_id JOIN person e ON e.id = s.invitee_id";

  void insert(
      Connection c, String id, String childId, String inviterId, String inviteeId, LocalDate on)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO profile_share (id, child_id, inviter_id, invitee_id, status, invited_on)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        childId,
        inviterId,
        inviteeId,
        ProfileShare.Status.PENDING.name(),
        on.toString());
  }

  Optional<Stored> find(Connection c, String id) throws SQLException {
    return Database.one(c, SELECT + " WHERE s.id = ?", ShareStore::read, id);
  }

  /** The shares made for this child or offered to this person, newest first. */
  List<Share> about(Connection c, String personId, LocalDate today) throws SQLException {
    return Database.query(
            c,
            SELECT + " WHERE s.child_id = ? OR s.invitee_id = ? ORDER BY s.invited_on DESC, s.id",
            ShareStore::read,
            personId,
            personId)
        .stream()
        .map(s -> s.onDay(today))
        .toList();
  }

  /** The pending invitation of this child to this parent, if one is still waiting. */
  boolean pending(Connection c, String childId, String inviteeId, LocalDate today)
      throws SQLException {
    return Database.query(
            c,
            SELECT + " WHERE s.child_id = ? AND s.invitee_id = ? AND s.status = ?",
            ShareStore::read,
            childId,
            inviteeId,
            ProfileShare.Status.PENDING.name())
        .stream()
        .anyMatch(s -> s.share().statusOn(today) == ProfileShare.Status.PENDING);
  }

  /** Records an answer (accepted, refused) or the end of a share. */
  void update(Connection c, String id, ProfileShare.Status status, LocalDate on)
      throws SQLException {
    Database.update(
        c,
        "UPDATE profile_share SET status = ?, "
            + (status == ProfileShare.Status.ENDED ? "ended_on" : "answered_on")
            + " = ? WHERE id = ?",
        status.name(),
        on.toString(),
        id);
  }

  private static Stored read(ResultSet r) throws SQLException {
    return new Stored(
        r.getString(1),
        r.getString(2),
        r.getString(3) + " " + r.getString(4),
        BirthDate.fromIso(r.getString(5)).year(),
        r.getString(6),
        r.getString(7) + " " + r.getString(8),
        r.getString(9),
        r.getString(10) + " " + r.getString(11),
        new ProfileShare(
            ProfileShare.Status.valueOf(r.getString(12)), LocalDate.parse(r.getString(13))));
  }
}
