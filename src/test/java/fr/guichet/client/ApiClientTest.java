package fr.guichet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's edges: what it does with answers that are not the API's (proxies, crashes, silence).
 */
class ApiClientTest {
  HttpServer server;
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger silent = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/health",
        exchange -> {
          calls.incrementAndGet();
          byte[] body = "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(502, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/plain/v1/health",
        exchange -> {
          byte[] body = "UP, and no JSON".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/busy/v1/health",
        exchange -> {
          if (calls.incrementAndGet() < 3) {
            byte[] body =
                "{\"type\":\"urn:guichet:problem:unavailable\",\"status\":503}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
          } else {
            byte[] body =
                "{\"status\":\"UP\",\"version\":\"x\",\"time\":\"2026-11-29T09:00:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.createContext(
        "/silent/v1/health",
        exchange -> {
          silent.incrementAndGet();
          exchange.close(); // no answer at all: the connection ends
        });
    server.start();
  }

  @Test
  void aServerThatSaysNotNowIsAskedAgainAfterItsRetryAfter() {
    ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/busy/");
    assertThat(api.health().status()).isEqualTo("UP");
    assertThat(calls).hasValue(3);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anAnswerThatIsNotAProblemBecomesTheUnexpectedProblemWithItsStatus() {
    ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    assertThatThrownBy(api::health)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().slug()).isEqualTo("unexpected");
              assertThat(e.problem().params()).containsEntry("status", 502);
            });
    assertThat(calls).hasValue(1); // an answer, even a bad one, is not retried
  }

  @Test
  void silenceIsRetriedThenReportedAsTheNetworkProblem() {
    int port = server.getAddress().getPort();
    server.stop(0);
    ApiClient api = new ApiClient("http://127.0.0.1:" + port + "/");
    assertThatThrownBy(api::health)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().slug()).isEqualTo("network");
              assertThat(e.problem().messageKey()).isEqualTo("problem.network");
              assertThat(e.problem().status()).isZero();
            });
  }

  @Test
  void aNetworkFailureIsTriedAsOftenAsThePatienceSaysAndNoMore() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/silent/";
    assertThatThrownBy(new ApiClient(base)::ping)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("network"));
    assertThat(silent).as("the command line tries three times").hasValue(3);
    silent.set(0);
    ApiClient once =
        new ApiClient(
            base,
            new ApiClient.Patience(
                1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThatThrownBy(once::ping)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("network"));
    assertThat(silent).as("a caller that retries itself gets one try").hasValue(1);
    assertThatThrownBy(() -> new ApiClient.Patience(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pingOnlyAsksWhetherTheServerAnswersWithSuccess() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    new ApiClient(base + "plain/").ping(); // the body is not read: no JSON needed
    assertThatThrownBy(new ApiClient(base)::ping)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("unexpected"));
  }

  @Test
  void refusesAnAddressThatIsNotHttp() {
    assertThatThrownBy(() -> new ApiClient("ftp://x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsSecretsInToString() {
    assertThat(new LoginRequest("camille", "hunter2", "123456").toString())
        .doesNotContain("hunter2")
        .doesNotContain("123456");
    assertThat(new MediatorSession("tok-secret", null, "Camille", "FS", "MEDIATOR").toString())
        .doesNotContain("tok-secret");
    assertThat(
            new Delegation("dlg", "cns", "tok-secret", "p", "SELF", java.util.List.of(), null, null)
                .toString())
        .doesNotContain("tok-secret");
    assertThat(
            IdentificationRequest.byVitale("184127645108946", (String) null, "12345678").toString())
        .doesNotContain("1841276")
        .doesNotContain("12345678");
  }

  @Test
  void idempotencyKeysAreBoundedAndRandom() {
    assertThat(IdempotencyKey.random()).isNotEqualTo(IdempotencyKey.random());
    assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotencyKey("x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
