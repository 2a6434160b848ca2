package fr.guichet.sandbox;

import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.InvalidValue;
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

/**
 * Who is sitting at the counter: the person is identified by their NIR, birth date and Carte
 * Vitale, by the one-time code of the letter that announced their space, or by a code sent to the
 * contact the insurer holds; a second proof makes the identification strong. Failed attempts are
 * counted per person and per mediator, and lock identification for a while once too many.
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
    IdentificationStore.Identified idn =
        new IdentificationStore.Identified(
            "idn-" + UUID.randomUUID(),
            principal.mediatorId(),
            person.id(),
            new TreeSet<>(Set.of(proof)),
            now.plus(rules.identificationValidity()));
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
    Person person = personByNir(c, request.nir(), principal, audit);
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
    requireLive(idn);
    throttle.check(c, personSubject(idn.personId()), "identification-locked");
    Person person = persons.require(c, idn.personId());
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

  /** Refuses an identification older than the time it may wait for the person's consent. */
  void requireLive(IdentificationStore.Identified idn) {
    if (!rules.clock().instant().isBefore(idn.expires())) {
      throw new ProblemException(410, "identification-expired", "identify the person again");
    }
  }

  /**
   * Checks the one-time code of the letter before an activation, and uses it up: a code is good
   * once. A wrong code counts as a failed attempt on the person.
   */
  void checkLetterCode(Connection c, String personId, String code, Principal principal, Audit audit)
      throws SQLException {
    Person person = persons.require(c, personId);
    throttle.check(c, personSubject(personId), "identification-locked");
    if (!letterCodeMatches(c, person, code)) {
      countFailure(principal, person, audit);
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
        person.birth().getYear(),
        List.copyOf(idn.proofs()),
        idn.strength(),
        idn.expires(),
        representations.represented(c, person.id()));
  }

  private Person personByNir(Connection c, String typed, Principal principal, Audit audit)
      throws SQLException {
    Nir nir = Nir.parse(typed);
    Person person = persons.findByNir(c, nir.value()).orElse(null);
    if (person == null) {
      countFailure(principal, null, audit);
      throw new ProblemException(404, "identification-failed", "no match for " + nir.masked());
    }
    audit.personId = person.id();
    throttle.check(c, personSubject(person.id()), "identification-locked");
    return person;
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
    throttle.check(c, personSubject(person.id()), "identification-locked");
    Instant now = rules.clock().instant();
    if (ch.used() != null || !now.isBefore(ch.expires())) {
      throw new ProblemException(
          410, "code-expired", "this code was used or is too old: send a new one");
    }
    boolean ok =
        code != null
            && MessageDigest.isEqual(
                Secrets.sha256(challengeId + code.strip()).getBytes(), ch.codeHash().getBytes());
    refuseUnless(ok, principal, person, audit, "contact code does not match");
    challenges.markUsed(c, challengeId, now);
    return person;
  }

  private boolean letterCodeMatches(Connection c, Person person, String code) throws SQLException {
    Optional<PersonStore.LetterCode> letter = persons.letterCode(c, person.id());
    if (letter.isEmpty() || code == null) {
      return false;
    }
    LocalDate expires = letter.get().expiresOn();
    if (expires != null && rules.today().isAfter(expires)) {
      throw new ProblemException(
          410, "code-expired", "the letter's code has expired: ask for a new one");
    }
    String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return MessageDigest.isEqual(
        Secrets.sha256(normalised).getBytes(), letter.get().hash().getBytes());
  }

  private void refuseUnless(
      boolean ok, Principal principal, Person person, Audit audit, String why) {
    if (!ok) {
      countFailure(principal, person, audit);
      throw new ProblemException(404, "identification-failed", why);
    }
  }

  private void countFailure(Principal principal, Person person, Audit audit) {
    audit.onRefusal(
        tx -> {
          throttle.fail(tx, mediatorSubject(principal), Throttle.Limit.MEDIATOR);
          if (person != null) {
            throttle.fail(tx, personSubject(person.id()), Throttle.Limit.PERSON);
          }
          return null;
        });
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
}
