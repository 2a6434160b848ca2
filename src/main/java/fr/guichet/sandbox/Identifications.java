package fr.guichet.sandbox;

import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.Nir;
import fr.guichet.domain.VitaleSerial;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who is sitting at the counter: the person is identified by their NIR, birth date and Carte
 * Vitale, by the one-time code of the letter that announced their space, or by a code sent to the
 * contact the insurer holds; a second proof makes the identification strong. Failed attempts are
 * counted per NIR typed and per mediator, and lock identification for a while once too many. An
 * identification lives only inside its sitting: the mediator's session it was made in, until the
 * sitting ends (its last delegation revoked, the end of sitting, the logout) or it expires. A birth
 * date is matched on the parts the civil status knows ({@code 00} for the others).
 *
 * <p>No answer tells whether a NIR names someone: every paper is read before anyone is looked up,
 * an unknown NIR, a wrong birth date, a wrong card or letter code get the same 404 with the same
 * body, and the lock is kept per NIR typed, known or not. The journal (the person's, when there is
 * one) says what did not match.
 *
 * <pre>{@code
 * Identification who = identifications.identify(c, principal, request, audit);
 * ContactChallenge sent = identifications.sendContactCode(c, principal, codeRequest, audit);
 * Identification strong = identifications.addProof(c, principal, who.identificationId(), proof, audit);
 * }</pre>
 */
final class Identifications {
  static final String VITALE = "VITALE";
  static final String LETTER_CODE = "LETTER_CODE";
  static final String CONTACT_CODE = "CONTACT_CODE";
  private static final Duration CONTACT_CODE_VALIDITY = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Rules rules;
  private final Journal journal;
  private final Throttle throttle;
  private final PersonStore persons;
  private final RepresentationStore representations;
  private final IdentificationStore identifications;
  private final ContactChallengeStore challenges;
  private final OutboxStore outbox;

  Identifications(
      Rules rules,
      Journal journal,
      Throttle throttle,
      PersonStore persons,
      RepresentationStore representations,
      IdentificationStore identifications,
      ContactChallengeStore challenges,
      OutboxStore outbox) {
    this.rules = rules;
    this.journal = journal;
    this.throttle = throttle;
    this.persons = persons;
    this.representations = representations;
    this.identifications = identifications;
    this.challenges = challenges;
    this.outbox = outbox;
  }

