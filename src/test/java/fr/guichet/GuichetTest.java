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

  @Test
  void theKioskAloneIsBuiltForTheKioskAndEverythingForTheRest() {
    assertThat(Guichet.commandLineFor("kiosk", "--demo").getSubcommands())
        .containsOnlyKeys("kiosk");
    assertThat(Guichet.commandLineFor("--help").getSubcommands())
        .containsKeys(
            "kiosk",
            "sandbox",
            "account",
            "profile",
            "journal",
            "receipt",
            "help-sheet",
            "totp",
            "help");
    assertThat(Guichet.commandLineFor().getSubcommands()).containsKey("kiosk").hasSize(9);
  }

  @Test
  void theKioskBuiltAloneStillSaysItsFullNameAndParsesLikeTheWholeTree() {
    StringWriter out = new StringWriter();
    CommandLine cli = Guichet.commandLineFor("kiosk", "--help");
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("kiosk", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: guichet kiosk", "--plain", "--demo");
    StringWriter err = new StringWriter();
    CommandLine alone = Guichet.commandLineFor("kiosk", "--no-such-option");
    alone.setErr(new PrintWriter(err));
    assertThat(alone.execute("kiosk", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option: '--no-such-option'", "Usage: guichet kiosk");
  }
}
