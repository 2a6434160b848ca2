package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import fr.guichet.kiosk.Key;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.View;
import java.io.IOException;

/**
 * The kiosk on a real terminal (or Lanterna's virtual one in tests): reads keys, hands them to
 * the {@link Kiosk}, draws its view, puts the hardware cursor on the focused element. When the
 * screen changes (a sitting ends, say) the whole terminal is cleared, so nothing of the previous
 * person stays visible.
 *
 * <pre>{@code
 * try (LanternaKiosk ui = LanternaKiosk.onSystemTerminal(kiosk)) { ui.run(); }
 * }</pre>
 */
public final class LanternaKiosk implements AutoCloseable {
  private final Screen screen;
  private final Kiosk kiosk;
  private long drawnChanges = -1;

  public LanternaKiosk(Terminal terminal, Kiosk kiosk) throws IOException {
    this.screen = new TerminalScreen(terminal);
    this.kiosk = kiosk;
    screen.startScreen();
  }

  /** The text terminal the program runs in (never a Swing window). */
  public static LanternaKiosk onSystemTerminal(Kiosk kiosk) throws IOException {
    return new LanternaKiosk(new DefaultTerminalFactory().setForceTextTerminal(true).createTerminal(), kiosk);
  }

  /** Reads and handles keys until the kiosk asks to quit or input ends. */
  public void run() throws IOException {
    draw();
    while (!kiosk.quitRequested()) {
      KeyStroke stroke = screen.readInput();
      if (stroke == null || stroke.getKeyType() == KeyType.EOF) {
        return;
      }
      handle(stroke);
    }
  }

  /** Handles every key already waiting, then returns (for tests driving a virtual terminal). */
  public void drainInput() throws IOException {
    KeyStroke stroke;
    while ((stroke = screen.pollInput()) != null && stroke.getKeyType() != KeyType.EOF) {
      handle(stroke);
    }
  }

  private void handle(KeyStroke stroke) throws IOException {
    Key key = KeyTranslator.translate(stroke);
    if (key != null) {
      kiosk.press(key);
    }
    draw();
  }

  public void draw() throws IOException {
    screen.doResizeIfNecessary();
    View view = kiosk.view();
    boolean newScreen = kiosk.screenChanges() != drawnChanges;
    if (newScreen) {
      screen.clear();
      drawnChanges = kiosk.screenChanges();
    }
    String header = " Guichet · Mon Espace Santé   [" + kiosk.language().tag().toUpperCase(java.util.Locale.ROOT) + "]";
    TerminalPosition cursor = ViewPainter.paint(view, header, screen.newTextGraphics(), screen.getTerminalSize());
    screen.setCursorPosition(cursor);
    screen.refresh(newScreen ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
  }

  @Override
  public void close() throws IOException {
    screen.stopScreen();
  }
}
