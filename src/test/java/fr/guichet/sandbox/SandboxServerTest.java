package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Health;
import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.Receipt;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxServerTest {
  @TempDir static Path data;
  static DemoSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = new DemoSandbox(data);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void listensOnLoopbackAndSaysItIsUp() {
    assertThat(sandbox.server().url()).startsWith("http://127.0.0.1:");
    Health health = sandbox.api().health();
    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.time()).isEqualTo(sandbox.clock().instant());
  }

  @Test
  void keepsItsSqliteFileAndSigningKeyInTheDataDirectory() {
    if (sandbox.jdbcUrl().startsWith("jdbc:sqlite:")) {
      assertThat(data.resolve("guichet.db")).exists();
    }
    assertThat(data.resolve("signing-key.pk8")).exists();
  }

  @Test
  void servesItsContract() throws Exception {
    HttpResponse<String> r = get("openapi.yaml");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("openapi: 3.1.0").contains("/v1/persons/{personId}/account");
  }

  @Test
  void answersUnknownRoutesWithAProblem() throws Exception {
    HttpResponse<String> r = get("v1/nothing-here");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("urn:guichet:problem:not-found");
  }

  @Test
  void publishesThePublicKeyThatVerifiesStatementsAndEachReceiptNamesIt() throws Exception {
    assertThat(get("v1/keys").body()).contains("\"algorithm\":\"Ed25519\"");
    PublicKeys keys = sandbox.api().publicKeys();
    Receipt consent = sandbox.open("p-jeanne", "account:read").delegation().receipt();
    assertThat(consent.payload()).containsEntry("kid", keys.keyId());
    assertThat(keys.keys())
        .singleElement()
        .isEqualTo(new PublicKeys.Key(keys.keyId(), keys.publicKey(), true));
  }

  @Test
  void restartsOnTheSameDataWithoutSeedingTwice(@TempDir Path other) throws IOException {
    new DemoSandbox(other).close();
    try (DemoSandbox again = new DemoSandbox(other)) {
      assertThat(again.login().mediatorName()).isEqualTo("Camille Bernard");
    }
    assertThat(Files.size(other.resolve("signing-key.pk8"))).isPositive();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(sandbox.server().url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
