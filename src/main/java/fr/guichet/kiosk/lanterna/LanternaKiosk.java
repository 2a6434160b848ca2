package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import com.googlecode.lanterna.terminal.swing.SwingTerminalFontConfiguration;
import com.googlecode.lanterna.terminal.swing.SwingTerminalFrame;
import fr.guichet.i18n.Messages;
import fr.guichet.kiosk.Key;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.View;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The kiosk on a real terminal (or Lanterna's virtual one in tests, or a large-text window): reads
 * keys, hands them to the {@link Kiosk}, draws the server's answers as they come (the kiosk asks
 * the server off this thread, so a key is always answered at once), ticks its clock four times a
 * second, draws its view in the kiosk's theme, puts the hardware cursor on the focused element.
 * When the screen changes (a sitting ends, say) the whole terminal is cleared, so nothing of the
 * previous person stays visible. Ctrl+C leaves at once, whatever the kiosk waits for.
 *
 * <pre>{@code
 * try (LanternaKiosk ui = LanternaKiosk.onSystemTerminal(kiosk)) { ui.run(); }
 * }</pre>
 */
public final class LanternaKiosk implements AutoCloseable {
  /**
   * What the terminal is written in, whatever the locale ({@code LANG=C} included): the terminal,
   * not the locale, says what it draws, and every terminal of a counter draws UTF-8.
   */
  static final Charset CHARSET = StandardCharsets.UTF_8;

  /** How often the inactivity clock is looked at. */
  static final Duration TICK = Duration.ofMillis(250);

  /**
   * How long the loop sleeps when no key is waiting: short enough that a key is answered at once.
   */
  private static final long POLL_MILLIS = 10;

  /** There is no graphical display for the large-text window. */
  public static final class NoDisplay extends Exception {
    NoDisplay(String message) {
      super(message);
    }
  }

  private final Screen screen;
  private final Kiosk kiosk;
  private long drawnChanges = -1;

  /** The page asked for with Pg↑ and Pg↓ on a screen too tall, or -1: the focused one. */
  private int page = -1;

  /** What was drawn last: the page shown and how many. */
  private ViewPainter.Painted painted;

  public LanternaKiosk(Terminal terminal, Kiosk kiosk) throws IOException {
    this.screen = new TerminalScreen(terminal);
    this.kiosk = kiosk;
    screen.startScreen();
  }

  /**
   * The text terminal the program runs in (never a Swing window). On Unix, a {@link KioskTerminal}:
   * set up with one process rather than Lanterna's seven; Ctrl+C arrives as a key and ends {@link
   * #run()} at once, the caller then restores the terminal.
   */
  public static LanternaKiosk onSystemTerminal(Kiosk kiosk) throws IOException {
    Terminal terminal =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
            ? new DefaultTerminalFactory(System.out, System.in, CHARSET)
                .setForceTextTerminal(true)
                .createTerminal()
            : new KioskTerminal(UnixTerminal.CtrlCBehaviour.TRAP);
    return new LanternaKiosk(terminal, kiosk);
  }

  /**
   * The kiosk in a window of its own with a large font, maximised, for people who see badly: 80
   * columns by 24 rows fill the screen, and more fit when the screen is larger. Needs a graphical
   * display.
   */
  public static LanternaKiosk inWindow(Kiosk kiosk) throws IOException, NoDisplay {
    if (GraphicsEnvironment.isHeadless()) {
      throw new NoDisplay(
          "--window needs a graphical display, and there is none here"
              + (System.getenv("DISPLAY") == null ? " (DISPLAY is not set)" : "")
              + ". Run the kiosk in a text terminal without --window, or start it from the desktop.");
    }
    try {
      Rectangle room = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
      int size = fontSize(room.width, room.height);
      SwingTerminalFrame frame =
          new DefaultTerminalFactory()
              .setInitialTerminalSize(new TerminalSize(80, 24))
              .setTerminalEmulatorTitle("Guichet")
              .setTerminalEmulatorFontConfiguration(
                  SwingTerminalFontConfiguration.newInstance(
                      // DejaVu Sans Mono first: it has the Arabic presentation forms and the box
                      // drawing.
                      new Font("DejaVu Sans Mono", Font.PLAIN, size),
                      new Font(Font.MONOSPACED, Font.PLAIN, size)))
              .createSwingTerminal();
      frame.setDefaultCloseOperation(javax.swing.WindowConstants.DISPOSE_ON_CLOSE);
      frame.setExtendedState(java.awt.Frame.MAXIMIZED_BOTH);
      frame.setVisible(true);
      return new LanternaKiosk(frame, kiosk);
    } catch (HeadlessException e) {
      throw new NoDisplay("--window needs a graphical display: " + e.getMessage());
    }
  }

