package fr.guichet.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.http.DelegatedAccessOverHttp;
import fr.guichet.kiosk.lanterna.LanternaKiosk;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Key press → screen redrawn, through Lanterna's virtual terminal at 80×24: the time from a key
 * waiting in the terminal's input to the kiosk having handled it and refreshed the screen (what
 * {@link LanternaKiosk} does for each key), in two places of a sitting: typing on the login form
 * (French), and the function keys on the account screen in Arabic with the French beside (theme
 * changes, help and back, legend and back, language and back: whole-screen redraws). The baseline
 * is bare Lanterna on the same terminal: a key polled, one line written, the screen refreshed. Keys
 * that wait for the server (Enter on a form) are left out: they measure the network. Prints {@code
 * NAME MEDIAN_MS P99_MS PRESSES CPU_MEDIAN_MS CPU_P99_MS}: the elapsed time, then the processor
 * time of the thread, which other work on the machine disturbs much less.
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "target/test-classes:target/classes:$DEPS" \
 *   fr.guichet.bench.KeyLatencyBench 5000
 * </pre>
 */
public final class KeyLatencyBench {
  private static final KeyStroke[] ACCOUNT_KEYS = {
    new KeyStroke(KeyType.F7), new KeyStroke(KeyType.F7), new KeyStroke(KeyType.F7),
    new KeyStroke(KeyType.F1), new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.F4),
    new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.F2), new KeyStroke(KeyType.F2)
  };

  private KeyLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int presses = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path data = Files.createTempDirectory("guichet-keybench-");
    try (DemoSandbox sandbox = new DemoSandbox(data.resolve("server"))) {
      report("key-bare", bare(presses));
      report("key-login", login(sandbox, data, presses));
      report("key-account", account(sandbox, data, presses));
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Elapsed and processor nanoseconds of each press. */
  record Times(long[] elapsed, long[] cpu) {
    Times(int presses) {
      this(new long[presses], new long[presses]);
    }
  }

  static void report(String name, Times t) {
    long[] e = t.elapsed().clone();
    long[] c = t.cpu().clone();
    Arrays.sort(e);
    Arrays.sort(c);
    System.out.printf(
        Locale.ROOT,
        "%s\t%.3f\t%.3f\t%d\t%.3f\t%.3f%n",
        name,
        e[e.length / 2] / 1e6,
        p99(e) / 1e6,
        e.length,
        c[c.length / 2] / 1e6,
        p99(c) / 1e6);
  }

  static long p99(long[] sorted) {
    return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
  }

  /** Bare Lanterna: poll one key, write one line, refresh. Warmed up first, like the others. */
  static Times bare(int presses) throws IOException {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    TerminalScreen screen = new TerminalScreen(terminal);
    screen.startScreen();
    TextGraphics g = screen.newTextGraphics();
    Times t = new Times(presses);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < presses; i++) {
        terminal.addInput(new KeyStroke((char) ('a' + i % 26), false, false));
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        KeyStroke key = screen.pollInput();
        g.putString(0, 0, "key " + key.getCharacter() + " " + i);
        screen.refresh(Screen.RefreshType.DELTA);
        t.elapsed()[i] = System.nanoTime() - start;
        t.cpu()[i] = THREADS.getCurrentThreadCpuTime() - cpu;
      }
    }
    screen.stopScreen();
    return t;
  }

  /** Typing the login and erasing it, again and again. */
  static Times login(DemoSandbox sandbox, Path data, int presses) throws IOException {
    Ui ui = new Ui(sandbox, data, Language.FRENCH);
    String word = DemoSandbox.LOGIN;
    List<KeyStroke> cycle = new java.util.ArrayList<>();
    word.chars().forEach(c -> cycle.add(new KeyStroke((char) c, false, false)));
    word.chars().forEach(c -> cycle.add(new KeyStroke(KeyType.Backspace)));
    Times t = ui.time(cycle, presses);
    ui.close();
    return t;
  }

  /** On Jeanne's account screen in Arabic, the mediator's French beside: the function keys. */
  static Times account(DemoSandbox sandbox, Path data, int presses) throws IOException {
    Ui ui = new Ui(sandbox, data, Language.ARABIC);
    ui.type(DemoSandbox.LOGIN + "\n" + DemoSandbox.PASSWORD + "\n" + sandbox.freshTotp() + "\n");
    ui.type(DemoSandbox.JEANNE_NIR + "\n14/03/1950\n12345678\n");
    ui.type("1\n");
    if (!ui.kiosk.inSitting()) {
      throw new IllegalStateException("the sitting did not open:\n" + ui.kiosk.text());
    }
    Times t = ui.time(List.of(ACCOUNT_KEYS), presses);
    if (!ui.kiosk.inSitting()) {
      throw new IllegalStateException("the keys left the sitting:\n" + ui.kiosk.text());
    }
    ui.close();
    return t;
  }

  /** The kiosk on a virtual terminal, as the program runs it. */
  static final class Ui {
    final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    final Kiosk kiosk;
    final LanternaKiosk lanterna;

    Ui(DemoSandbox sandbox, Path data, Language language) throws IOException {
      kiosk =
          new Kiosk(
              DelegatedAccessOverHttp.at(sandbox.server().url()),
              FileSink.workingCopies(Files.createTempDirectory(data, "docs")),
              language,
              Clock.systemDefaultZone());
      lanterna = new LanternaKiosk(terminal, kiosk);
      lanterna.draw();
    }

    /** Types text, a new line being Enter, and handles it all (not timed). */
    void type(String text) throws IOException {
      text.chars()
          .forEach(
              c ->
                  terminal.addInput(
                      c == '\n'
                          ? new KeyStroke(KeyType.Enter)
                          : new KeyStroke((char) c, false, false)));
      lanterna.drainInput();
    }

    /**
     * Presses the cycle's keys round and round: {@code presses} to warm up, then {@code presses}
     * timed.
     */
    Times time(List<KeyStroke> cycle, int presses) throws IOException {
      Times t = new Times(presses);
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < presses; i++) {
          terminal.addInput(cycle.get(i % cycle.size()));
          long cpu = THREADS.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          lanterna.drainInput();
          t.elapsed()[i] = System.nanoTime() - start;
          t.cpu()[i] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
      }
      return t;
    }

    void close() throws IOException {
      kiosk.logoutOnExit();
      lanterna.close();
    }
  }
}
