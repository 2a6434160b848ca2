package fr.guichet.kiosk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * The echo of a Unix terminal, set with {@code stty} on {@code /dev/tty}, as a password prompt
 * does. Once turned off, it is turned on again when the program ends, whatever ends it (Ctrl+C
 * included), so that the terminal is never left blind.
 *
 * <pre>{@code
 * Echo echo = new TerminalEcho();
 * echo.hide();
 * }</pre>
 */
final class TerminalEcho implements Echo {
  static final File TTY = new File("/dev/tty");
  private static final String STTY = "/bin/stty";

  private boolean hidden;
  private boolean restoredAtExit;

  @Override
  public synchronized void hide() {
    if (hidden) {
      return;
    }
    if (!restoredAtExit) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::show, "terminal-echo"));
      restoredAtExit = true;
    }
    stty("-echo");
    hidden = true;
  }

  @Override
  public synchronized void show() {
    if (hidden) {
      stty("echo");
      hidden = false;
    }
  }

  private static void stty(String setting) {
    try {
      Process stty =
          new ProcessBuilder(STTY, setting)
              .redirectInput(Redirect.from(TTY))
              .redirectOutput(Redirect.DISCARD)
              .redirectError(Redirect.DISCARD)
              .start();
      if (stty.waitFor() != 0) {
        throw new IllegalStateException("stty " + setting + " failed on " + TTY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set the terminal's echo with " + STTY, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