  /** The font size (points) at which 80×24 cells fill a screen of this many pixels. */
  static int fontSize(int widthPixels, int heightPixels) {
    // A monospaced cell is about 0.6 em wide and 1.2 em high.
    int byWidth = (int) (widthPixels / 80 / 0.6);
    int byHeight = (int) (heightPixels / 24 / 1.2);
    return Math.max(14, Math.min(byWidth, byHeight));
  }

  /**
   * Reads and handles keys until the kiosk asks to quit, Ctrl+C, or input ends; between keys, draws
   * the server's answers as they come, ticks the clock every {@link #TICK} and redraws when a
   * countdown (or the terminal's size) changed.
   */
  public void run() throws IOException {
    draw();
    kiosk.firstScreenShown();
    long nextTick = System.nanoTime() + TICK.toNanos();
    while (!kiosk.quitRequested()) {
      KeyStroke stroke = screen.pollInput();
      if (stroke != null) {
        if (stroke.getKeyType() == KeyType.EOF || interrupts(stroke)) {
          return;
        }
        handle(stroke);
        continue;
      }
      if (kiosk.settle()) {
        draw();
      }
      if (System.nanoTime() >= nextTick) {
        tick();
        nextTick = System.nanoTime() + TICK.toNanos();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One look at the clock (and the terminal's size): redraws if anything changed. */
  public void tick() throws IOException {
    boolean resized = screen.doResizeIfNecessary() != null;
    if (kiosk.tick() || resized) {
      draw();
    }
  }

  /** Ctrl+C: the terminal's interrupt, which reaches the program as a key. */
  static boolean interrupts(KeyStroke stroke) {
    return stroke.getKeyType() == KeyType.Character
        && stroke.isCtrlDown()
        && !stroke.isAltDown()
        && Character.toLowerCase(stroke.getCharacter()) == 'c';
  }

  /**
   * Handles every key already waiting, then draws once what they led to (for tests driving a
   * virtual terminal, which read the screen after a run of keys). False when one of the keys was
   * Ctrl+C, which ends the kiosk.
   */
  public boolean drainInput() throws IOException {
    KeyStroke stroke;
    while ((stroke = screen.pollInput()) != null && stroke.getKeyType() != KeyType.EOF) {
      if (interrupts(stroke)) {
        return false;
      }
      press(stroke);
    }
    kiosk.settle();
    draw();
    return true;
  }

  /** Draws the server's answers already come, if any. */
  public void settle() throws IOException {
    if (kiosk.settle()) {
      draw();
    }
  }

  private void handle(KeyStroke stroke) throws IOException {
    press(stroke);
    draw();
  }

  /**
   * Pg↑ and Pg↓ turn the pages of a screen too tall for the terminal (the kiosk does not see them);
   * any other key goes to the kiosk, and the page follows the focus again.
   */
  private void press(KeyStroke stroke) {
    if (stroke.getKeyType() == KeyType.PageDown || stroke.getKeyType() == KeyType.PageUp) {
      int shown = painted == null ? 0 : painted.page();
      int last = painted == null ? 0 : painted.pages() - 1;
      page =
          Math.max(0, Math.min(last, shown + (stroke.getKeyType() == KeyType.PageDown ? 1 : -1)));
      return;
    }
    page = -1;
    Key key = KeyTranslator.translate(stroke);
    if (key != null) {
      kiosk.press(key);
    }
  }

  public void draw() throws IOException {
    screen.doResizeIfNecessary();
    View view = kiosk.view();
    boolean newScreen = kiosk.screenChanges() != drawnChanges;
    if (newScreen) {
      screen.clear();
      drawnChanges = kiosk.screenChanges();
      page = -1;
    }
    String languages =
        kiosk.language().label()
            + (kiosk.language().needsTranslationFor(kiosk.mediatorLanguage())
                ? " · " + kiosk.mediatorLanguage().tag()
                : "");
    Messages person = Messages.of(kiosk.language());
    Messages mediator =
        kiosk.language().needsTranslationFor(kiosk.mediatorLanguage())
            ? Messages.of(kiosk.mediatorLanguage())
            : null;
    String network = person.text(kiosk.online() ? "network.online" : "network.offline");
    String header =
        " Guichet · Mon Espace Santé   ["
            + languages
            + "]   "
            + (kiosk.online() ? "● " : "○ ")
            + network
            + " ";
    painted =
        ViewPainter.paint(
            view,
            header,
            (at, of) -> {
              Map<String, Object> pages = Map.of("page", at, "pages", of);
              return Arrays.asList(
                  person.text("page.more", pages),
                  mediator == null ? null : mediator.text("page.more", pages));
            },
            kiosk.theme(),
            screen.newTextGraphics(),
            screen.getTerminalSize(),
            page);
    screen.setCursorPosition(painted.cursor());
    screen.refresh(newScreen ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
  }

  @Override
  public void close() throws IOException {
    screen.stopScreen();
  }
}
