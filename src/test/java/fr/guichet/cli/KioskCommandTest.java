package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.Guichet;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--lang", "ar", "--mediator-lang", "fr")).isEqualTo(2);
    assertThat(err.toString()).contains("does not answer").doesNotContain("Unknown language");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--lang", "fr-x-falc")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Unknown language");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--mediator-lang", "klingon")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown language 'klingon'", "fr, fr-x-falc, en, ar, pt, tr, es, ro, ht");
  }

  @Test
  void refusesAThemeItDoesNotHaveAndAWarningTooShortToReact() {
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--theme", "pink")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown theme 'pink'", "high-contrast");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--idle-warning-seconds", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("at least 20");
    assertThat(run("kiosk", "--api", "http://127.0.0.1:1/", "--idle-minutes", "1", "--idle-warning-seconds", "60")).isEqualTo(2);
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
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("== Connexion de la médiatrice ou du médiateur ==",
        "== Mediator login ==").doesNotContain("\u001b[");
  }
}
