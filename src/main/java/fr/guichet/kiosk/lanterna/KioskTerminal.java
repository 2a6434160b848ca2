package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's Unix terminal, set up with one process instead of seven round trips. Lanterna runs
 * {@code stty} once per setting (save, {@code -icanon}, {@code min 1}, {@code -echo}, {@code intr
 * undef}), one process after another, then asks the terminal twice for its size with a
 * cursor-position report and waits for the answer: about a quarter of a second before the kiosk's
 * first screen. Here one {@code sh} saves the settings, sets them all and prints the size; the size
 * is taken from that until the terminal is resized (SIGWINCH), when {@code stty size} is asked
 * again.
 *
 * <p>On exit (a key, Ctrl+C, a kill) exactly the saved settings are put back, with one process.
 * With {@code intr} undefined, Ctrl+C arrives as a key: with {@link CtrlCBehaviour#TRAP} the
 * kiosk's loop takes it and ends at once, whatever the kiosk waits for, and the terminal is
 * restored as on any exit ({@link CtrlCBehaviour#CTRL_C_KILLS_APPLICATION} would instead end the
 * program from inside Lanterna's key reading).
 *
 * <p>It writes and reads UTF-8 whatever the locale: under {@code LANG=C} (as counter PCs often run)
 * the JVM's default is ASCII, which Lanterna would turn into {@code ?} for every accent and
 * pictogram and into the VT100 line-drawing set ({@code lqqk}) for every box.
 *
 * <p>Lanterna calls the setup methods from its constructor, before this class's fields are
 * initialised: the fields below therefore have no initialisers, and are set only by those calls.
 */
final class KioskTerminal extends UnixTerminal {
  private static final File TTY = new File("/dev/tty");
  private static final String STTY = "/bin/stty";

  /** Saves the settings ({@code -g}), sets the kiosk's, prints the size ("rows columns"). */
  private static final String SETUP =
      STTY + " -g && " + STTY + " -icanon min 1 -echo intr undef && " + STTY + " size";

  /** The {@code stty -g} settings to put back; null until saved. */
  private String saved;

  /**
   * The size read with the setup; null once the terminal was resized (or when it could not be
   * read).
   */
  private volatile TerminalSize knownSize;

  KioskTerminal(CtrlCBehaviour ctrlC) throws IOException {
    super(System.in, System.out, LanternaKiosk.CHARSET, ctrlC);
  }

  @Override
  protected void saveTerminalSettings() throws IOException {
    String[] lines = run("/bin/sh", "-c", SETUP).split("\n");
    if (lines.length < 1 || lines[0].isBlank()) {
      throw new IOException("stty could not read the terminal's settings");
    }
    saved = lines[0].trim();
    knownSize = lines.length > 1 ? parseSize(lines[1]) : null;
  }

  @Override
  protected void restoreTerminalSettings() throws IOException {
    if (saved != null) {
      run(STTY, saved);
    }
  }

  /** Done by {@link #saveTerminalSettings()}; undone by {@link #restoreTerminalSettings()}. */
  @Override
  protected void canonicalMode(boolean enabled) {}

  /** Done by {@link #saveTerminalSettings()}; undone by {@link #restoreTerminalSettings()}. */
  @Override
  protected void keyEchoEnabled(boolean enabled) {}

  /** Done by {@link #saveTerminalSettings()}; the saved {@code intr} comes back with the rest. */
  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) {}

  @Override
  protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
    super.registerTerminalResizeListener(
        () -> {
          knownSize = null;
          onResize.run();
        });
  }

  @Override
  protected TerminalSize findTerminalSize() throws IOException {
    TerminalSize size = knownSize;
    if (size == null) {
      size = parseSize(run(STTY, "size"));
    }
    // Neither stty nor the setup knew it (a pty without a size): ask the terminal, as Lanterna
    // does.
    return size != null ? size : super.findTerminalSize();
  }

  /** "24 80" as 80 columns by 24 rows; null when absent or zero. */
  static TerminalSize parseSize(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 2) {
      return null;
    }
    try {
      int rows = Integer.parseInt(parts[0]);
      int columns = Integer.parseInt(parts[1]);
      return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs a command with the terminal as its input; its output, lines kept apart. */
  private static String run(String... command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(TTY))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      in.transferTo(out);
    }
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
