package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiClient;
import fr.guichet.sandbox.SandboxServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {
  @TempDir Path data;

  @Test
  void startsOnLoopbackWithItsDataDirectory() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command).parseArgs("--port", "0", "--data", data.toString(), "--seed", "demo");
    try (SandboxServer server = command.start()) {
      assertThat(server.url()).startsWith("http://127.0.0.1:");
      assertThat(new ApiClient(server.url()).health().status()).isEqualTo("UP");
      assertThat(data.resolve("guichet.db")).exists();
    }
  }

  @Test
  void defaultsToLoopbackPort8470AndSixWeeks() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command).parseArgs();
    assertThat(command.host).isEqualTo("127.0.0.1");
    assertThat(command.port).isEqualTo(8470);
    assertThat(command.oppositionDays).isEqualTo(42);
    assertThat(command.seed).isNull();
  }

  @Test
  void givesClientsThePublicVerificationPageForTheirQrCodes() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command)
        .parseArgs(
            "--port",
            "0",
            "--data",
            data.toString(),
            "--public-verify-url",
            "https://guichet.example.fr/verify");
    try (SandboxServer server = command.start()) {
      assertThat(new ApiClient(server.url()).verifyPage())
          .isEqualTo("https://guichet.example.fr/verify");
    }
    SandboxCommand plain = new SandboxCommand();
    new CommandLine(plain).parseArgs("--port", "0", "--data", data.toString());
    try (SandboxServer server = plain.start()) {
      assertThat(new ApiClient(server.url()).verifyPage())
          .as("unset: the address the client reaches the server at, as before")
          .isEqualTo(server.url() + "verify");
    }
  }

  @Test
  void refusesAVerificationPageThatIsNotAWebAddress() {
    for (String bad :
        new String[] {"guichet.example.fr/verify", "ftp://g.example/verify", "https://g/v?r="}) {
      SandboxCommand command = new SandboxCommand();
      new CommandLine(command)
          .parseArgs("--port", "0", "--data", data.toString(), "--public-verify-url", bad);
      assertThatThrownBy(command::start)
          .as(bad)
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessageContaining("is not a web address");
    }
  }

  @Test
  void refusesAnUnknownSeedAndANonsensePeriod() {
    CommandLine cli = new CommandLine(new SandboxCommand());
    assertThat(cli.execute("--seed", "prod")).isEqualTo(2);
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command).parseArgs("--opposition-days", "0");
    assertThatThrownBy(command::start).isInstanceOf(CommandLine.ParameterException.class);
  }
}
