package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Json;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Scope;
import fr.guichet.forms.ContentCheck;
import fr.guichet.forms.ContentError;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.Respondent;
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

/**
 * What a space holds: documents by category, the medical profile by section, and the journal of
 * what was done in the person's name. Each section is versioned so that a write based on an old
 * version is refused (412) with the current one (shown only to a delegation that may read it),
 * never applied over a change the writer has not seen; and checked against the form the kiosk asks
 * with ({@link ContentCheck}): a wrong answer is refused (422) with a pointer to it. Documents
 * hidden from representatives are shown to the person only.
 *
 * <pre>{@code
 * List<DocumentInfo> docs = records.documents(c, grant, audit);
 * ProfileSection s = records.section(c, grant, "allergies", audit);
 * records.write(c, principal, grant, "allergies", s.version(), content, audit);
 * Receipt statement = records.statement(c, principal, grant, audit); // every section, signed
 * }</pre>
 */
final class Records {
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
      // The current content goes to whoever may read it: a write-only delegation learns the
      // version, not the answers.
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("currentVersion", now.version());
      if (grant.scopes().contains(Scope.PROFILE_READ)) {
        params.put("current", now.content());
      }
      throw new ProblemException(
          412, "profile-changed", "the section changed since version " + expected, params);
    }
    Person person = persons.require(c, grant.personId());
    LocalDate today = rules.today();
    List<ContentError> errors =
        ContentCheck.errors(
            FormCatalog.standard().form(section),
            content,
            now.content(),
            new Respondent(
                today,
                person.birth().year(),
                grant.actingAs() == ActingAs.SELF,
                person.birth().minorOn(today)));
    if (!errors.isEmpty()) {
      throw new ProblemException(
              422,
              "profile-invalid",
              errors.size() + " answers are not valid",
              Map.of("count", errors.size()))
          .withErrors(
              errors.stream()
                  .map(e -> new Problem.FieldError(e.pointer(), e.messageKey(), e.params()))
                  .toList());
    }
    long version = expected + 1;
    Instant at = rules.clock().instant();
    if (expected == 0) {
      profiles.insert(c, grant.personId(), section, version, content, at);
    } else {
      profiles.update(c, grant.personId(), section, expected, content, at);
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("section", section);
    facts.put("version", version);
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.putAll(grant.actorFacts());
    Receipt receipt =
        receipts.issue(c, ReceiptKind.PROFILE_UPDATE, person, grant.consentId(), facts);
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
    for (ProfileStore.Stored s : profiles.all(c, grant.personId())) {
      versions.put(s.section(), s.version());
      hashed.append(s.section()).append('\n').append(s.version()).append('\n');
      hashed.append(s.json()).append('\n');
    }
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
    facts.putAll(grant.actorFacts());
    Receipt receipt =
        receipts.issue(
            c,
            ReceiptKind.PROFILE_STATEMENT,
            persons.require(c, grant.personId()),
            grant.consentId(),
            facts);
    journal.append(
        c,
        audit.chain(),
        audit.line("OK", receipt.receiptId() + " " + versions.size() + " sections"));
    return receipt;
  }

  private ProfileSection current(Connection c, String personId, String section)
      throws SQLException {
    return profiles
        .find(c, personId, section)
        .orElse(new ProfileSection(section, 0, JsonNodeFactory.instance.objectNode(), null, null));
  }

  private static String requireSection(String section) {
    if (!FormCatalog.SECTIONS.contains(section)) {
      throw new ProblemException(
          404,
          "profile-section-unknown",
          "no such section: " + section,
          Map.of("section", String.valueOf(section)));
    }
    return section;
  }
}
