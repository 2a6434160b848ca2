package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.Guichet;
import fr.guichet.testing.DemoSandbox;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KioskCommandTest {
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = Guichet.commandLine();
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void needsEitherTheDemoOrAServer() {
    assertThat(run("kiosk")).isEqualTo(2);
    assertThat(err.toString()).contains("--demo", "--api");
    assertThat(run("kiosk", "--demo", "--api", "http://127.0.0.1:1/")).isEqualTo(2);
  }

  @Test
  void saysPlainlyWhenTheServerDoesNotAnswer() {
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/")).isEqualTo(2);
    assertThat(err.toString()).contains("does not answer");
  }

  @Test
  void refusesALanguageItDoesNotSpeak() {
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--lang", "xx")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown language 'xx'");
  }

  @Test
  void speaksEveryLanguageOfTheKioskAndNamesThemWhenOneIsUnknown() {
    assertThat(
            run("kiosk", "--api", "http://127.0.0.1:1/", "--lang", "ar", "--mediator-lang", "fr"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("does not answer").doesNotContain("Unknown language");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--lang", "fr-x-falc")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Unknown language");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--mediator-lang", "klingon"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown language 'klingon'", "fr, fr-x-falc, en, ar, pt, tr, es, ro, ht");
  }

  @Test
  void refusesAThemeItDoesNotHaveAndAWarningTooShortToReact() {
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--theme", "pink")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown theme 'pink'", "high-contrast");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--idle-warning-seconds", "5"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("at least 20");
    assertThat(
            run(
                "kiosk",
                "--api",
                "http://127.0.0.1:1/",
                "--idle-minutes",
                "1",
                "--idle-warning-seconds",
                "60"))
        .isEqualTo(2);
  }

  @Test
  void theLargeTextWindowSaysPlainlyWhenThereIsNoDisplay() {
    assumeTrue(GraphicsEnvironment.isHeadless(), "a display is there: the window would open");
    assertThat(run("kiosk", "--demo", "--window")).isEqualTo(2);
    assertThat(err.toString()).contains("--window needs a graphical display", "without --window");
    assertThat(run("kiosk", "--demo", "--window", "--plain")).isEqualTo(2);
    assertThat(err.toString()).contains("do not go together");
  }

  @Test
  void thePlainModeRunsTheDemoOnStandardInputAndOutput() {
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream("/f2\n/esc\n".getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(run("kiosk", "--demo", "--plain")).isEqualTo(0);
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("== Connexion de la médiatrice ou du médiateur ==", "== Mediator login ==")
        .doesNotContain("\u001b[");
  }

  /** Runs the kiosk with {@code input} as its keyboard; returns what it printed. */
  String runPlain(String input, int expectedExit, String... args) {
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      assertThat(run(args)).as(err.toString()).isEqualTo(expectedExit);
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theExampleConfigurationStartsTheKioskAgainstTheServerNamedOnTheCommandLine(
      @TempDir Path data) {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      String login =
          DemoSandbox.LOGIN
              + "\n"
              + DemoSandbox.PASSWORD
              + "\n"
              + sandbox.freshTotp()
              + "\n/f12\n/esc\n";
      String printed =
          runPlain(
              login,
              0,
              "kiosk",
              "--config",
              "kiosk/guichet.conf.example",
              "--plain",
              "--api",
              sandbox.server().url());
      assertThat(printed)
          .contains(
              "== Connexion de la médiatrice ou du médiateur ==",
              "== Qui aidez-vous aujourd’hui ? ==");
      assertThat(err.toString())
          .contains(
              "guichet kiosk: France Services de Montreuil-sur-Mer, accueil 1, server "
                  + sandbox.server().url()
                  + ", settings from kiosk/guichet.conf.example.");
    }
  }

  @Test
  void theFileGivesWhatTheCommandLineDoesNotAndTheCommandLineWins(@TempDir Path data)
      throws IOException {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      Path file =
          Files.writeString(
              data.resolve("guichet.conf"),
              "api = "
                  + sandbox.server().url()
                  + "\nlang = en\n"
                  + "plain = true\ntheme = monochrome\n");
      assertThat(runPlain("/esc\n", 0, "kiosk", "--config", file.toString()))
          .contains("== Mediator login ==")
          .doesNotContain("Connexion");
      assertThat(runPlain("/esc\n", 0, "kiosk", "--config", file.toString(), "--lang", "pt"))
          .doesNotContain("Mediator login")
          .contains("== ");
      assertThat(runPlain("/esc\n", 0, "kiosk", "--config", file.toString(), "--lang", "fr"))
          .contains("== Connexion de la médiatrice ou du médiateur ==");
    }
  }

  @Test
  void aBadConfigurationStopsTheKioskNamingTheFileTheLineAndTheKey(@TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("guichet.conf"),
            "# counter 1\napi = http://127.0.0.1:1/\nidle-minutes = 0\n");
    assertThat(run("kiosk", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + ", line 3: key 'idle-minutes': '0': give a whole number of minutes");
    assertThat(run("kiosk", "--config", dir.resolve("missing.conf").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.conf does not exist");
  }

  @Test
  void aConfigurationWithoutServerSaysWhatIsMissing(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("guichet.conf"), "lang = fr\n");
    assertThat(run("kiosk", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("give --demo or --api URL", "has neither 'api = URL' nor 'demo = true'");
    assertThat(run("kiosk", "--config", file.toString(), "--api", "http://127.0.0.1:1/"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("does not answer");
  }
}
