package fr.guichet.sandbox;

import fr.guichet.api.ConsentRequest;
import fr.guichet.api.Delegation;
import fr.guichet.api.Identification;
import fr.guichet.api.IdentificationRequest;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Scope;
import fr.guichet.domain.VitaleSerial;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One sitting at the counter, as the server sees it: the person is identified, consents to a
 * set of scopes for a time, and a delegation bound to mediator, structure, person, consent and
 * scopes lets the mediator act until it expires or is revoked.
 *
 * <pre>{@code
 * Identification who = sittings.identify(c, principal, request, audit);
 * Delegation d = sittings.consent(c, principal, consentRequest, audit);
 * Grant g = sittings.authorize(c, principal, delegationToken, personId, Scope.ACCOUNT_READ, audit);
 * }</pre>
 */
final class Sittings {
  static final String STANDARD = "STANDARD";

  private final Rules rules;
  private final Journal journal;

  Sittings(Rules rules, Journal journal) {
    this.rules = rules;
    this.journal = journal;
  }

  Identification identify(Connection c, Principal principal, IdentificationRequest request, Audit audit)
      throws SQLException {
    if (request == null || !IdentificationRequest.NIR_BIRTHDATE_VITALE.equals(request.method())) {
      throw new ProblemException(422, "identification-method-unknown", "method must be NIR_BIRTHDATE_VITALE");
    }
    Nir nir = Nir.parse(request.nir());
    if (request.birthDate() == null) {
      throw new InvalidValue("invalid.birthdate.empty");
    }
    VitaleSerial serial = VitaleSerial.parse(request.vitaleSerial());
    record Candidate(String id, String first, String last, LocalDate birth, String serial) {}
    Candidate person = Database.one(c,
        "SELECT id, first_name, last_name, birth_date, vitale_serial FROM person WHERE nir = ?",
        r -> new Candidate(r.getString(1), r.getString(2), r.getString(3), LocalDate.parse(r.getString(4)),
            r.getString(5)),
        nir.value()).orElseThrow(() -> new ProblemException(404, "identification-failed", "no match for " + nir.masked()));
    audit.personId = person.id();
    boolean matches = person.birth().equals(request.birthDate())
        && person.serial() != null && new VitaleSerial(person.serial()).matches(serial);
    if (!matches) {
      throw new ProblemException(404, "identification-failed", "birth date or Carte Vitale serial does not match");
    }
    Instant now = rules.clock().instant();
    String id = "idn-" + UUID.randomUUID();
    Instant expires = now.plus(rules.identificationValidity());
    Database.update(c,
        "INSERT INTO identification (id, mediator_id, person_id, method, strength, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        id, principal.mediatorId(), person.id(), request.method(), STANDARD, now.toString(), expires.toString());
    journal.append(c, audit.chain(), audit.line("OK", request.method() + " " + nir.masked()));
    return new Identification(id, person.id(), person.first(), person.last(), person.birth().getYear(), STANDARD, expires);
  }

  Delegation consent(Connection c, Principal principal, ConsentRequest request, Audit audit) throws SQLException {
    if (request == null || request.identificationId() == null) {
      throw new ProblemException(422, "consent-incomplete", "identificationId is required");
    }
    record Idn(String mediatorId, String personId, Instant expires) {}
    Idn idn = Database.one(c, "SELECT mediator_id, person_id, expires_at FROM identification WHERE id = ?",
        r -> new Idn(r.getString(1), r.getString(2), Instant.parse(r.getString(3))), request.identificationId())
        .filter(i -> i.mediatorId().equals(principal.mediatorId()))
        .orElseThrow(() -> new ProblemException(404, "identification-unknown", "no such identification for this mediator"));
    audit.personId = idn.personId();
    Instant now = rules.clock().instant();
    if (!now.isBefore(idn.expires())) {
      throw new ProblemException(410, "identification-expired", "identify the person again");
    }
    Set<Scope> scopes = parseScopes(request.scopes());
    long maxMinutes = rules.maxDelegation().toMinutes();
    if (request.durationMinutes() < 1 || request.durationMinutes() > maxMinutes) {
      throw new ProblemException(422, "consent-duration", "duration must be 1.." + maxMinutes + " minutes",
          Map.of("max", maxMinutes));
    }
    if (!request.personConfirmed() || !request.mediatorAttestsPresence()) {
      throw new ProblemException(422, "consent-incomplete", "the person's confirmation and the mediator's attestation are required");
    }
    if (isBlank(request.language()) || isBlank(request.textVersion())) {
      throw new ProblemException(422, "consent-incomplete", "language and textVersion of the text shown are required");
    }
    String consentId = "cns-" + UUID.randomUUID();
    String wireScopes = scopes.stream().map(Scope::wire).collect(Collectors.joining(" "));
    Database.update(c,
        "INSERT INTO consent (id, identification_id, mediator_id, structure_id, person_id, scopes, duration_minutes,"
            + " language, text_version, person_confirmed, mediator_attested, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)",
        consentId, request.identificationId(), principal.mediatorId(), principal.structureId(), idn.personId(),
        wireScopes, request.durationMinutes(), request.language(), request.textVersion(), now.toString());
    audit.consentId = consentId;
    journal.append(c, audit.chain(), audit.line("OK", "consent to " + wireScopes + " for " + request.durationMinutes()
        + " min, text " + request.textVersion() + " in " + request.language()));
    String token = Secrets.token();
    String delegationId = "dlg-" + UUID.randomUUID();
    Instant expires = now.plus(Duration.ofMinutes(request.durationMinutes()));
    Database.update(c,
        "INSERT INTO delegation (id, token_hash, consent_id, mediator_id, structure_id, person_id, session_hash, scopes,"
            + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        delegationId, Secrets.sha256(token), consentId, principal.mediatorId(), principal.structureId(), idn.personId(),
        principal.sessionHash(), wireScopes, now.toString(), expires.toString());
    journal.append(c, audit.chain(), new Journal.Line(audit.actor, principal.structureId(), consentId,
        "DELEGATION_OPENED", "OK", delegationId + " until " + expires));
    return new Delegation(delegationId, consentId, token, idn.personId(),
        scopes.stream().map(Scope::wire).toList(), expires);
  }

  /**
   * The live delegation a request presents, checked against everything it is bound to: this
   * mediator's session, the person addressed, the scope needed.
   */
  Grant authorize(Connection c, Principal principal, String token, String personId, Scope needed, Audit audit)
      throws SQLException {
    audit.personId = personId;
    if (isBlank(token)) {
      throw new ProblemException(401, "delegation-required", "a delegation is required");
    }
    record Row(String id, String consentId, String personId, String sessionHash, String scopes, Instant expires,
        String revoked) {}
    Row row = Database.one(c,
        "SELECT id, consent_id, person_id, session_hash, scopes, expires_at, revoked_at FROM delegation WHERE token_hash = ?",
        r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
            Instant.parse(r.getString(6)), r.getString(7)),
        Secrets.sha256(token)).orElseThrow(() -> new ProblemException(401, "delegation-required", "unknown delegation"));
    if (!row.sessionHash().equals(principal.sessionHash())) {
      throw new ProblemException(403, "delegation-not-yours", "this delegation belongs to another session");
    }
    audit.consentId = row.consentId();
    if (!row.personId().equals(personId)) {
      throw new ProblemException(403, "wrong-person", "this delegation is for another person");
    }
    if (row.revoked() != null) {
      throw new ProblemException(401, "delegation-revoked", "the delegation was revoked");
    }
    if (!rules.clock().instant().isBefore(row.expires())) {
      throw new ProblemException(401, "delegation-expired", "the delegation has expired");
    }
    Set<Scope> scopes = parseScopes(Arrays.asList(row.scopes().split(" ")));
    if (!scopes.contains(needed)) {
      throw new ProblemException(403, "scope-missing", "the person did not allow " + needed.wire(),
          Map.of("scope", needed.wire()));
    }
    return new Grant(row.id(), row.consentId(), row.personId(), scopes, row.expires());
  }

