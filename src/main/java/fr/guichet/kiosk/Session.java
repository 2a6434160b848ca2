package fr.guichet.kiosk;

import fr.guichet.contract.MediatorSession;
import java.util.function.UnaryOperator;

/**
 * Who is at the counter: the mediator logged in, and the sitting in progress (the one person being
 * helped), in memory only. Ending the sitting gives back the sitting to end on the server; logging
 * out gives back the session to end.
 *
 * <pre>{@code
 * session.logIn(me);
 * session.change(s -> Sitting.of(who, nir, birth));
 * Sitting ending = session.endSitting(); // its identification ends on the server
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

  /** Forgets the person; returns the sitting to end on the server, or null. */
  Sitting endSitting() {
    Sitting ending = sitting;
    sitting = null;
    return ending;
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
