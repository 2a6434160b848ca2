package fr.guichet.sandbox;

import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Operation;
import fr.guichet.domain.RuleTable;
import fr.guichet.domain.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an identified person lets the mediator do: the person, present in the sitting where they
 * were identified, consents to a set of scopes for a time, for themself or for someone they
 * represent, and a delegation bound to mediator, session, person, consent and scopes lets the
 * mediator act until it expires or is revoked. Each use is checked against the {@link RuleTable}:
 * the scope, who acts and the state of the space that day.
 *
 * <p>A sitting ends with its last delegation revoked, at the end of sitting, or at logout: its
 * identification then opens no more consent. A representative's delegations end the moment their
 * right to act does (a caregiver removed, a share ended).
 *
 * <pre>{@code
 * Delegation d = delegations.consent(c, principal, consentRequest, audit);
 * Grant g = delegations.authorize(c, principal, d.token(), personId, Operation.READ_ACCOUNT, audit);
 * delegations.endSitting(c, principal, identificationId, audit);
 * }</pre>
 */
final class Delegations {
  private final Rules rules;
  private final Journal journal;
  private final Receipts receipts;
  private final Identifications identifications;
  private final PersonStore persons;
  private final RepresentationStore representations;
  private final ConsentStore consents;
  private final DelegationStore delegations;

