package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import java.io.PrintWriter;
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
}
