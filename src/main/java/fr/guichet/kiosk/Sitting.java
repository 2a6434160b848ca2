package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActingKind;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.ProofStrength;
import fr.guichet.contract.Represented;
import fr.guichet.domain.BirthDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one person being helped now, in memory only: who they are (and the papers they showed, needed
 * again to send them a code), for whom they act (themself, a child, a protected adult, a person
 * they care for), the live delegation once they consented, the medical profile assistant's own
 * delegation, and what the server last said of the space. Dropped when the sitting ends. The person
 * may turn to another space they act for within the same sitting: its consent is asked again, and
 * until it is given the sitting as it was stays {@code before}, to come back to on a no.
 *
 * <pre>{@code
 * Sitting s = Sitting.of(who, nir, birth).forTarget(emma).withDelegation(d);
 * Sitting asking = s.switchingTo(null); // about the person themself now, their consent to ask
 * asking.opened(d2);                     // consented: s's delegations are to revoke
 * }</pre>
 *
 * @param birthDate as typed, {@code 00} for a part the civil status does not know
 * @param target the person whose space this is, or null for the identified person themself
 * @param profile the second delegation, for the medical profile assistant (its own consent), or
 *     null
 * @param before the sitting about another space, while the consent for this one is asked, or null
 */
record Sitting(
    Identification person,
    String nir,
    BirthDate birthDate,
    Represented target,
    Delegation delegation,
    AccountStatus account,
    Delegation profile,
    Sitting before) {

  static Sitting of(Identification person, String nir, BirthDate birthDate) {
    return new Sitting(person, nir, birthDate, null, null, null, null, null);
  }

  Sitting forTarget(Represented t) {
    return new Sitting(person, nir, birthDate, t, delegation, account, profile, before);
  }

  /**
   * The same person, about the space of {@code t} (null: their own): nothing of this space is kept
   * but this sitting itself, to come back to if the person says no to the new consent.
   */
  Sitting switchingTo(Represented t) {
    return new Sitting(person, nir, birthDate, t, null, null, null, this);
  }

  Sitting withPerson(Identification p) {
    return new Sitting(p, nir, birthDate, target, delegation, account, profile, before);
  }

  Sitting withDelegation(Delegation d) {
    return new Sitting(person, nir, birthDate, target, d, account, profile, before);
  }

  /** The first delegation for this space: the sitting about another space is over. */
  Sitting opened(Delegation d) {
    return new Sitting(person, nir, birthDate, target, d, account, profile, null);
  }

  Sitting withAccount(AccountStatus a) {
    return new Sitting(person, nir, birthDate, target, delegation, a, profile, before);
  }

  Sitting withProfile(Delegation d) {
    return new Sitting(person, nir, birthDate, target, delegation, account, d, before);
  }

  /** Every delegation of this sitting (the one left for another space too), to revoke them all. */
  List<Delegation> delegations() {
    List<Delegation> all = new ArrayList<>();
    if (delegation != null) {
      all.add(delegation);
    }
    if (profile != null) {
      all.add(profile);
    }
    if (before != null) {
      all.addAll(before.delegations());
    }
    return all;
  }

  /** Whether {@code who} (null: the identified person) is whom this sitting is about. */
  boolean about(Represented who) {
    return who == null
        ? target == null
        : target != null && target.personId().equals(who.personId());
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
