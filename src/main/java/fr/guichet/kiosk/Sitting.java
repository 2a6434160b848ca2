package fr.guichet.kiosk;

import fr.guichet.api.AccountStatus;
import fr.guichet.api.Delegation;
import fr.guichet.api.Identification;

/**
 * The one person being helped now, in memory only: who they are, the live delegation once they
 * consented, and what the server last said of their space. Dropped when the sitting ends.
 */
record Sitting(Identification person, Delegation delegation, AccountStatus account) {
  Sitting withDelegation(Delegation d) {
    return new Sitting(person, d, account);
  }

  Sitting withAccount(AccountStatus a) {
    return new Sitting(person, delegation, a);
  }

  String displayName() {
    return person.firstName() + " " + person.lastName();
  }
}
