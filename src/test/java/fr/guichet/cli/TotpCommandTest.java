package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TotpCommandTest {
  @Test
  void printsTheCodeOfTheCurrentStep() {
    TotpCommand command = new TotpCommand();
    command.clock = Clock.fixed(Instant.ofEpochSecond(1111111109), ZoneOffset.UTC);
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    // RFC 6238 secret "12345678901234567890" in base 32; its 8-digit code at this time is 07081804.
    assertThat(cli.execute("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isZero();
    assertThat(out.toString().strip()).isEqualTo("081804");
  }

  @Test
  void refusesASecretThatIsNotBase32() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TotpCommand());
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("not-base-32!")).isEqualTo(2);
    assertThat(err.toString()).contains("Not a base 32 TOTP secret");
  }
}
