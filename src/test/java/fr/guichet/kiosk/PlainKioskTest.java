package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import fr.guichet.testing.MutableClock;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linear mode for screen readers and braille: plain lines out, lines in, the same kiosk. */
class PlainKioskTest {
  @TempDir Path docs;
  final FakeServer server = new FakeServer();

  Kiosk kiosk(Language language, MutableClock clock) {
    return new Kiosk(
        server,
        FileSink.workingCopies(docs),
        language,
        clock,
        Kiosk.Options.DEFAULTS
            .withVoice(Voice.program("guichet-no-such-espeak"))
            .withCalls(Runnable::run));
  }

  String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** The mediator's login, Jeanne's NIR and birth date, then {@code more}, as input lines. */
  String toJeanne(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                DemoSandbox.LOGIN,
                DemoSandbox.PASSWORD,
                server.freshTotp(),
                DemoSandbox.JEANNE_NIR,
                "14/03/1950"));
    all.addAll(List.of(more));
    return lines(all.toArray(String[]::new));
  }

  /** What the linear mode prints for these input lines, on a kiosk at 09:00 UTC. */
  String plainly(Language language, String input) {
    StringWriter out = new StringWriter();
    new PlainKiosk(
            kiosk(language, new MutableClock(Instant.parse("2026-11-29T09:00:00Z"))),
            new StringReader(input),
            out)
        .run();
    return out.toString();
  }

  @Test
  void walksTheSliceAsPlainLinesWithoutAnyTerminalControl() {
    String text = plainly(Language.FRENCH, toJeanne("12345678", "1", "", "/f10"));
    assertThat(text)
        .contains(
            "== Connexion de la médiatrice ou du médiateur ==",
            "> Identifiant: ",
            "== Qui aidez-vous aujourd’hui ? ==",
            "== Votre accord ==",
            "[1] Oui, je suis d’accord",
            "Jeanne, êtes-vous d’accord ?",
            "[Entrée] J’atteste que la personne est présente et a dit oui",
            "== Votre espace Mon Espace Santé ==",
            "Il reste 32 jours.",
            "== La séance est terminée ==",
            "F1 Aide · F2 Langue")
        .doesNotContain("\u001b")
        .doesNotContain("Guichet-demo-2026")
        .doesNotContain("┌");
    assertThat(text.indexOf("== Votre accord =="))
        .isLessThan(text.indexOf("== La séance est terminée =="));
    assertThat(server.journal("person:p-jeanne"))
        .endsWith("DELEGATION_REVOKED OK", "SITTING_ENDED OK");
  }

  @Test
  void anotherProofThanTheCarteVitaleIsChosenWithTheArrowCommands() {
    assertThat(plainly(Language.FRENCH, toJeanne("/right", "JM4K-7P2Q")))
        .contains(
            "Preuve : la carte Vitale.",
            "Preuve : le code de la lettre",
            "> Code de la lettre ou de l’e-mail: ",
            "== Votre accord ==");
  }

  @Test
  void theWorkPutOffUntilTheFirstScreenRunsOnceThatScreenIsPrinted() {
    StringWriter out = new StringWriter();
    Kiosk kiosk = kiosk(Language.FRENCH, new MutableClock(Instant.parse("2026-11-29T09:00:00Z")));
    java.util.List<String> printedBefore = new java.util.ArrayList<>();
    kiosk.afterFirstScreen(() -> printedBefore.add(out.toString()));
    new PlainKiosk(kiosk, new StringReader(lines("/f2", "/f2")), out).run();
    assertThat(printedBefore).hasSize(1);
    assertThat(printedBefore.get(0))
        .contains("== Connexion de la médiatrice ou du médiateur ==")
        .doesNotContain("Mediator login");
  }

  @Test
  void printsArabicInLogicalOrderForTheScreenReaderToDoTheBidi() {
    assertThat(plainly(Language.ARABIC, toJeanne("12345678")))
        .contains("== موافقتكم ==", "Jeanne، هل توافقون؟", "[1] نعم، أوافق")
        .doesNotContain("\uFEE3");
  }

  @Test
  void helpSaysWhichLineIsWhichKey() {
    assertThat(plainly(Language.FRENCH, lines("/f1")))
        .contains(
            "== Aide ==",
            "une ligne vide vaut Entrée, /esc vaut Échap, /f1 à /f12 les touches F.",
            "Tapez /tab, /up, /down, /left, /right pour Tab et les flèches, et /erase pour effacer.");
  }

  /** The terminal's echo as a test sees it: what was printed when it went off and on again. */
  static final class SeenEcho implements Echo {
    final StringWriter out;
    final List<String> changes = new ArrayList<>();
    boolean hidden;

    SeenEcho(StringWriter out) {
      this.out = out;
    }

    @Override
    public void hide() {
      if (!hidden) {
        changes.add("off after: " + lastLine());
      }
      hidden = true;
    }

    @Override
    public void show() {
      if (hidden) {
        changes.add("on after: " + lastLine());
      }
      hidden = false;
    }

    private String lastLine() {
      String text = out.toString().stripTrailing();
      return text.substring(text.lastIndexOf('\n') + 1);
    }
  }

  @Test
  void thePasswordIsNeverShownBackTheTerminalsEchoIsOffWhileItIsTyped() {
    StringWriter out = new StringWriter();
    SeenEcho echo = new SeenEcho(out);
    new PlainKiosk(
            kiosk(Language.FRENCH, new MutableClock(Instant.parse("2026-11-29T09:00:00Z"))),
            new StringReader(lines(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, server.freshTotp())),
            out,
            Duration.ofMillis(5),
            true,
            echo)
        .run();
    assertThat(echo.changes)
        .as("off before the password is asked, on again before the code is")
        .containsExactly("off after: Identifiant:", "on after: Mot de passe:");
    assertThat(echo.hidden).isFalse();
    assertThat(out.toString()).doesNotContain(DemoSandbox.PASSWORD);
  }

  @Test
  void aNoticeIsSaidInTheMediatorsLanguageToo() {
    assertThat(plainly(Language.ARABIC, lines("/f7")))
        .contains(
            "! › Couleurs : fort contraste.",
            "! "
                + Messages.of(Language.ARABIC)
                    .text(
                        "theme.changed",
                        java.util.Map.of(
                            "theme", Messages.of(Language.ARABIC).text("theme.high-contrast"))));
  }

  @Test
  void linesStandForKeys() {
    assertThat(PlainKiosk.keys("/F2", false)).containsExactly(Key.function(2));
    assertThat(PlainKiosk.keys("/f10", true)).containsExactly(Key.function(10));
    assertThat(PlainKiosk.keys("\u001bOP", false)).containsExactly(Key.function(1));
    assertThat(PlainKiosk.keys("\u001b[15~", false)).containsExactly(Key.function(5));
    assertThat(PlainKiosk.keys("/esc", false)).containsExactly(Key.ESCAPE);
    assertThat(PlainKiosk.keys("/right", true)).containsExactly(Key.RIGHT);
    assertThat(PlainKiosk.keys("/LEFT", true)).containsExactly(Key.LEFT);
    assertThat(PlainKiosk.keys("\u001b[C", false)).containsExactly(Key.RIGHT);
    assertThat(PlainKiosk.keys("1", false))
        .as("a choice is not confirmed by the same line")
        .containsExactly(Key.of('1'));
    assertThat(PlainKiosk.keys("", false)).containsExactly(Key.ENTER);
    assertThat(PlainKiosk.keys("ab\r", true)).containsExactly(Key.of('a'), Key.of('b'), Key.ENTER);
    assertThat(PlainKiosk.keys("//x", true)).containsExactly(Key.of('/'), Key.of('x'), Key.ENTER);
  }

  @Test
  void theInactivityWatchRunsInTheLinearModeToo() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    StringWriter out = new StringWriter();
    PipedWriter keyboard = new PipedWriter();
    PlainKiosk plain = atATerminal(kiosk(Language.FRENCH, clock), keyboard, out);
    Thread running = new Thread(plain::run);
    running.start();
    keyboard.write(toJeanne("12345678", "1", ""));
    keyboard.flush();
    await(out, "Il reste 32 jours.");
    clock.advance(Duration.ofMinutes(4));
    await(out, "La séance se termine dans 60 secondes.");
    clock.advance(Duration.ofSeconds(61));
    await(out, "== La séance est terminée ==");
    keyboard.close();
    running.join(5000);
    assertThat(server.journal("person:p-jeanne"))
        .endsWith("DELEGATION_REVOKED OK", "SITTING_ENDED OK");
    assertThat(out.toString())
        .as("the countdown is printed once, not every second")
        .containsOnlyOnce("La séance se termine dans");
  }

  /** A plain kiosk at a terminal, its calls on worker threads, as at the counter. */
  PlainKiosk atATerminal(Kiosk kiosk, PipedWriter keyboard, StringWriter out) throws IOException {
    return new PlainKiosk(kiosk, new PipedReader(keyboard), out, Duration.ofMillis(5), false);
  }

  Kiosk withWorkers() {
    return new Kiosk(
        server,
        FileSink.workingCopies(docs),
        Language.FRENCH,
        new MutableClock(Instant.parse("2026-11-29T09:00:00Z")),
        Kiosk.Options.DEFAULTS.withVoice(Voice.program("guichet-no-such-espeak")));
  }

  @Test
  void aLineTypedWhileTheServerIsSlowIsAnsweredAtOnceAndEscStopsWaiting() throws Exception {
    StringWriter out = new StringWriter();
    PipedWriter keyboard = new PipedWriter();
    Thread running = new Thread(atATerminal(withWorkers(), keyboard, out)::run);
    running.start();
    keyboard.write(lines(DemoSandbox.LOGIN, DemoSandbox.PASSWORD));
    keyboard.flush();
    await(out, "Code à 6 chiffres: ");
    server.slow();
    keyboard.write(lines(server.freshTotp()));
    keyboard.flush();
    await(out, "Envoi au serveur en cours…");
    keyboard.write(lines("1"));
    keyboard.flush();
    await(out, "! Un instant : le serveur n’a pas encore répondu. Échap : ne plus attendre.");
    keyboard.write(lines("/esc"));
    keyboard.flush();
    await(out, "! Vous n’attendez plus la réponse du serveur.");
    server.release();
    keyboard.write(lines("/esc")); // on the login screen: leave
    keyboard.flush();
    running.join(5000);
    assertThat(running.isAlive()).isFalse();
    assertThat(out.toString()).doesNotContain("== Qui aidez-vous aujourd’hui ? ==");
  }

  @Test
  void ctrlCDuringAWaitLeavesAtOnceTheServerBeingGivenAMomentOnly() throws Exception {
    StringWriter out = new StringWriter();
    PipedWriter keyboard = new PipedWriter();
    Kiosk kiosk = withWorkers();
    Thread running = new Thread(atATerminal(kiosk, keyboard, out)::run);
    running.start();
    keyboard.write(lines(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, server.freshTotp()));
    keyboard.flush();
    await(out, "== Qui aidez-vous aujourd’hui ? ==");
    keyboard.write(lines(DemoSandbox.JEANNE_NIR, "14/03/1950", "12345678"));
    keyboard.flush();
    await(out, "== Votre accord ==");
    keyboard.write(lines("1"));
    keyboard.flush();
    await(out, "[Entrée] J’atteste que la personne est présente et a dit oui");
    server.slow();
    keyboard.write(lines(""));
    keyboard.flush();
    await(out, "Envoi au serveur en cours…");
    try {
      // Ctrl+C at a terminal: the JVM runs the shutdown hook, which does this.
      Thread hook = new Thread(kiosk::logoutOnExit, "kiosk-shutdown");
      hook.start();
      hook.join(5000);
      assertThat(hook.isAlive()).as("the server is given a moment, no more").isFalse();
      assertThat(kiosk.inSitting()).isFalse();
    } finally {
      server.release();
      keyboard.close();
      running.join(5000);
    }
  }

  private static void await(StringWriter out, String text)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never printed: " + text + "\n" + out);
      }
      Thread.sleep(10);
    }
  }
}
