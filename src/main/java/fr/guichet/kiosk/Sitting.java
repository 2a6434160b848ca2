package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActingKind;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.ProofStrength;
import fr.guichet.contract.Represented;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import java.util.Optional;

/**
 * The one person being helped now, in memory only: who they are (and the papers they showed, needed
 * again to send them a code), for whom they act (themself, a child, a protected adult, a person
 * they care for), the live delegation once they consented, the medical profile assistant's own
 * delegation, and what the server last said of the space. Dropped when the sitting ends.
 *
 * @param birthDate as typed, {@code 00} for a part the civil status does not know
 * @param target the person whose space this is, or null for the identified person themself
 * @param profile the second delegation, for the medical profile assistant (its own consent), or
 *     null
 */
record Sitting(
    Identification person,
    String nir,
    BirthDate birthDate,
    Represented target,
    Delegation delegation,
    AccountStatus account,
    Delegation profile) {

  static Sitting of(Identification person, String nir, BirthDate birthDate) {
    return new Sitting(person, nir, birthDate, null, null, null, null);
  }

  Sitting forTarget(Represented t) {
    return new Sitting(person, nir, birthDate, t, delegation, account, profile);
  }

  Sitting withPerson(Identification p) {
    return new Sitting(p, nir, birthDate, target, delegation, account, profile);
  }

  Sitting withDelegation(Delegation d) {
    return new Sitting(person, nir, birthDate, target, d, account, profile);
  }

  Sitting withAccount(AccountStatus a) {
    return new Sitting(person, nir, birthDate, target, delegation, a, profile);
  }

  Sitting withProfile(Delegation d) {
    return new Sitting(person, nir, birthDate, target, delegation, account, d);
  }

  /** The id of the space this sitting is about. */
  String targetId() {
    return target == null ? person.personId() : target.personId();
  }

  /** The name of the person whose space this is. */
  String displayName() {
    return target == null
        ? person.firstName() + " " + person.lastName()
        : target.firstName() + " " + target.lastName();
  }

  int birthYear() {
    return target == null ? person.birthYear() : target.birthYear();
  }

  /** First name, initial and birth year: how receipts and the pending list name a person. */
  String shortName() {
    String last = target == null ? person.lastName() : target.lastName();
    String first = target == null ? person.firstName() : target.firstName();
    return first + " " + last.charAt(0) + ". (" + birthYear() + ")";
  }

  /**
   * The domain's rules for someone acting this way (the wire's names are the domain's), or none for
   * a way this build does not know, which is then offered nothing.
   */
  static Optional<ActingAs> rules(ActingKind kind) {
    return kind == ActingKind.UNKNOWN
        ? Optional.empty()
        : Optional.of(ActingAs.valueOf(kind.name()));
  }

  /** How the person at the counter acts on this space: for themself, or as whom. */
  ActingKind actingKind() {
    return target == null ? ActingKind.SELF : target.actingKind();
  }

  boolean hasScope(String scope) {
    return delegation != null && delegation.scopes().contains(scope);
  }

  boolean strong() {
    return person.proofStrength() == ProofStrength.STRONG;
  }
}
