package fr.guichet.kiosk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk as plain lines, for screen-reader and braille users: no full-screen drawing, no
 * colours, no cursor moves; each new screen is printed once as lines of text in logical order (the
 * screen reader does the bidi), and what the user types is read line by line. On a form, a line
 * fills the focused field (Enter included); elsewhere a line is the keys of the tiles ("1"), an
 * empty line is Enter, and {@code /f1} ... {@code /f12}, {@code /esc}, {@code /tab}, {@code /up},
 * {@code /down}, {@code /left}, {@code /right}, {@code /erase} are the other keys (the escape
 * sequences a terminal sends for F-keys work too). The server's answers are printed as they come; a
 * line typed at a terminal meanwhile is answered at once ({@code /esc} stops waiting), while a line
 * read from a script (input that is not a terminal) waits for the answer, as it was written for the
 * screen the answer leads to. The inactivity watch runs here as well. A password is never shown:
 * masked on the screen's line, and the terminal's echo off while it is typed.
 *
 * <pre>{@code
 * new PlainKiosk(kiosk, new InputStreamReader(System.in), new PrintWriter(System.out)).run();
 * }</pre>
 */
public final class PlainKiosk {
  private static final String END = "\u0000end";

  /** How often the server's answer is looked for while the kiosk waits for it. */
  private static final long ANSWER_POLL_MILLIS = 10;

  /** Escape sequences of xterm-like terminals for the keys a line can carry. */
  private static final Map<String, Key> SEQUENCES =
      Map.ofEntries(
          Map.entry("\u001bOP", Key.function(1)), Map.entry("\u001bOQ", Key.function(2)),
          Map.entry("\u001bOR", Key.function(3)), Map.entry("\u001bOS", Key.function(4)),
          Map.entry("\u001b[11~", Key.function(1)), Map.entry("\u001b[12~", Key.function(2)),
          Map.entry("\u001b[13~", Key.function(3)), Map.entry("\u001b[14~", Key.function(4)),
          Map.entry("\u001b[15~", Key.function(5)), Map.entry("\u001b[17~", Key.function(6)),
          Map.entry("\u001b[18~", Key.function(7)), Map.entry("\u001b[19~", Key.function(8)),
          Map.entry("\u001b[20~", Key.function(9)), Map.entry("\u001b[21~", Key.function(10)),
          Map.entry("\u001b[23~", Key.function(11)), Map.entry("\u001b[24~", Key.function(12)),
          Map.entry("\u001b[A", Key.UP), Map.entry("\u001b[B", Key.DOWN),
          Map.entry("\u001b[C", Key.RIGHT), Map.entry("\u001b[D", Key.LEFT));

  private final Kiosk kiosk;
  private final Reader in;
  private final PrintWriter out;
  private final Duration tick;
  private final boolean scripted;
  private final Echo echo;
  private String printedTitle;
  private String printed;

  /**
   * Lines from the program's terminal (its echo off while a password is typed), or from a script
   * when there is no terminal.
   */
  public PlainKiosk(Kiosk kiosk, Reader in, Writer out) {
    this(
        kiosk,
        in,
        out,
        Duration.ofMillis(250),
        System.console() == null,
        System.console() == null ? Echo.NONE : Echo.ofTerminal());
  }

  PlainKiosk(Kiosk kiosk, Reader in, Writer out, Duration tick, boolean scripted) {
    this(kiosk, in, out, tick, scripted, Echo.NONE);
  }

  /**
   * @param scripted the lines come from a script: each waits for the server's answer to the one
   *     before
   * @param echo the terminal's echo, off while a secret is typed
   */
  PlainKiosk(Kiosk kiosk, Reader in, Writer out, Duration tick, boolean scripted, Echo echo) {
    this.kiosk = kiosk;
    this.in = in;
    this.out = out instanceof PrintWriter p ? p : new PrintWriter(out, true);
    this.tick = tick;
    this.scripted = scripted;
    this.echo = echo;
    kiosk.typeAsLines();
  }

