package fr.guichet.kiosk;

import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.Problem;
import fr.guichet.i18n.Language;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Something a screen asks the kiosk to do, described as a value: the screen decides, the {@link
 * Kiosk} acts. A call to the server runs off the UI thread ({@link Runner}) and its answer comes
 * back to the screen as the step it leads to; the rest is done at once.
 *
 * <pre>{@code
 * Step.of(next, new Effect.ChangeSitting(s -> s.withAccount(account)), Effect.Command.END_SITTING);
 * }</pre>
 */
sealed interface Effect
    permits Effect.Call,
        Effect.Print,
        Effect.ChangeSitting,
        Effect.LogIn,
        Effect.Choose,
        Effect.Command {

  /** One request to the server through the port, given the key it is to carry. */
  @FunctionalInterface
  interface Request<T> {
    T send(DelegatedAccess server, RequestKey key);
  }

  /**
   * A call to the server, and what its answer leads to.
   *
   * @param kind what the waiting screen says, and whether the runner retries on its own
   * @param confirmed for a confirmed action kept in the pending actions (its key too), or null
   * @param key the key the request carries (made when the person confirmed), or null for a new one
   * @param done the step the server's answer leads to
   * @param refused the step a refusal leads to (or a network failure, unless the runner retries)
   */
  record Call<T>(
      Kind kind,
      Confirmed confirmed,
      RequestKey key,
      Request<T> request,
      Function<T, Step> done,
      Function<Problem, Step> refused)
      implements Effect {

    /** How the kiosk waits for an answer. */
    enum Kind {
      /** "Loading": a read; a network failure is said and the screen offers to try again. */
      READ,
      /** "Sending": a change not yet confirmed by the person; a network failure is said. */
      SEND,
      /**
       * "Sending" a change the person confirmed: on a network failure the runner says so and tries
       * again by itself, with the same key, until the server answers or the mediator stops waiting.
       */
      CONFIRMED
    }

    /** Reads from the server. */
    static <T> Call<T> read(
        Request<T> request, Function<T, Step> done, Function<Problem, Step> refused) {
      return new Call<>(Kind.READ, null, null, request, done, refused);
    }

    /** Sends a change with a new key; a network failure is said. */
    static <T> Call<T> send(
        Request<T> request, Function<T, Step> done, Function<Problem, Step> refused) {
      return new Call<>(Kind.SEND, null, null, request, done, refused);
    }

    /**
     * Sends an action the person confirmed, kept in the pending actions until the server answered:
     * its key is the pending one, the same after a failure or a restart.
     */
    static <T> Call<T> confirmed(
        Confirmed what,
        Request<T> request,
        Function<T, Step> done,
        Function<Problem, Step> refused) {
      return new Call<>(Kind.CONFIRMED, what, null, request, done, refused);
    }

    /** Sends a change the person confirmed with the key made at that moment. */
    static <T> Call<T> confirmed(
        RequestKey key,
        Request<T> request,
        Function<T, Step> done,
        Function<Problem, Step> refused) {
      return new Call<>(Kind.CONFIRMED, null, key, request, done, refused);
    }

    /** The step of an answer (a value of {@code T}, as the request gave it). */
    @SuppressWarnings("unchecked")
    Step answered(Object value) {
      return done.apply((T) value);
    }
  }

  /**
   * An action the person confirmed, as the pending actions keep it until the server answers.
   *
   * @param action the action's name ({@code RECORD_OPPOSITION}, {@code ADD_CAREGIVER}...)
   * @param personId the space it is about
   * @param personName how the mediator is told, at the next login, for whom it was
   */
  record Confirmed(String action, String personId, String personName) {}

  /** Print a document; if the printer fails, keep it for F8. The outcome is said at once. */
  record Print(String fileName, byte[] pdf) implements Effect {}

  /** The sitting begins or changes (the person consented, the account was read...). */
  record ChangeSitting(UnaryOperator<Sitting> change) implements Effect {}

  /**
   * Log the mediator in: the kiosk asks the server, then opens the identification of a person,
   * saying first which confirmed actions may have been left unconfirmed, and for whom (the names
   * are unlocked with the password, which is not kept). A refusal leads to {@code refused}.
   */
  record LogIn(LoginRequest login, Function<Problem, Step> refused) implements Effect {}

  /** The person's language becomes this one. */
  record Choose(Language language) implements Effect {}

  /** The kiosk's own moves. */
  enum Command implements Effect {
    /** Revoke the delegations, forget the person. */
    END_SITTING,
    /** Leave the program (from the login screen). */
    QUIT,
    /** Stop waiting for the server's answer and go back. */
    STOP_WAITING,
    /** Try again now, without waiting for the countdown. */
    RETRY_NOW
  }
}
