package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import fr.guichet.kiosk.Kiosk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk drawn on Lanterna's virtual terminal: tests type keys and read what is really on
 * screen. The keys of one call are handled in a row and drawn once, then the server's answer is
 * awaited and drawn, as a person at the counter waits before the next step ({@link
 * #pressWhileWaiting} does not wait). A kiosk whose calls run on worker threads is given one key
 * that calls the server at a time.
 */
public final class VirtualScreen implements AutoCloseable {
  final DefaultVirtualTerminal terminal;
  final LanternaKiosk ui;
  final Kiosk kiosk;

  public VirtualScreen(Kiosk kiosk, int columns, int rows) {
    this.kiosk = kiosk;
    try {
      terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
      ui = new LanternaKiosk(terminal, kiosk);
      ui.draw();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Types text: its keys in a row, drawn once, then the answer awaited. */
  public VirtualScreen type(String text) {
    text.chars().forEach(c -> terminal.addInput(new KeyStroke((char) c, false, false)));
    drain();
    return awaitAnswer();
  }

  public VirtualScreen press(KeyType... keys) {
    for (KeyType k : keys) {
      terminal.addInput(new KeyStroke(k));
    }
    drain();
    return awaitAnswer();
  }

  /** One key, handled and drawn at once, without waiting for the server's answer. */
  public VirtualScreen pressWhileWaiting(KeyStroke stroke) {
    terminal.addInput(stroke);
    return drain();
  }

  /** Waits until the kiosk has the server's answer, and draws it. */
  public VirtualScreen awaitAnswer() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    try {
      while (kiosk.busy()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the server never answered:\n" + text());
        }
        Thread.sleep(1);
        ui.settle();
      }
      ui.settle();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public VirtualScreen enter() {
    return press(KeyType.Enter);
  }

  /** One look at the kiosk's clock, as the loop does four times a second. */
  public VirtualScreen tick() {
    try {
      ui.tick();
      return awaitAnswer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first row holding {@code text}, or -1. */
  public int rowOf(String text) {
    List<String> rows = rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private VirtualScreen drain() {
    try {
      ui.drainInput();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> rows() {
    List<String> rows = new ArrayList<>();
    TerminalSize size = terminal.getTerminalSize();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        line.append(terminal.getCharacter(c, r).getCharacterString());
      }
      rows.add(line.toString().stripTrailing());
    }
    return rows;
  }

  /** The screen as one string, rows joined by new lines. */
  public String text() {
    return String.join("\n", rows());
  }

  /** The screen with wrapped lines joined, to find a sentence whatever the width cut. */
  public String flowing() {
    return String.join(" ", rows().stream().map(String::strip).toList()).replaceAll(" +", " ");
  }

  public TerminalPosition cursor() {
    return terminal.getCursorBufferPosition();
  }

  @Override
  public void close() throws IOException {
    ui.close();
  }
}
