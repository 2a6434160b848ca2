package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Health;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
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
  void publishesThePublicKeyThatVerifiesStatements() throws Exception {
    assertThat(get("v1/keys").body()).contains("\"algorithm\":\"Ed25519\"");
  }

  @Test
  void restartsOnTheSameDataWithoutSeedingTwice(@TempDir Path other) throws IOException {
    new DemoSandbox(other).close();
    try (DemoSandbox again = new DemoSandbox(other)) {
      assertThat(again.login().mediatorName()).isEqualTo("Camille Bernard");
    }
    assertThat(Files.size(other.resolve("signing-key.pk8"))).isPositive();
  }

  @Test
  void signsTheJournalOfAnOlderServerAtItsFirstStart(@TempDir Path old) throws Exception {
    String url = "jdbc:sqlite:" + old.resolve("guichet.db");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url)) {
      JournalTest.writeTheOldWay(c, "person:p-jeanne", 3, false);
      JournalTest.writeTheOldWay(c, "mediator:m-camille", 2, false);
    }
    SandboxServer.start(SandboxServer.Options.demo(old)).close();

    SandboxServer.JournalVerdict verdict =
        SandboxServer.verifyJournal(old, null, null, null, List.of());
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.entries()).isEqualTo(5);
    assertThat(verdict.checkpoints()).isEqualTo(1);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(sandbox.server().url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
