package fr.guichet.kiosk;

import fr.guichet.api.AccountStatus;
import fr.guichet.api.Delegation;
import fr.guichet.api.Identification;
import java.util.ArrayList;
import java.util.List;

/**
 * The one person being helped now, in memory only: who they are, the live delegation once they
 * consented, and what the server last said of their space. Dropped when the sitting ends.
 *
 * @param profile the second delegation, for the medical profile assistant (its own consent), or null
 */
record Sitting(Identification person, Delegation delegation, AccountStatus account, Delegation profile) {
  Sitting(Identification person, Delegation delegation, AccountStatus account) {
    this(person, delegation, account, null);
  }

  Sitting withDelegation(Delegation d) {
    return new Sitting(person, d, account, profile);
  }

  Sitting withAccount(AccountStatus a) {
    return new Sitting(person, delegation, a, profile);
  }

  Sitting withProfile(Delegation d) {
    return new Sitting(person, delegation, account, d);
  }

  /** Every delegation of this sitting, to revoke them all when it ends. */
  List<Delegation> delegations() {
    List<Delegation> all = new ArrayList<>();
    if (delegation != null) {
      all.add(delegation);
    }
    if (profile != null) {
      all.add(profile);
    }
    return all;
  }

  String displayName() {
    return person.firstName() + " " + person.lastName();
  }
}
