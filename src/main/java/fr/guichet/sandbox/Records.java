package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Json;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a space holds: documents by category, and the medical profile by section, each section
 * versioned so that a write based on an old version is refused (412) with the current one, never
 * applied over a change the writer has not seen.
 *
 * <pre>{@code
 * List<DocumentInfo> docs = records.documents(c, grant);
 * ProfileSection s = records.section(c, grant, "allergies");
 * records.write(c, principal, grant, "allergies", s.version(), content, audit);
 * Receipt statement = records.statement(c, principal, grant, audit); // every section, signed
 * }</pre>
 */
final class Records {
  /** The sections of the medical profile (DOMAIN.md). */
  static final Set<String> SECTIONS =
      Set.of(
          "diseases",
          "treatments",
          "allergies",
          "hospitalisations",
          "handicaps",
          "family-history",
          "blood-group",
          "vaccinations",
          "measures",
          "lifestyle",
          "entourage");

  static final int MAX_SECTION_BYTES = 32 * 1024;

  private final Rules rules;
  private final Journal journal;
  private final Receipts receipts;

  Records(Rules rules, Journal journal, Receipts receipts) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
  }

  List<DocumentInfo> documents(Connection c, Grant grant, Audit audit) throws SQLException {
    List<DocumentInfo> docs =
        Database.query(
            c,
            "SELECT id, category, title, created_on, content_base64 FROM document WHERE person_id = ?"
                + (grant.actingAs().seesMinorsConfidentialCare()
                    ? ""
                    : " AND hidden_from_representatives = 0")
                + " ORDER BY category, created_on DESC",
            r ->
                new DocumentInfo(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    LocalDate.parse(r.getString(4)),
                    Base64.getDecoder().decode(r.getString(5)).length),
            grant.personId());
    journal.append(c, audit.chain(), audit.line("OK", docs.size() + " documents"));
    return docs;
  }

  byte[] document(Connection c, Grant grant, String documentId, Audit audit) throws SQLException {
    String content =
        Database.one(
                c,
                "SELECT content_base64 FROM document WHERE id = ? AND person_id = ?"
                    + (grant.actingAs().seesMinorsConfidentialCare()
                        ? ""
                        : " AND hidden_from_representatives = 0"),
                r -> r.getString(1),
                documentId,
                grant.personId())
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "document-unknown", "no such document in this space"));
    journal.append(c, audit.chain(), audit.line("OK", documentId));
    return Base64.getDecoder().decode(content);
  }

  ProfileSection section(Connection c, Grant grant, String section, Audit audit)
      throws SQLException {
    ProfileSection s = current(c, grant.personId(), requireSection(section));
    journal.append(c, audit.chain(), audit.line("OK", section + " v" + s.version()));
    return s;
  }

  ProfileSection write(
      Connection c,
      Principal principal,
      Grant grant,
      String section,
      String ifMatch,
      byte[] body,
      Audit audit)
      throws SQLException {
    requireSection(section);
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428, "if-match-required", "send If-Match with the version you read");
    }
    long expected;
    try {
      expected = Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new ProblemException(
          400, "if-match-malformed", "If-Match must be the ETag of the version you read");
    }
    if (body.length > MAX_SECTION_BYTES) {
      throw new ProblemException(422, "profile-invalid", "a section holds 32 KB at most");
    }
    JsonNode content;
    try {
      content = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new ProblemException(422, "profile-invalid", "a section is a JSON object");
    }
    if (content == null || !content.isObject()) {
      throw new ProblemException(422, "profile-invalid", "a section is a JSON object");
    }
    ProfileSection now = current(c, grant.personId(), section);
    if (now.version() != expected) {
      throw new ProblemException(
          412,
          "profile-changed",
          "the section changed since version " + expected,
          Map.of("currentVersion", now.version(), "current", now.content()));
    }
    long version = expected + 1;
    Instant at = rules.clock().instant();
    if (expected == 0) {
      Database.update(
          c,
          "INSERT INTO profile_section (person_id, section, version, content, updated_at) VALUES (?, ?, ?, ?, ?)",
          grant.personId(),
          section,
          version,
          content.toString(),
          at.toString());
    } else {
      Database.update(
          c,
          "UPDATE profile_section SET version = ?, content = ?, updated_at = ? WHERE person_id = ?"
              + " AND section = ? AND version = ?",
          version,
          content.toString(),
          at.toString(),
          grant.personId(),
          section,
          expected);
    }
    People.Person person = People.require(c, grant.personId());
    Receipt receipt =
        receipts.issue(
            c,
            ReceiptKind.PROFILE_UPDATE,
            person,
            grant.consentId(),
            Map.of(
                "section",
                section,
                "version",
                version,
                "mediator",
                principal.displayName(),
                "structure",
                principal.structureName()));
    journal.append(c, audit.chain(), audit.line("OK", section + " v" + version));
    return new ProfileSection(section, version, content, at, receipt);
  }

  /**
   * A signed statement of the whole medical profile on a day, for the summary's QR code: each
   * section the space holds and its version, and one SHA-256 (base64url) over them all, each
   * section as {@code name \n version \n stored JSON \n} in the order of their names. Small enough
   * for a QR code a phone reads on an 80 mm roll, and enough to prove which versions were printed.
   */
  Receipt statement(Connection c, Principal principal, Grant grant, Audit audit)
      throws SQLException {
    Map<String, Object> versions = new LinkedHashMap<>();
    StringBuilder hashed = new StringBuilder();
    Database.query(
            c,
            "SELECT section, version, content FROM profile_section WHERE person_id = ?"
                + " ORDER BY section",
            r -> new String[] {r.getString(1), String.valueOf(r.getLong(2)), r.getString(3)},
            grant.personId())
        .forEach(
            row -> {
              versions.put(row[0], Long.parseLong(row[1]));
              hashed.append(row[0]).append('\n').append(row[1]).append('\n');
              hashed.append(row[2]).append('\n');
            });
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("sections", versions);
    facts.put(
        "sha256",
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Secrets.sha256Bytes(hashed.toString().getBytes(StandardCharsets.UTF_8))));
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.put("actingAs", grant.actingAs().name());
    Receipt receipt =
        receipts.issue(
            c,
            ReceiptKind.PROFILE_STATEMENT,
            People.require(c, grant.personId()),
            grant.consentId(),
            facts);
    journal.append(
        c,
        audit.chain(),
        audit.line("OK", receipt.receiptId() + " " + versions.size() + " sections"));
    return receipt;
  }

  private static ProfileSection current(Connection c, String personId, String section)
      throws SQLException {
    return Database.one(
            c,
            "SELECT version, content, updated_at FROM profile_section WHERE person_id = ? AND section = ?",
            r ->
                new ProfileSection(
                    section,
                    r.getLong(1),
                    parse(r.getString(2)),
                    Instant.parse(r.getString(3)),
                    null),
            personId,
            section)
        .orElse(new ProfileSection(section, 0, JsonNodeFactory.instance.objectNode(), null, null));
  }

  private static String requireSection(String section) {
    if (!SECTIONS.contains(section)) {
      throw new ProblemException(
          404,
          "profile-section-unknown",
          "no such section: " + section,
          Map.of("section", String.valueOf(section)));
    }
    return section;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("A stored section is not JSON", e);
    }
  }
}
