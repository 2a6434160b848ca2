package fr.guichet.cli;

import fr.guichet.contract.Problem;

/**
 * A command stops before its end: why (the {@link Outcome}, hence the exit code), the sentence to
 * show, already in the chosen language, and the server's problem when there was one.
 */
final class Stop extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Outcome outcome;
  private final transient Problem problem;

  Stop(Outcome outcome, String sentence) {
    this(outcome, sentence, null);
  }

  Stop(Outcome outcome, String sentence, Problem problem) {
    super(sentence, null, false, false);
    this.outcome = outcome;
    this.problem = problem;
  }

  Outcome outcome() {
    return outcome;
  }

  /** The server's problem, or null when the command line stopped by itself. */
  Problem problem() {
    return problem;
  }

  /** The sentence to show. */
  String sentence() {
    return getMessage();
  }
}
