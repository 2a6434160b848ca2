package fr.guichet.sandbox;

import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Scope;
import fr.guichet.domain.VitaleSerial;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One sitting at the counter, as the server sees it: the person is identified (Carte Vitale, the
 * letter's code, or a code sent to their contact; two proofs make a strong identification),
 * consents to a set of scopes for a time, for themself or for someone they represent, and a
 * delegation bound to mediator, structure, person, consent and scopes lets the mediator act until
 * it expires or is revoked. Failed attempts are counted per person and per mediator.
 *
 * <pre>{@code
 * Identification who = sittings.identify(c, principal, request, audit);
 * Delegation d = sittings.consent(c, principal, consentRequest, audit);
 * Grant g = sittings.authorize(c, principal, delegationToken, personId, Scope.ACCOUNT_READ, audit);
 * }</pre>
 */
final class Sittings {
  static final String VITALE = "VITALE";
  static final String LETTER_CODE = "LETTER_CODE";
  static final String CONTACT_CODE = "CONTACT_CODE";
  private static final Duration CONTACT_CODE_VALIDITY = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Rules rules;
  private final Journal journal;
  private final Throttle throttle;
  private final Receipts receipts;

  Sittings(Rules rules, Journal journal, Throttle throttle, Receipts receipts) {
    this.rules = rules;
    this.journal = journal;
    this.throttle = throttle;
    this.receipts = receipts;
  }

  Identification identify(
      Connection c, Principal principal, IdentificationRequest request, Audit audit)
      throws SQLException {
    String method = request.method() == null ? "" : request.method();
    throttle.check(c, mediatorSubject(principal), "identification-locked");
    People.Person person;
    String proof;
    switch (method) {
      case IdentificationRequest.NIR_BIRTHDATE_VITALE -> {
        person = personByNir(c, request.nir(), principal, audit);
        requireBirthDate(request.birthDate());
        VitaleSerial typed = VitaleSerial.parse(request.vitaleSerial());
        boolean ok =
            person.birth().equals(request.birthDate())
                && person.vitale() != null
                && new VitaleSerial(person.vitale()).matches(typed);
        refuseUnless(
            ok, principal, person, audit, "birth date or Carte Vitale serial does not match");
        proof = VITALE;
      }
      case IdentificationRequest.LETTER_CODE -> {
        person = personByNir(c, request.nir(), principal, audit);
        refuseUnless(
            letterCodeMatches(c, person, request.code()),
            principal,
            person,
            audit,
            "letter code does not match");
        proof = LETTER_CODE;
      }
      case IdentificationRequest.CONTACT_CODE -> {
        person = redeemContactCode(c, principal, request.challengeId(), request.code(), audit);
        proof = CONTACT_CODE;
      }
      default ->
          throw new ProblemException(
              422,
              "identification-method-unknown",
              "method must be NIR_BIRTHDATE_VITALE, LETTER_CODE or CONTACT_CODE");
    }
    throttle.clear(c, personSubject(person.id()));
    Instant now = rules.clock().instant();
    String id = "idn-" + UUID.randomUUID();
    Instant expires = now.plus(rules.identificationValidity());
    Database.update(
        c,
        "INSERT INTO identification (id, mediator_id, person_id, method, proofs, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        principal.mediatorId(),
        person.id(),
        method,
        proof,
        now.toString(),
        expires.toString());
    journal.append(
        c, audit.chain(), audit.line("OK", method + " " + Nir.parse(person.nir()).masked()));
    return identification(c, id, person, Set.of(proof), expires);
  }

  /** Sends a one-time code to the person's e-mail (else phone) and records it in the outbox. */
  ContactChallenge sendContactCode(
      Connection c, Principal principal, ContactCodeRequest request, Audit audit)
      throws SQLException {
    throttle.check(c, mediatorSubject(principal), "identification-locked");
    People.Person person = personByNir(c, request.nir(), principal, audit);
    requireBirthDate(request.birthDate());
    refuseUnless(
        person.birth().equals(request.birthDate()),
        principal,
        person,
        audit,
        "birth date does not match");
    String channel = person.email() != null ? "EMAIL" : person.phone() != null ? "SMS" : null;
    if (channel == null) {
      throw new ProblemException(
          409, "no-contact", "the insurer holds no e-mail and no phone for this person");
    }
    String destination = channel.equals("EMAIL") ? person.email() : person.phone();
    String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    Instant now = rules.clock().instant();
    String id = "chl-" + UUID.randomUUID();
    Instant expires = now.plus(CONTACT_CODE_VALIDITY);
    Database.update(
        c,
        "INSERT INTO contact_challenge (id, mediator_id, person_id, code_hash, channel, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        principal.mediatorId(),
        person.id(),
        Secrets.sha256(id + code),
        channel,
        now.toString(),
        expires.toString());
    Database.update(
        c,
        "INSERT INTO outbox (id, person_id, channel, destination, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        "out-" + UUID.randomUUID(),
        person.id(),
        channel,
        destination,
        "Mon Espace Santé : votre code est "
            + code
            + ". Il est valable 10 minutes. Ne le donnez qu’à la personne qui vous aide.",
        now.toString());
    journal.append(
        c, audit.chain(), audit.line("OK", "code sent by " + channel + " to " + mask(destination)));
    return new ContactChallenge(id, channel, mask(destination), expires);
  }

  /** Adds a proof to an identification of this mediator: two proofs make it strong. */
  Identification addProof(
      Connection c, Principal principal, String identificationId, ProofRequest proof, Audit audit)
      throws SQLException {
    record Idn(String personId, String proofs, Instant expires) {}
    Idn idn =
        Database.one(
                c,
                "SELECT person_id, proofs, expires_at FROM identification WHERE id = ? AND mediator_id = ?",
                r -> new Idn(r.getString(1), r.getString(2), Instant.parse(r.getString(3))),
                identificationId,
                principal.mediatorId())
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "identification-unknown", "no such identification for this mediator"));
    audit.personId = idn.personId();
    if (!rules.clock().instant().isBefore(idn.expires())) {
      throw new ProblemException(410, "identification-expired", "identify the person again");
    }
    throttle.check(c, personSubject(idn.personId()), "identification-locked");
    People.Person person = People.require(c, idn.personId());
    String method = proof == null || proof.method() == null ? "" : proof.method();
    switch (method) {
      case VITALE ->
          refuseUnless(
              person.vitale() != null
                  && new VitaleSerial(person.vitale())
                      .matches(VitaleSerial.parse(proof.vitaleSerial())),
              principal,
              person,
              audit,
              "Carte Vitale serial does not match");
      case LETTER_CODE ->
          refuseUnless(
              letterCodeMatches(c, person, proof.code()),
              principal,
              person,
              audit,
              "letter code does not match");
      case CONTACT_CODE -> {
        People.Person redeemed =
            redeemContactCode(c, principal, proof.challengeId(), proof.code(), audit);
        if (!redeemed.id().equals(person.id())) {
          throw new ProblemException(403, "wrong-person", "this code was sent to another person");
        }
      }
      default ->
          throw new ProblemException(
              422,
              "identification-method-unknown",
              "method must be VITALE, LETTER_CODE or CONTACT_CODE");
    }
    Set<String> proofs = new TreeSet<>(Arrays.asList(idn.proofs().split(" ")));
    proofs.add(method);
    Database.update(
        c,
        "UPDATE identification SET proofs = ? WHERE id = ?",
        String.join(" ", proofs),
        identificationId);
    journal.append(c, audit.chain(), audit.line("OK", method + " added: " + strength(proofs)));
    return identification(c, identificationId, person, proofs, idn.expires());
  }

  Delegation consent(Connection c, Principal principal, ConsentRequest request, Audit audit)
      throws SQLException {
    if (request.identificationId() == null) {
      throw new ProblemException(422, "consent-incomplete", "identificationId is required");
    }
    record Idn(String mediatorId, String personId, String proofs, Instant expires) {}
    Idn idn =
        Database.one(
                c,
                "SELECT mediator_id, person_id, proofs, expires_at FROM identification WHERE id = ?",
                r ->
                    new Idn(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        Instant.parse(r.getString(4))),
                request.identificationId())
            .filter(i -> i.mediatorId().equals(principal.mediatorId()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "identification-unknown", "no such identification for this mediator"));
    String personId = request.forPersonId() == null ? idn.personId() : request.forPersonId();
    audit.personId = personId;
    Instant now = rules.clock().instant();
    if (!now.isBefore(idn.expires())) {
      throw new ProblemException(410, "identification-expired", "identify the person again");
    }
    ActingAs actingAs =
        personId.equals(idn.personId())
            ? ActingAs.SELF
            : People.link(c, idn.personId(), personId)
                .map(ActingAs::valueOf)
                .orElseThrow(
                    () ->
                        new ProblemException(
                            403,
                            "not-a-representative",
                            "the identified person does not represent this person"));
    Set<Scope> scopes = parseScopes(request.scopes());
    for (Scope s : scopes) {
      if (!actingAs.allows(s)) {
        throw new ProblemException(
            403,
            "caregiver-forbidden",
            "a caregiver cannot be given " + s.wire(),
            Map.of("scope", s.wire()));
      }
    }
    if (scopes.contains(Scope.RECORD_CLOSE)
        && !strength(Arrays.asList(idn.proofs().split(" "))).equals("STRONG")) {
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
    People.Person person = People.require(c, personId);
    String consentId = "cns-" + UUID.randomUUID();
    String wireScopes = scopes.stream().map(Scope::wire).collect(Collectors.joining(" "));
    Database.update(
        c,
        "INSERT INTO consent (id, identification_id, mediator_id, structure_id, person_id, acting_as, scopes,"
            + " duration_minutes, language, text_version, person_confirmed, mediator_attested, created_at, zone)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)",
        consentId,
        request.identificationId(),
        principal.mediatorId(),
        principal.structureId(),
        personId,
        actingAs.name(),
        wireScopes,
        request.durationMinutes(),
        request.language(),
        request.textVersion(),
        now.toString(),
        request.zone());
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
                + request.language()));
    String token = Secrets.token();
    String delegationId = "dlg-" + UUID.randomUUID();
    Instant expires = now.plus(Duration.ofMinutes(request.durationMinutes()));
    Database.update(
        c,
        "INSERT INTO delegation (id, token_hash, consent_id, mediator_id, structure_id, person_id, acting_as, session_hash,"
            + " scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        delegationId,
        Secrets.sha256(token),
        consentId,
        principal.mediatorId(),
        principal.structureId(),
        personId,
        actingAs.name(),
        principal.sessionHash(),
        wireScopes,
        now.toString(),
        expires.toString());
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
    facts.put("scopes", scopes.stream().map(Scope::wire).toList());
    facts.put("until", expires.toString());
    facts.put("actingAs", actingAs.name());
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
        scopes.stream().map(Scope::wire).toList(),
        expires,
        receipts.issue(c, ReceiptKind.CONSENT, person, consentId, facts));
  }

  /**
   * The live delegation a request presents, checked against everything it is bound to: this
   * mediator's session, the person addressed, the scope needed.
   */
  Grant authorize(
      Connection c, Principal principal, String token, String personId, Scope needed, Audit audit)
      throws SQLException {
    audit.personId = personId;
    if (isBlank(token)) {
      throw new ProblemException(401, "delegation-required", "a delegation is required");
    }
    record Row(
        String id,
        String consentId,
        String personId,
        String actingAs,
        String sessionHash,
        String scopes,
        Instant expires,
        String revoked,
        String identificationId) {}
    Row row =
        Database.one(
                c,
                "SELECT d.id, d.consent_id, d.person_id, d.acting_as, d.session_hash, d.scopes, d.expires_at, d.revoked_at,"
                    + " k.identification_id FROM delegation d JOIN consent k ON k.id = d.consent_id WHERE d.token_hash = ?",
                r ->
                    new Row(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        Instant.parse(r.getString(7)),
                        r.getString(8),
                        r.getString(9)),
                Secrets.sha256(token))
            .orElseThrow(
                () -> new ProblemException(401, "delegation-required", "unknown delegation"));
    if (!row.sessionHash().equals(principal.sessionHash())) {
      throw new ProblemException(
          403, "delegation-not-yours", "this delegation belongs to another session");
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
    ActingAs actingAs = ActingAs.valueOf(row.actingAs());
    if (!scopes.contains(needed) || !actingAs.allows(needed)) {
      throw new ProblemException(
          403,
          "scope-missing",
          "the person did not allow " + needed.wire(),
          Map.of("scope", needed.wire()));
    }
    return new Grant(
        row.id(),
        row.consentId(),
        row.personId(),
        actingAs,
        row.identificationId(),
        scopes,
        row.expires());
  }

  /** Revokes a delegation of this mediator; revoking it again changes nothing. */
  void revoke(Connection c, Principal principal, String delegationId, Audit audit)
      throws SQLException {
    record Row(String personId, String consentId, String mediatorId, String revoked) {}
    Row row =
        Database.one(
                c,
                "SELECT person_id, consent_id, mediator_id, revoked_at FROM delegation WHERE id = ?",
                r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                delegationId)
            .filter(r -> r.mediatorId().equals(principal.mediatorId()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "delegation-unknown", "no such delegation for this mediator"));
    audit.personId = row.personId();
    audit.consentId = row.consentId();
    if (row.revoked() == null) {
      Database.update(
          c,
          "UPDATE delegation SET revoked_at = ? WHERE id = ?",
          rules.clock().instant().toString(),
          delegationId);
    }
    journal.append(c, audit.chain(), audit.line("OK", delegationId));
  }

  /**
   * Checks the one-time code of the letter before an activation, and uses it up: a code is good
   * once. A wrong code counts as a failed attempt on the person.
   */
  void checkLetterCode(Connection c, String personId, String code, Principal principal, Audit audit)
      throws SQLException {
    People.Person person = People.require(c, personId);
    throttle.check(c, personSubject(personId), "identification-locked");
    if (!letterCodeMatches(c, person, code)) {
      countFailure(principal, person, audit);
      throw new ProblemException(
          422, "activation-code-wrong", "the code does not match the letter's");
    }
    Database.update(c, "UPDATE person SET activation_code_hash = NULL WHERE id = ?", personId);
  }

  /** The proofs shown for the identification behind a grant. */
  Set<String> proofs(Connection c, Grant grant) throws SQLException {
    return Database.one(
            c,
            "SELECT proofs FROM identification WHERE id = ?",
            r -> r.getString(1),
            grant.identificationId())
        .map(p -> (Set<String>) new TreeSet<>(Arrays.asList(p.split(" "))))
        .orElse(Set.of());
  }

  private Identification identification(
      Connection c, String id, People.Person person, Set<String> proofs, Instant expires)
      throws SQLException {
    return new Identification(
        id,
        person.id(),
        person.first(),
        person.last(),
        person.birth().getYear(),
        List.copyOf(new TreeSet<>(proofs)),
        strength(proofs),
        expires,
        People.represented(c, person.id()));
  }

  private People.Person personByNir(Connection c, String typed, Principal principal, Audit audit)
      throws SQLException {
    Nir nir = Nir.parse(typed);
    People.Person person = People.byNir(c, nir.value()).orElse(null);
    if (person == null) {
      countFailure(principal, null, audit);
      throw new ProblemException(404, "identification-failed", "no match for " + nir.masked());
    }
    audit.personId = person.id();
    throttle.check(c, personSubject(person.id()), "identification-locked");
    return person;
  }

  private People.Person redeemContactCode(
      Connection c, Principal principal, String challengeId, String code, Audit audit)
      throws SQLException {
    record Challenge(
        String personId, String mediatorId, String codeHash, Instant expires, String used) {}
    Challenge ch =
        challengeId == null
            ? null
            : Database.one(
                    c,
                    "SELECT person_id, mediator_id, code_hash, expires_at, used_at FROM contact_challenge WHERE id = ?",
                    r ->
                        new Challenge(
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            Instant.parse(r.getString(4)),
                            r.getString(5)),
                    challengeId)
                .filter(x -> x.mediatorId().equals(principal.mediatorId()))
                .orElse(null);
    if (ch == null) {
      throw new ProblemException(
          404, "identification-unknown", "no such code was sent by this mediator");
    }
    People.Person person = People.require(c, ch.personId());
    audit.personId = person.id();
    throttle.check(c, personSubject(person.id()), "identification-locked");
    if (ch.used() != null || !rules.clock().instant().isBefore(ch.expires())) {
      throw new ProblemException(
          410, "code-expired", "this code was used or is too old: send a new one");
    }
    boolean ok =
        code != null
            && MessageDigest.isEqual(
                Secrets.sha256(challengeId + code.strip()).getBytes(), ch.codeHash().getBytes());
    refuseUnless(ok, principal, person, audit, "contact code does not match");
    Database.update(
        c,
        "UPDATE contact_challenge SET used_at = ? WHERE id = ?",
        rules.clock().instant().toString(),
        challengeId);
    return person;
  }

  private boolean letterCodeMatches(Connection c, People.Person person, String code)
      throws SQLException {
    record Letter(String hash, String expires) {}
    Letter letter =
        Database.one(
                c,
                "SELECT activation_code_hash, activation_code_expires_on FROM person WHERE id = ?",
                r -> new Letter(r.getString(1), r.getString(2)),
                person.id())
            .orElseThrow();
    if (letter.hash() == null || code == null) {
      return false;
    }
    if (letter.expires() != null && rules.today().isAfter(LocalDate.parse(letter.expires()))) {
      throw new ProblemException(
          410, "code-expired", "the letter's code has expired: ask for a new one");
    }
    String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return MessageDigest.isEqual(Secrets.sha256(normalised).getBytes(), letter.hash().getBytes());
  }

  private void refuseUnless(
      boolean ok, Principal principal, People.Person person, Audit audit, String why) {
    if (!ok) {
      countFailure(principal, person, audit);
      throw new ProblemException(404, "identification-failed", why);
    }
  }

  private void countFailure(Principal principal, People.Person person, Audit audit) {
    audit.onRefusal(
        tx -> {
          throttle.fail(tx, mediatorSubject(principal), Throttle.Limit.MEDIATOR);
          if (person != null) {
            throttle.fail(tx, personSubject(person.id()), Throttle.Limit.PERSON);
          }
          return null;
        });
  }

  static String strength(java.util.Collection<String> proofs) {
    return proofs.size() >= 2 ? "STRONG" : "STANDARD";
  }

  private static void requireBirthDate(LocalDate birthDate) {
    if (birthDate == null) {
      throw new InvalidValue("invalid.birthdate.empty");
    }
  }

  private static String mediatorSubject(Principal p) {
    return "identify-mediator:" + p.mediatorId();
  }

  private static String personSubject(String personId) {
    return "identify-person:" + personId;
  }

  /** "j***@example.org", "06 ** ** ** 01": enough for the person to recognise, not to reuse. */
  static String mask(String destination) {
    int at = destination.indexOf('@');
    if (at > 0) {
      return destination.charAt(0) + "***" + destination.substring(at);
    }
    String digits = destination.replaceAll("\\D", "");
    return digits.length() < 4
        ? "**"
        : digits.substring(0, 2) + " ** ** ** " + digits.substring(digits.length() - 2);
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
