package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The counter the kiosk's screen tests stand at: the server in memory with the demo people ({@link
 * FakeServer}), a folder for the documents the kiosk saves, and the kiosk on the virtual terminal
 * at 80×24, each call to the server answered before the next key, all fresh for each test and put
 * away after it (the screen closed, the folders deleted). No server runs: a screen test takes
 * milliseconds.
 *
 * <pre>{@code
 * @RegisterExtension final Counter counter = new Counter();
 *
 * @Test void jeannesAccount() {
 *   VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-jeanne", null);
 *   assertThat(s.text()).contains("Espace ouvert");
 * }
 * }</pre>
 */
final class Counter implements BeforeEachCallback, AfterEachCallback {
  /**
   * The kiosk's clock unless a test gives another: a Sunday morning in Paris, when the sandbox's
   * clock starts.
   */
  static final Clock NINE_IN_PARIS =
      Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneId.of("Europe/Paris"));

  private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private FakeServer server;
  private Path documents;
  private VirtualScreen screen;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new FakeServer();
    // Not FileSink's prefix: a kiosk starting on this machine clears "guichet-documents-<pid>"
    // folders whose process has ended, and reads this random number as such a pid.
    documents = Files.createTempDirectory("guichet-counter-");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      closeScreen();
    } finally {
      try (Stream<Path> paths = Files.walk(documents)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The server in memory, fresh for each test. */
  FakeServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the counter is not set up: register it with @RegisterExtension");
    }
    return server;
  }

  /** Where the kiosk saves its working copies of the documents it prints. */
  Path documents() {
    if (documents == null) {
      throw new IllegalStateException(
          "the counter is not set up: register it with @RegisterExtension");
    }
    return documents;
  }

  /** The kiosk in {@code language}, at {@link #NINE_IN_PARIS}. */
  VirtualScreen open(Language language) {
    return open(language, Kiosk.Options.DEFAULTS, NINE_IN_PARIS);
  }

  VirtualScreen open(Language language, Kiosk.Options options, Clock clock) {
    return open(
        new Kiosk(
            server(),
            FileSink.workingCopies(documents()),
            language,
            clock,
            options.withCalls(Runnable::run)));
  }

  /** The kiosk in French, keeping its pending actions there (a file survives a restart). */
  VirtualScreen open(PendingActions pending) {
    Kiosk kiosk = kiosk(Language.FRENCH);
    kiosk.usePendingActions(pending);
    return open(kiosk);
  }

  /** A kiosk of this counter, not yet on screen, its calls answered before the next key. */
  Kiosk kiosk(Language language) {
    return kiosk(language, Runnable::run);
  }

  /**
   * A kiosk of this counter whose calls run where {@code calls} runs them: on worker threads, as at
   * the counter, to see what the screen shows while the server has not answered.
   */
  Kiosk kiosk(Language language, Executor calls) {
    return new Kiosk(
        server(),
        FileSink.workingCopies(documents()),
        language,
        NINE_IN_PARIS,
        Kiosk.Options.DEFAULTS.withCalls(calls));
  }

  /** Any kiosk on the virtual terminal at 80×24; the counter closes it after the test. */
  VirtualScreen open(Kiosk kiosk) {
    return open(kiosk, 80, 24);
  }

  /** Any kiosk on a virtual terminal of this size; the counter closes it after the test. */
  VirtualScreen open(Kiosk kiosk, int columns, int rows) {
    screen = new VirtualScreen(kiosk, columns, rows);
    return screen;
  }

  /** The screen opened last. */
  VirtualScreen screen() {
    if (screen == null) {
      throw new IllegalStateException("no screen open");
    }
    return screen;
  }

  /** Closes the screen opened last (a test that opens the kiosk again, as after a restart). */
  void closeScreen() throws IOException {
    if (screen != null) {
      VirtualScreen open = screen;
      screen = null;
      open.close();
    }
  }

  /** The demo mediator's login, password and a fresh TOTP code. */
  VirtualScreen login(VirtualScreen s) {
    return s.type(DemoSandbox.LOGIN)
        .enter()
        .type(DemoSandbox.PASSWORD)
        .enter()
        .type(server().freshTotp())
        .enter();
  }

  /** Login, then a demo person's papers: NIR, birth date, Carte Vitale serial. */
  VirtualScreen identify(VirtualScreen s, String personId) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    return login(s)
        .type(p.nir())
        .enter()
        .type(p.birth().format(BIRTH))
        .enter()
        .type(p.vitale())
        .enter();
  }

  /** Login, then Jeanne's papers as on her card (see {@link #typeJeannesPapers}). */
  VirtualScreen identifyJeanneAsOnHerCard(VirtualScreen s) {
    return typeJeannesPapers(login(s));
  }

  /** Jeanne's papers typed as printed: her NIR with its spaces, birth date, Carte Vitale serial. */
  static VirtualScreen typeJeannesPapers(VirtualScreen s) {
    return s.type(DemoSandbox.JEANNE_NIR)
        .enter()
        .type("14/03/1950")
        .enter()
        .type("12345678")
        .enter();
  }

  /**
   * Login, identification, for whom (a digit, or null when the person acts for nobody else), the
   * person's yes and the attestation: the account screen.
   */
  VirtualScreen toTheAccount(VirtualScreen s, String personId, String forWhomDigit) {
    identify(s, personId);
    if (forWhomDigit != null) {
      s.type(forWhomDigit);
    }
    return s.type("1").enter();
  }

  /** The key (a digit or a letter) of the tile whose label contains {@code label}, as drawn. */
  static String tile(VirtualScreen s, String label) {
    int row = s.rowOf(label);
    assertThat(row).as("a tile \"" + label + "\" on:\n" + s.text()).isNotNegative();
    Matcher digit = Pattern.compile("^\\s*([0-9A-Z])\\s").matcher(s.rows().get(row));
    assertThat(digit.find()).as(s.rows().get(row)).isTrue();
    return digit.group(1);
  }
}
