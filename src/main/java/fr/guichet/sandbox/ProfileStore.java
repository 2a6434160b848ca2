package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import fr.guichet.contract.ProfileSection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code profile_section} table: each section of a medical profile as JSON, with its version;
 * an update names the version it replaces, so that it changes nothing if another came first.
 *
 * <pre>{@code
 * Optional<ProfileSection> s = profiles.find(c, personId, "allergies");
 * profiles.insert(c, personId, "allergies", 1, content, now);
 * }</pre>
 */
final class ProfileStore {
  Optional<ProfileSection> find(Connection c, String personId, String section) throws SQLException {
    return Database.one(
        c,
        "SELECT version, content, updated_at FROM profile_section WHERE person_id = ? AND section = ?",
        r ->
            new ProfileSection(
                section, r.getLong(1), parse(r.getString(2)), Instant.parse(r.getString(3)), null),
        personId,
        section);
  }

  /** One stored section as it is in the table, for a statement that hashes what is kept. */
  record Stored(String section, long version, String json) {}

  /** Every section a space holds, in the order of their names. */
  List<Stored> all(Connection c, String personId) throws SQLException {
    return Database.query(
        c,
        "SELECT section, version, content FROM profile_section WHERE person_id = ? ORDER BY section",
        r -> new Stored(r.getString(1), r.getLong(2), r.getString(3)),
        personId);
  }

  void insert(
      Connection c, String personId, String section, long version, JsonNode content, Instant at)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO profile_section (person_id, section, version, content, updated_at) VALUES (?, ?, ?, ?, ?)",
        personId,
        section,
        version,
        content.toString(),
        at.toString());
  }

  /** Replaces version {@code replaced} of a section by {@code replaced + 1}. */
  void update(
      Connection c, String personId, String section, long replaced, JsonNode content, Instant at)
      throws SQLException {
    Database.update(
        c,
        "UPDATE profile_section SET version = ?, content = ?, updated_at = ? WHERE person_id = ?"
            + " AND section = ? AND version = ?",
        replaced + 1,
        content.toString(),
        at.toString(),
        personId,
        section,
        replaced);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("A stored section is not JSON", e);
    }
  }
}
