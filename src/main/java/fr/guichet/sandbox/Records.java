package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Json;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.Receipt;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a space holds: documents by category, the medical profile by section, and the journal of
 * what was done in the person's name. Each section is versioned so that a write based on an old
 * version is refused (412) with the current one, never applied over a change the writer has not
 * seen.
 *
 * <pre>{@code
 * List<DocumentInfo> docs = records.documents(c, grant, audit);
 * ProfileSection s = records.section(c, grant, "allergies", audit);
 * records.write(c, principal, grant, "allergies", s.version(), content, audit);
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
  private final PersonStore persons;
  private final DocumentStore documents;
  private final ProfileStore profiles;

  Records(
      Rules rules,
      Journal journal,
      Receipts receipts,
      PersonStore persons,
      DocumentStore documents,
      ProfileStore profiles) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.persons = persons;
    this.documents = documents;
    this.profiles = profiles;
  }

  List<DocumentInfo> documents(Connection c, Grant grant, Audit audit) throws SQLException {
    List<DocumentInfo> docs =
        documents.list(
            c, grant.personId(), grant.actingAs().seesDocumentsHiddenFromRepresentatives());
    journal.append(c, audit.chain(), audit.line("OK", docs.size() + " documents"));
    return docs;
  }

  byte[] document(Connection c, Grant grant, String documentId, Audit audit) throws SQLException {
    byte[] content =
        documents
            .content(
                c,
                documentId,
                grant.personId(),
                grant.actingAs().seesDocumentsHiddenFromRepresentatives())
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "document-unknown", "no such document in this space"));
    journal.append(c, audit.chain(), audit.line("OK", documentId));
    return content;
  }

  /** What was done in the person's name, oldest first: their own chain of the journal. */
  List<JournalEntry> journal(Connection c, Grant grant, Audit audit) throws SQLException {
    List<JournalEntry> entries = journal.read(c, Journal.personChain(grant.personId()));
    journal.append(c, audit.chain(), audit.line("OK", entries.size() + " entries"));
    return entries;
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
      profiles.insert(c, grant.personId(), section, version, content, at);
    } else {
      profiles.update(c, grant.personId(), section, expected, content, at);
    }
    Person person = persons.require(c, grant.personId());
    Receipt receipt =
        receipts.issue(
            c,
            "profile-update",
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

  private ProfileSection current(Connection c, String personId, String section)
      throws SQLException {
    return profiles
        .find(c, personId, section)
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
}