  Delegations(
      Rules rules,
      Journal journal,
      Receipts receipts,
      Identifications identifications,
      PersonStore persons,
      RepresentationStore representations,
      ConsentStore consents,
      DelegationStore delegations) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.identifications = identifications;
    this.persons = persons;
    this.representations = representations;
    this.consents = consents;
    this.delegations = delegations;
  }

  Delegation consent(Connection c, Principal principal, ConsentRequest request, Audit audit)
      throws SQLException {
    if (request.identificationId() == null) {
      throw new ProblemException(422, "consent-incomplete", "identificationId is required");
    }
    IdentificationStore.Identified idn =
        identifications.mine(c, principal, request.identificationId());
    String personId = request.forPersonId() == null ? idn.personId() : request.forPersonId();
    audit.personId = personId;
    identifications.requireLive(idn, principal);
    ActingAs actingAs =
        personId.equals(idn.personId())
            ? ActingAs.SELF
            : representations
                .kind(c, idn.personId(), personId)
                .map(ActingAs::valueOf)
                .orElseThrow(
                    () ->
                        new ProblemException(
                            403,
                            "not-a-representative",
                            "the identified person does not represent this person"));
    Set<Scope> scopes = parseScopes(request.scopes());
    Person person = persons.require(c, personId);
    Boolean opinion = actingAs == ActingAs.GUARDIANSHIP ? request.personOpinionAsked() : null;
    for (Scope s : scopes) {
      RuleTable.consentRefusal(actingAs, s, person.birth(), rules.today(), opinion)
          .ifPresent(
              r -> {
                throw refused(r, actingAs + " cannot be given " + s.wire());
              });
    }
    if (scopes.contains(Scope.RECORD_CLOSE) && !idn.strength().equals("STRONG")) {
      throw new ProblemException(
          403,
          "strong-identification-required",
          "closing, deleting or reopening needs two proofs of identity");
    }
    long maxMinutes = rules.maxDelegation().toMinutes();
    if (request.durationMinutes() < 1 || request.durationMinutes() > maxMinutes) {
      throw new ProblemException(
          422,
          "consent-duration",
          "duration must be 1.." + maxMinutes + " minutes",
          Map.of("max", maxMinutes));
    }
    if (!request.personConfirmed() || !request.mediatorAttestsPresence()) {
      throw new ProblemException(
          422,
          "consent-incomplete",
          "the person's confirmation and the mediator's attestation are required");
    }
    if (isBlank(request.language()) || isBlank(request.textVersion())) {
      throw new ProblemException(
          422, "consent-incomplete", "language and textVersion of the text shown are required");
    }
    if (request.zone() != null && !Receipts.isZone(request.zone())) {
      throw new ProblemException(
          422, "invalid-input", "zone is not a time zone: " + request.zone());
    }
    Instant now = rules.clock().instant();
    String consentId = "cns-" + UUID.randomUUID();
    List<String> wire = scopes.stream().map(Scope::wire).toList();
    String wireScopes = String.join(" ", wire);
    consents.insert(c, consentId, principal, personId, actingAs, wireScopes, opinion, request, now);
    audit.consentId = consentId;
    journal.append(
        c,
        audit.chain(),
        audit.line(
            "OK",
            "consent to "
                + wireScopes
                + " for "
                + request.durationMinutes()
                + " min as "
                + actingAs
                + ", text "
                + request.textVersion()
                + " in "
                + request.language()
                + (opinion == null
                    ? ""
                    : opinion
                        ? ", the protected person's opinion asked"
                        : ", the protected person's opinion not asked")));
    String token = Secrets.token();
    String delegationId = "dlg-" + UUID.randomUUID();
    Instant expires = now.plus(Duration.ofMinutes(request.durationMinutes()));
    delegations.insert(
        c,
        delegationId,
        Secrets.sha256(token),
        consentId,
        principal,
        personId,
        actingAs,
        wireScopes,
        now,
        expires);
    journal.append(
        c,
        audit.chain(),
        new Journal.Line(
            audit.actor,
            principal.structureId(),
            consentId,
            "DELEGATION_OPENED",
            "OK",
            delegationId + " until " + expires));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("scopes", wire);
    facts.put("until", expires.toString());
    facts.put("actingAs", actingAs.name());
    if (opinion != null) {
      facts.put("personOpinionAsked", opinion);
    }
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.put("consent", consentId);
    facts.put("language", request.language());
    return new Delegation(
        delegationId,
        consentId,
        token,
        personId,
        actingAs.name(),
        wire,
        expires,
        receipts.issue(c, ReceiptKind.CONSENT, person, consentId, facts));
  }

  /**
   * The live delegation a request presents, checked against everything it is bound to (this
   * mediator's session, the person addressed, the scope the operation needs), then against the rule
   * table: who acts, the state of the space today, the person's age.
   */
  Grant authorize(
      Connection c,
      Principal principal,
      String token,
      String personId,
      Operation operation,
      Audit audit)
      throws SQLException {
    Scope needed = operation.scope();
    audit.personId = personId;
    if (isBlank(token)) {
      throw new ProblemException(401, "delegation-required", "a delegation is required");
    }
    DelegationStore.Delegated d =
        delegations
            .findByTokenHash(c, Secrets.sha256(token))
            .orElseThrow(
                () -> new ProblemException(401, "delegation-required", "unknown delegation"));
    if (!d.sessionHash().equals(principal.sessionHash())) {
      throw new ProblemException(
          403, "delegation-not-yours", "this delegation belongs to another session");
    }
    audit.consentId = d.consentId();
    if (!d.personId().equals(personId)) {
      throw new ProblemException(403, "wrong-person", "this delegation is for another person");
    }
    if (d.revoked() != null) {
      throw new ProblemException(401, "delegation-revoked", "the delegation was revoked");
    }
    if (!rules.clock().instant().isBefore(d.expires())) {
      throw new ProblemException(401, "delegation-expired", "the delegation has expired");
    }
    Set<Scope> scopes = parseScopes(d.scopes());
    ActingAs actingAs = ActingAs.valueOf(d.actingAs());
    if (!scopes.contains(needed)) {
      throw new ProblemException(
          403,
          "scope-missing",
          "the person did not allow " + needed.wire(),
          Map.of("scope", needed.wire()));
    }
    Person person = persons.require(c, personId);
    RuleTable.Situation situation =
        new RuleTable.Situation(
            person.account(), actingAs, person.birth(), rules.today(), rules.oppositionPeriod());
    RuleTable.refusal(operation, situation)
        .ifPresent(
            r -> {
              throw refused(r, operation + " refused to " + actingAs);
            });
    return new Grant(
        d.id(),
        d.consentId(),
        d.personId(),
        actingAs,
        d.identificationId(),
        d.identifiedPersonId(),
        scopes,
        d.expires(),
        d.opinionAsked());
  }

  /** A refusal of the rule table as the problem the client is given. */
  static ProblemException refused(RuleTable.Refusal refusal, String detail) {
    int status =
        switch (refusal.cause()) {
          case WHO -> 403;
          case STATE -> 409;
          case CONSENT -> 422;
        };
    return new ProblemException(status, refusal.slug(), detail, refusal.params());
  }

  /**
   * Revokes a delegation of this mediator; revoking it again changes nothing. The last delegation
   * of a sitting revoked ends the sitting: its identification opens no more consent.
   */
  void revoke(Connection c, Principal principal, String delegationId, Audit audit)
      throws SQLException {
    DelegationStore.Delegated d =
        delegations
            .find(c, delegationId)
            .filter(r -> r.mediatorId().equals(principal.mediatorId()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "delegation-unknown", "no such delegation for this mediator"));
    audit.personId = d.personId();
    audit.consentId = d.consentId();
    if (d.revoked() == null) {
      delegations.markRevoked(c, delegationId, rules.clock().instant());
    }
    journal.append(c, audit.chain(), audit.line("OK", delegationId));
    if (delegations.openOnIdentification(c, d.identificationId()).isEmpty()) {
      identifications.end(c, d.identificationId());
    }
  }

  /**
   * Ends a sitting: every delegation born of a consent given on this identification is revoked, and
   * the identification opens no more consent. Ending it again changes nothing.
   */
  void endSitting(Connection c, Principal principal, String identificationId, Audit audit)
      throws SQLException {
    IdentificationStore.Identified idn = identifications.mine(c, principal, identificationId);
    audit.personId = idn.personId();
    for (DelegationStore.Delegated d : delegations.openOnIdentification(c, identificationId)) {
      revokeOne(c, principal, d, audit, "end of sitting");
    }
    identifications.end(c, identificationId);
    journal.append(c, audit.chain(), audit.line("OK", identificationId));
  }

  /**
   * Revokes at once every live delegation {@code representativeId} holds for {@code personId} in
   * this right, which has just ended (a caregiver removed, a share ended).
   */
  void revokeBuiltOn(
      Connection c,
      Principal principal,
      String representativeId,
      String personId,
      ActingAs kind,
      Audit audit)
      throws SQLException {
    for (DelegationStore.Delegated d :
        delegations.openBuiltOn(c, representativeId, personId, kind)) {
      revokeOne(c, principal, d, audit, "the right to act as " + kind + " ended");
    }
  }

  private void revokeOne(
      Connection c, Principal principal, DelegationStore.Delegated d, Audit audit, String why)
      throws SQLException {
    delegations.markRevoked(c, d.id(), rules.clock().instant());
    journal.append(
        c,
        Journal.personChain(d.personId()),
        new Journal.Line(
            audit.actor,
            principal.structureId(),
            d.consentId(),
            "DELEGATION_REVOKED",
            "OK",
            d.id() + ": " + why));
  }

  /**
   * Revokes every delegation opened under the principal's session (at logout), each in the chain of
   * its person, and ends every sitting of the session.
   */
  void revokeSession(Connection c, Principal principal, Audit audit) throws SQLException {
    for (DelegationStore.Delegated d : delegations.openInSession(c, principal.sessionHash())) {
      revokeOne(c, principal, d, audit, "mediator logged out");
    }
    identifications.endSession(c, principal);
  }

  private static Set<Scope> parseScopes(List<String> wire) {
    if (wire == null || wire.isEmpty()) {
      throw new ProblemException(422, "consent-scopes", "at least one scope is required");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String w : wire) {
      scopes.add(
          Scope.fromWire(w)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          422,
                          "consent-scopes",
                          "unknown scope " + w,
                          Map.of("scope", String.valueOf(w)))));
    }
    return scopes;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