  /** Revokes a delegation of this mediator; revoking it again changes nothing. */
  void revoke(Connection c, Principal principal, String delegationId, Audit audit) throws SQLException {
    record Row(String personId, String consentId, String mediatorId, String revoked) {}
    Row row = Database.one(c, "SELECT person_id, consent_id, mediator_id, revoked_at FROM delegation WHERE id = ?",
        r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)), delegationId)
        .filter(r -> r.mediatorId().equals(principal.mediatorId()))
        .orElseThrow(() -> new ProblemException(404, "delegation-unknown", "no such delegation for this mediator"));
    audit.personId = row.personId();
    audit.consentId = row.consentId();
    if (row.revoked() == null) {
      Database.update(c, "UPDATE delegation SET revoked_at = ? WHERE id = ?", rules.clock().instant().toString(), delegationId);
    }
    journal.append(c, audit.chain(), audit.line("OK", delegationId));
  }

  private static Set<Scope> parseScopes(List<String> wire) {
    if (wire == null || wire.isEmpty()) {
      throw new ProblemException(422, "consent-scopes", "at least one scope is required");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String w : wire) {
      scopes.add(Scope.fromWire(w).orElseThrow(
          () -> new ProblemException(422, "consent-scopes", "unknown scope " + w, Map.of("scope", String.valueOf(w)))));
    }
    return scopes;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
