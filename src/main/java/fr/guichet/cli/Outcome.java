package fr.guichet.cli;

import java.util.Locale;

/**
 * How a {@code guichet account} command ended, and its exit code: what a script tests, what {@code
 * --json} names in {@code outcome}, what the help footer and the README list.
 */
enum Outcome {
  /** Done (or read). */
  DONE(0),
  /** Refused by the rules or the server: deadline passed, wrong state, representation refused... */
  REFUSED(1),
  /**
   * A missing or mistyped option, a value that breaks a rule (a NIR's key), no terminal to confirm.
   */
  USAGE(2),
  /** The mediator's login was refused, or locked after too many attempts. */
  LOGIN_FAILED(3),
  /** The server did not answer. */
  UNREACHABLE(4),
  /** The person did not confirm: nothing was done. */
  NOT_CONFIRMED(5);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /** The name in JSON output: {@code done}, {@code refused}, {@code login-failed}... */
  String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