  /** Prints the first screen, then handles lines until the kiosk asks to quit or input ends. */
  public void run() {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(lines), "plain-kiosk-input");
    reader.setDaemon(true);
    reader.start();
    print(true);
    kiosk.firstScreenShown();
    try {
      while (!kiosk.quitRequested()) {
        boolean waiting = kiosk.busy();
        String line =
            waiting && scripted
                ? null
                : lines.poll(waiting ? ANSWER_POLL_MILLIS : tick.toMillis(), TimeUnit.MILLISECONDS);
        if (kiosk.settle()) {
          print(true);
        }
        if (line == null) {
          if (waiting && scripted) {
            Thread.sleep(ANSWER_POLL_MILLIS);
          } else if (kiosk.tick()) {
            print(false);
          }
          continue;
        }
        if (line.equals(END)) {
          if (scripted) {
            lastAnswer();
          }
          return;
        }
        keys(line, kiosk.personView().focus() >= 0).forEach(kiosk::press);
        print(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      echo.show();
    }
  }

  /** A script ended: the answer the kiosk still waits for is printed before leaving. */
  private void lastAnswer() throws InterruptedException {
    while (kiosk.busy()) {
      Thread.sleep(ANSWER_POLL_MILLIS);
    }
    if (kiosk.settle()) {
      print(true);
    }
  }

  /**
   * The keys one line stands for. On a form ({@code onForm}) the text goes into the field and Enter
   * follows; elsewhere each character is a key and an empty line is Enter.
   */
  static List<Key> keys(String line, boolean onForm) {
    String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    Optional<Key> command = command(text);
    if (command.isPresent()) {
      return List.of(command.get());
    }
    List<Key> keys = new ArrayList<>();
    int i = 0;
    String literal = text.startsWith("//") ? text.substring(1) : text;
    while (i < literal.length()) {
      Key sequence = null;
      for (Map.Entry<String, Key> e : SEQUENCES.entrySet()) {
        if (literal.startsWith(e.getKey(), i)) {
          sequence = e.getValue();
          i += e.getKey().length();
          break;
        }
      }
      if (sequence != null) {
        keys.add(sequence);
        continue;
      }
      char c = literal.charAt(i++);
      keys.add(c == '\u001b' ? Key.ESCAPE : Key.of(c));
    }
    if (onForm || keys.isEmpty()) {
      keys.add(Key.ENTER);
    }
    return keys;
  }

  private static Optional<Key> command(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (!t.startsWith("/") || t.startsWith("//")) {
      return Optional.empty();
    }
    if (t.matches("/f([1-9]|1[0-2])")) {
      return Optional.of(Key.function(Integer.parseInt(t.substring(2))));
    }
    return switch (t) {
      case "/esc", "/escape" -> Optional.of(Key.ESCAPE);
      case "/tab" -> Optional.of(Key.TAB);
      case "/up" -> Optional.of(Key.UP);
      case "/down" -> Optional.of(Key.DOWN);
      case "/left" -> Optional.of(Key.LEFT);
      case "/right" -> Optional.of(Key.RIGHT);
      case "/erase" -> Optional.of(Key.BACKSPACE);
      case "/enter" -> Optional.of(Key.ENTER);
      default -> Optional.empty();
    };
  }

  /**
   * Prints the screen if it changed. After a key, any change is printed; on a tick only a new
   * screen is (the countdown is printed when it starts, not every second).
   */
  private void print(boolean afterKey) {
    View v = kiosk.view();
    boolean secret =
        v.focus() >= 0 && v.focus() < v.fields().size() && v.fields().get(v.focus()).secret();
    if (secret) { // a password is never shown back, not even by the terminal
      echo.hide();
    } else {
      echo.show();
    }
    String text = format(v);
    boolean newScreen = !v.title().equals(printedTitle);
    if (text.equals(printed) || (!afterKey && !newScreen)) {
      return;
    }
    printed = text;
    printedTitle = v.title();
    out.print(text);
    out.flush();
  }

  /** One screen as plain lines, in logical order; a notice in the mediator's words too. */
  static String format(View v) {
    StringBuilder s = new StringBuilder("\n== ").append(v.title()).append(" ==\n");
    if (v.forWhom() != null) {
      s.append(v.forWhom()).append('\n');
    }
    v.lines().stream().filter(l -> !l.isBlank()).forEach(l -> s.append(l.strip()).append('\n'));
    for (int i = 0; i < v.fields().size(); i++) {
      View.Field f = v.fields().get(i);
      s.append(i == v.focus() ? "> " : "  ")
          .append(f.label())
          .append(": ")
          .append(f.shown())
          .append('\n');
    }
    v.tiles()
        .forEach(t -> s.append('[').append(t.key()).append("] ").append(t.label()).append('\n'));
    if (v.notice() != null) {
      s.append("! ").append(v.notice().text()).append('\n');
      View.Aside aside = v.aside();
      if (aside != null && aside.notice() != null && !aside.notice().equals(v.notice().text())) {
        s.append("! › ").append(aside.notice()).append('\n'); // for the mediator, always
      }
    }
    s.append(String.join(" · ", v.reminders())).append('\n');
    if (v.focus() >= 0 && v.focus() < v.fields().size()) {
      View.Field f = v.fields().get(v.focus());
      s.append(f.help()).append('\n').append(f.label()).append(": ");
    } else {
      s.append("> ");
    }
    return s.toString();
  }

  private void readLines(BlockingQueue<String> lines) {
    try (BufferedReader r = new BufferedReader(in)) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the keyboard", e);
    } finally {
      lines.add(END);
    }
  }
}
