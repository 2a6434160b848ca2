package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GuichetTest {
  @Test
  void helpListsTheCommands() {
    StringWriter out = new StringWriter();
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("kiosk", "sandbox", "Mon Espace Santé");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CommandLine cli = Guichet.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("explode")).isEqualTo(2);
  }

  @Test
  void tellsItsVersion() {
    StringWriter out = new StringWriter();
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("guichet ");
  }
}
