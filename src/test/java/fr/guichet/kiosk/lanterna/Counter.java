package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.kiosk.http.DelegatedAccessOverHttp;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The counter the kiosk's screen tests stand at: the reference server with the demo people, a
 * folder for the documents the kiosk saves, and the kiosk on the virtual terminal at 80×24, all
 * fresh for each test and put away after it (the screen closed, the server stopped, the folders
 * deleted). The test classes of the Lanterna kiosk used to set this up each in their own way.
 *
 * <pre>{@code
 * @RegisterExtension final Counter counter = new Counter();
 * final DemoSandbox sandbox = counter.sandbox();
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

  private final DemoSandbox sandbox = DemoSandbox.perTest();
  private Path documents;
  private VirtualScreen screen;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    sandbox.beforeEach(context);
    documents = Files.createTempDirectory("guichet-documents-");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      closeScreen();
    } finally {
      sandbox.afterEach(context);
      try (Stream<Path> paths = Files.walk(documents)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The reference server, started before each test and stopped after it. */
  DemoSandbox sandbox() {
    return sandbox;
  }

  /** Where the kiosk saves its working copies of the documents it prints. */
  Path documents() {
    if (documents == null) {
      throw new IllegalStateException(
          "the counter is not set up: register it with @RegisterExtension");
    }
    return documents;
  }

  /** The kiosk in {@code language} against the sandbox, at {@link #NINE_IN_PARIS}. */
  VirtualScreen open(Language language) {
    return open(language, Kiosk.Options.DEFAULTS, NINE_IN_PARIS);
  }

  VirtualScreen open(Language language, Kiosk.Options options, Clock clock) {
    return open(
        new Kiosk(
            DelegatedAccessOverHttp.at(sandbox.server().url()),
            FileSink.workingCopies(documents()),
            language,
            clock,
            options));
  }

  /**
   * The kiosk in French against {@code url} (the sandbox or a proxy in front of it), keeping its
   * pending actions there.
   */
  VirtualScreen open(String url, PendingActions pending) {
    Kiosk kiosk =
        new Kiosk(
            DelegatedAccessOverHttp.at(url),
            FileSink.workingCopies(documents()),
            Language.FRENCH,
            NINE_IN_PARIS);
    kiosk.usePendingActions(pending);
    return open(kiosk);
  }

  /** Any kiosk on the virtual terminal at 80×24; the counter closes it after the test. */
  VirtualScreen open(Kiosk kiosk) {
    screen = new VirtualScreen(kiosk, 80, 24);
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
        .type(sandbox.freshTotp())
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

  /** The digit of the tile whose label contains {@code label}, as drawn. */
  static String tile(VirtualScreen s, String label) {
    int row = s.rowOf(label);
    assertThat(row).as("a tile \"" + label + "\" on:\n" + s.text()).isNotNegative();
    Matcher digit = Pattern.compile("^\\s*(\\d)\\s").matcher(s.rows().get(row));
    assertThat(digit.find()).as(s.rows().get(row)).isTrue();
    return digit.group(1);
  }
}
