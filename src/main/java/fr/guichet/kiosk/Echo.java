package fr.guichet.kiosk;

/**
 * Whether the terminal shows back what is typed. Plain mode reads lines the terminal echoes as they
 * are typed; while a secret is asked (the mediator's password) the echo is off, as at a password
 * prompt, and on again after. Lines that do not come from a terminal are never shown back, so there
 * is nothing to turn off: {@link #NONE}.
 *
 * <pre>{@code
 * Echo echo = Echo.ofTerminal();
 * echo.hide(); // the password is typed unseen
 * echo.show();
 * }</pre>
 */
interface Echo {
  /** Nothing to hide: the lines come from a script, or from a test. */
  Echo NONE =
      new Echo() {
        @Override
        public void hide() {}

        @Override
        public void show() {}
      };

  /** Turns the echo off; safe to call when it is already off. */
  void hide();

  /** Turns the echo on again; safe to call when it is on. */
  void show();

  /** The echo of the terminal the program runs in ({@link #NONE} where there is no Unix tty). */
  static Echo ofTerminal() {
    return TerminalEcho.TTY.exists() ? new TerminalEcho() : NONE;
  }
}
