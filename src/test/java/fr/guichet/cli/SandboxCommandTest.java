package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiClient;
import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {
  @TempDir Path data;

  /** {@code guichet sandbox} on a free port with the test's data folder, then {@code more}. */
  SandboxCommand withData(String... more) {
    SandboxCommand command = new SandboxCommand();
    List<String> args = new ArrayList<>(List.of("--port", "0", "--data", data.toString()));
    args.addAll(List.of(more));
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    return command;
  }

  @Test
  void startsOnLoopbackWithItsDataDirectory() {
    SandboxCommand command = withData("--seed", "demo");
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
    SandboxCommand command = withData("--public-verify-url", "https://guichet.example.fr/verify");
    try (SandboxServer server = command.start()) {
      assertThat(new ApiClient(server.url()).verifyPage())
          .isEqualTo("https://guichet.example.fr/verify");
    }
    SandboxCommand plain = withData();
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
      SandboxCommand command = withData("--public-verify-url", bad);
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

  @Test
  void signsWithTheKeyFileItIsGivenAndPublishesThePreviousKeys(@TempDir Path keys)
      throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path key =
        Files.writeString(
            keys.resolve("signing.pem"),
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    String retired =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    Path previous = Files.writeString(keys.resolve("previous.txt"), retired + "\n");
    SandboxCommand command =
        withData(
            "--signing-key",
            key.toString(),
            "--previous-keys",
            previous.toString(),
            "--pool-size",
            "2");
    try (SandboxServer server = command.start()) {
      PublicKeys published = new ApiClient(server.url()).publicKeys();
      assertThat(published.keyId()).isEqualTo(ReceiptVerifier.keyId(pair.getPublic()));
      assertThat(published.keys())
          .extracting(PublicKeys.Key::publicKey)
          .containsExactly(
              Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), retired);
    }
    assertThat(data.resolve("signing-key.pk8")).doesNotExist();
  }

  @Test
  void refusesTwoSourcesOfTheSigningKeyAndAnEmptyPool() {
    SandboxCommand both = new SandboxCommand();
    new CommandLine(both).parseArgs("--signing-key", "k.pem", "--signing-key-env", "KEY");
    assertThatThrownBy(both::start).isInstanceOf(CommandLine.ParameterException.class);
    SandboxCommand empty = new SandboxCommand();
    new CommandLine(empty).parseArgs("--pool-size", "0");
    assertThatThrownBy(empty::start).isInstanceOf(CommandLine.ParameterException.class);
  }
}
