package fr.guichet.sandbox;

import fr.guichet.contract.DocumentInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code document} table: a space's documents by category, some hidden from representatives (a
 * minor's confidential care).
 *
 * <pre>{@code
 * List<DocumentInfo> docs = documents.list(c, personId, false);
 * Optional<byte[]> pdf = documents.content(c, documentId, personId, false);
 * }</pre>
 */
final class DocumentStore {
  /** The documents of a space, by category then newest first. */
  List<DocumentInfo> list(Connection c, String personId, boolean withHidden) throws SQLException {
    return Database.query(
        c,
        "SELECT id, category, title, created_on, content_base64 FROM document WHERE person_id = ?"
            + (withHidden ? "" : " AND hidden_from_representatives = 0")
            + " ORDER BY category, created_on DESC",
        r ->
            new DocumentInfo(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                LocalDate.parse(r.getString(4)),
                Base64.getDecoder().decode(r.getString(5)).length),
        personId);
  }

  /** One document's bytes, if the space holds it. */
  Optional<byte[]> content(Connection c, String documentId, String personId, boolean withHidden)
      throws SQLException {
    return Database.one(
        c,
        "SELECT content_base64 FROM document WHERE id = ? AND person_id = ?"
            + (withHidden ? "" : " AND hidden_from_representatives = 0"),
        r -> Base64.getDecoder().decode(r.getString(1)),
        documentId,
        personId);
  }
}
