package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Health;
import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.Receipt;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

  @Test
  void saysItIsLiveAndReadyOnlyWhileTheDatabaseHasItsSchema(@TempDir Path other) throws Exception {
    try (DemoSandbox node = new DemoSandbox(other)) {
      assertThat(get(node, "v1/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(node, "v1/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"READY\"", "\"database\":true");

      node.update("UPDATE flyway_schema_history SET success = ?", false);
      HttpResponse<String> behind = get(node, "v1/health/ready");
      assertThat(behind.statusCode()).isEqualTo(503);
      assertThat(behind.body()).contains("\"status\":\"NOT_READY\"", "\"migrations\":false");
      assertThat(get(node, "v1/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void stoppingAnswersTheRequestsInFlightFirst(@TempDir Path other) throws Exception {
    DemoSandbox node = new DemoSandbox(other);
    ExecutorService stopper = Executors.newSingleThreadExecutor();
    try (Socket client = new Socket("127.0.0.1", node.server().port())) {
      DemoSandbox.Sitting jeanne = node.open("p-jeanne", "account:read");
      OutputStream out = client.getOutputStream();
      // The request's head and the start of its body now, the rest once the server is stopping.
      out.write(
          ("POST /v1/persons/p-jeanne/status-statements HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + jeanne.session().token()
                  + "\r\nGuichet-Delegation: "
                  + jeanne.delegation().token()
                  + "\r\nIdempotency-Key: drain-1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 2\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await(() -> node.server().requestsInFlight() > 0);
      int port = node.server().port();
      Future<?> stopping = stopper.submit(() -> node.server().close());
      await(() -> !accepts(port));
      assertThat(stopping).isNotDone();
      out.write("}".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 201").contains("account-status");
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      stopper.shutdownNow();
      node.close();
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  static boolean accepts(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return s.isConnected();
    } catch (IOException refused) {
      return false;
    }
  }

  private static HttpResponse<String> get(DemoSandbox node, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(node.server().url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
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
        SandboxServer.verifyJournal(old, null, List.of(), null, List.of());
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
