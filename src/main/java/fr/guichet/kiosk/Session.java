package fr.guichet.kiosk;

import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Who is at the counter: the mediator logged in, and the sitting in progress (the one person being
 * helped), in memory only. Ending the sitting gives back the delegations to revoke; logging out
 * gives back the session to end.
 *
 * <pre>{@code
 * session.logIn(me);
 * session.change(s -> Sitting.of(who, nir, birth));
 * List<Delegation> toRevoke = session.endSitting();
 * }</pre>
 */
final class Session {
  private MediatorSession mediator;
  private Sitting sitting;

  void logIn(MediatorSession session) {
    this.mediator = session;
  }

  MediatorSession mediator() {
    return mediator;
  }

  Sitting sitting() {
    return sitting;
  }

  /** The sitting begins ({@code change} ignores the null it is given) or changes. */
  void change(UnaryOperator<Sitting> change) {
    sitting = change.apply(sitting);
  }

  /** Forgets the person; returns the delegations to revoke (the account's, the profile's). */
  List<Delegation> endSitting() {
    Sitting ending = sitting;
    sitting = null;
    return ending == null ? List.of() : ending.delegations();
  }

  /**
   * Forgets the mediator (after the sitting); returns the session to end on the server, or null.
   */
  MediatorSession logOut() {
    MediatorSession leaving = mediator;
    mediator = null;
    return leaving;
  }
}