  Identification identify(
      Connection c, Principal principal, IdentificationRequest request, Audit audit)
      throws SQLException {
    String method = request.method() == null ? "" : request.method();
    throttle.check(c, mediatorSubject(principal), "identification-locked");
    Person person;
    String proof;
    switch (method) {
      case IdentificationRequest.NIR_BIRTHDATE_VITALE -> {
        // Every paper is read before anyone is looked up: a typing mistake gets the same 422
        // whether the NIR names someone or not.
        Nir nir = Nir.parse(request.nir());
        BirthDate born = BirthDate.read(request.birthDate(), rules.today());
        VitaleSerial typed = VitaleSerial.parse(request.vitaleSerial());
        Person found = byNir(c, nir, audit);
        boolean ok =
            found != null
                && found.birth().matches(born)
                && found.vitale() != null
                && new VitaleSerial(found.vitale()).matches(typed);
        refuseUnless(ok, principal, nir, found, audit, "birth date or Carte Vitale serial");
        person = found;
        proof = VITALE;
      }
      case IdentificationRequest.LETTER_CODE -> {
        Nir nir = Nir.parse(request.nir());
        Person found = byNir(c, nir, audit);
        refuseUnless(
            found != null && letterCodeMatches(c, found, request.code()),
            principal,
            nir,
            found,
            audit,
            "letter code");
        person = found;
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
    throttle.clear(c, nirSubject(person.nir()));
    Instant now = rules.clock().instant();
    IdentificationStore.Identified idn =
        new IdentificationStore.Identified(
            "idn-" + UUID.randomUUID(),
            principal.mediatorId(),
            principal.sessionHash(),
            person.id(),
            new TreeSet<>(Set.of(proof)),
            now.plus(rules.identificationValidity()),
            null);
    identifications.insert(c, idn, method, now);
    journal.append(
        c, audit.chain(), audit.line("OK", method + " " + Nir.parse(person.nir()).masked()));
    return identification(c, idn, person);
  }

  /** Sends a one-time code to the person's e-mail (else phone) and records it in the outbox. */
  ContactChallenge sendContactCode(
      Connection c, Principal principal, ContactCodeRequest request, Audit audit)
      throws SQLException {
    throttle.check(c, mediatorSubject(principal), "identification-locked");
    Nir nir = Nir.parse(request.nir());
    BirthDate born = BirthDate.read(request.birthDate(), rules.today());
    Person person = byNir(c, nir, audit);
    refuseUnless(
        person != null && person.birth().matches(born),
        principal,
        nir,
        person,
        audit,
        "birth date");
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
    challenges.insert(
        c,
        new ContactChallengeStore.Challenge(
            id, person.id(), principal.mediatorId(), Secrets.sha256(id + code), expires, null),
        channel,
        now);
    outbox.insert(
        c,
        person.id(),
        principal.structureId(),
        channel,
        destination,
        "Mon Espace Santé : votre code est "
            + code
            + ". Il est valable 10 minutes. Ne le donnez qu’à la personne qui vous aide.",
        now);
    journal.append(
        c, audit.chain(), audit.line("OK", "code sent by " + channel + " to " + mask(destination)));
    return new ContactChallenge(id, channel, mask(destination), expires);
  }

  /** Adds a proof to an identification of this mediator: two proofs make it strong. */
  Identification addProof(
      Connection c, Principal principal, String identificationId, ProofRequest proof, Audit audit)
      throws SQLException {
    IdentificationStore.Identified idn = mine(c, principal, identificationId);
    audit.personId = idn.personId();
    requireLive(idn, principal);
    Person person = persons.require(c, idn.personId());
    throttle.check(c, nirSubject(person.nir()), "identification-locked");
    String method = proof == null || proof.method() == null ? "" : proof.method();
    switch (method) {
      case VITALE ->
          refuseUnless(
              person.vitale() != null
                  && new VitaleSerial(person.vitale())
                      .matches(VitaleSerial.parse(proof.vitaleSerial())),
              principal,
              Nir.parse(person.nir()),
              person,
              audit,
              "Carte Vitale serial");
      case LETTER_CODE ->
          refuseUnless(
              letterCodeMatches(c, person, proof.code()),
              principal,
              Nir.parse(person.nir()),
              person,
              audit,
              "letter code");
      case CONTACT_CODE -> {
        Person redeemed = redeemContactCode(c, principal, proof.challengeId(), proof.code(), audit);
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
    IdentificationStore.Identified stronger = idn.withProof(method);
    identifications.saveProofs(c, stronger);
    journal.append(c, audit.chain(), audit.line("OK", method + " added: " + stronger.strength()));
    return identification(c, stronger, person);
  }

  /** An identification this mediator made, or the same 404 whether it is unknown or another's. */
  IdentificationStore.Identified mine(Connection c, Principal principal, String identificationId)
      throws SQLException {
    return identifications
        .find(c, identificationId)
        .filter(i -> i.mediatorId().equals(principal.mediatorId()))
        .orElseThrow(
            () ->
                new ProblemException(
                    404, "identification-unknown", "no such identification for this mediator"));
  }

  /**
   * Refuses an identification whose sitting is over (ended, logged out, or made in another session
   * of the mediator: the person may no longer be there), or older than the time it may wait for the
   * person's consent.
   */
  void requireLive(IdentificationStore.Identified idn, Principal principal) {
    if (idn.ended() != null || !principal.sessionHash().equals(idn.sessionHash())) {
      throw new ProblemException(
          410, "identification-ended", "the sitting is over: identify the person again");
    }
    if (!rules.clock().instant().isBefore(idn.expires())) {
      throw new ProblemException(410, "identification-expired", "identify the person again");
    }
  }

  /** Ends the sitting of an identification: no consent can be given on it any more. */
  void end(Connection c, String identificationId) throws SQLException {
    identifications.end(c, identificationId, rules.clock().instant());
  }

  /** Ends every sitting of a mediator's session (at logout). */
  void endSession(Connection c, Principal principal) throws SQLException {
    identifications.endSession(c, principal.sessionHash(), rules.clock().instant());
  }

  /**
   * Checks the one-time code of the letter before an activation, and uses it up: a code is good
   * once. A wrong code counts as a failed attempt on the person.
   */
  void checkLetterCode(Connection c, String personId, String code, Principal principal, Audit audit)
      throws SQLException {
    Person person = persons.require(c, personId);
    throttle.check(c, nirSubject(person.nir()), "identification-locked");
    if (!letterCodeMatches(c, person, code)) {
      countFailure(principal, person.nir(), audit);
      throw new ProblemException(
          422, "activation-code-wrong", "the code does not match the letter's");
    }
    persons.useLetterCode(c, personId);
  }

  /** The proofs given for the identification behind a grant. */
  Set<String> proofs(Connection c, Grant grant) throws SQLException {
    return identifications
        .find(c, grant.identificationId())
        .<Set<String>>map(IdentificationStore.Identified::proofs)
        .orElse(Set.of());
  }

  private Identification identification(
      Connection c, IdentificationStore.Identified idn, Person person) throws SQLException {
    return new Identification(
        idn.id(),
        person.id(),
        person.first(),
        person.last(),
        person.birth().year(),
        List.copyOf(idn.proofs()),
        idn.strength(),
        idn.expires(),
        representations.represented(c, person.id(), rules.today()));
  }

  /**
   * The person a NIR names, or null: a lookup that tells nothing by itself. The NIR's lock holds
   * whether it names someone or not, so that a lock says nothing about who exists either.
   */
  private Person byNir(Connection c, Nir nir, Audit audit) throws SQLException {
    Person person = persons.findByNir(c, nir.value()).orElse(null);
    if (person != null) {
      audit.personId = person.id(); // the refusals go into the person's own journal
    }
    throttle.check(c, nirSubject(nir.value()), "identification-locked");
    return person;
  }

  /**
   * The person whose papers a mediator typed for someone other than the person present (a
   * caregiver, a second parent: NIR, birth name, first name, birth date), counted and limited like
   * an identification: the same 404 {@code unknownSlug} whether the NIR names no one or another
   * paper differs, and {@code identification-locked} after too many failures.
   */
  Person lookUp(
      Connection c,
      Principal principal,
      String typedNir,
      Predicate<Person> papers,
      String unknownSlug,
      Audit audit)
      throws SQLException {
    throttle.check(c, mediatorSubject(principal), "identification-locked");
    Nir nir = Nir.parse(typedNir);
    throttle.check(c, nirSubject(nir.value()), "identification-locked");
    Optional<Person> person = persons.findByNir(c, nir.value()).filter(papers);
    if (person.isEmpty()) {
      countFailure(principal, nir.value(), audit);
      throw new ProblemException(404, unknownSlug, "no person with this NIR, name and birth date");
    }
    throttle.clear(c, nirSubject(nir.value()));
    return person.get();
  }

  private Person redeemContactCode(
      Connection c, Principal principal, String challengeId, String code, Audit audit)
      throws SQLException {
    ContactChallengeStore.Challenge ch =
        (challengeId == null
                ? Optional.<ContactChallengeStore.Challenge>empty()
                : challenges.find(c, challengeId))
            .filter(x -> x.mediatorId().equals(principal.mediatorId()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "identification-unknown", "no such code was sent by this mediator"));
    Person person = persons.require(c, ch.personId());
    audit.personId = person.id();
    throttle.check(c, nirSubject(person.nir()), "identification-locked");
    Instant now = rules.clock().instant();
    if (ch.used() != null || !now.isBefore(ch.expires())) {
      throw new ProblemException(
          410, "code-expired", "this code was used or is too old: send a new one");
    }
    boolean ok =
        code != null
            && MessageDigest.isEqual(
                Secrets.sha256(challengeId + code.strip()).getBytes(), ch.codeHash().getBytes());
    refuseUnless(ok, principal, Nir.parse(person.nir()), person, audit, "contact code");
    challenges.markUsed(c, challengeId, now);
    return person;
  }

  private boolean letterCodeMatches(Connection c, Person person, String code) throws SQLException {
    Optional<PersonStore.LetterCode> letter = persons.letterCode(c, person.id());
    if (letter.isEmpty() || code == null) {
      return false;
    }
    String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    boolean matches =
        MessageDigest.isEqual(
            Secrets.sha256(normalised).getBytes(), letter.get().hash().getBytes());
    // Only the holder of the code learns that it expired: to anyone else, a wrong code.
    LocalDate expires = letter.get().expiresOn();
    if (matches && expires != null && rules.today().isAfter(expires)) {
      throw new ProblemException(
          410, "code-expired", "the letter's code has expired: ask for a new one");
    }
    return matches;
  }

  /**
   * Refuses papers that do not match with the one answer an unknown NIR gets too (status and body);
   * the journal says what did not match.
   */
  private void refuseUnless(
      boolean ok, Principal principal, Nir nir, Person person, Audit audit, String paper) {
    if (!ok) {
      countFailure(principal, nir.value(), audit);
      String why =
          person == null ? "no person with NIR " + nir.masked() : paper + " does not match";
      throw new ProblemException(404, "identification-failed", why)
          .generic("no person matches these papers");
    }
  }

  private void countFailure(Principal principal, String nir, Audit audit) {
    audit.onRefusal(
        tx -> {
          throttle.fail(tx, mediatorSubject(principal), Throttle.Limit.MEDIATOR);
          throttle.fail(tx, nirSubject(nir), Throttle.Limit.PERSON);
          return null;
        });
  }

  private static String mediatorSubject(Principal p) {
    return "identify-mediator:" + p.mediatorId();
  }

  /** Failures are counted per NIR typed, known or not (hashed: the table holds no NIR). */
  private static String nirSubject(String nir) {
    return "identify-nir:" + Secrets.sha256(nir);
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
}
