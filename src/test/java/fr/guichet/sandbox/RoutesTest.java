package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Headers;
import fr.guichet.testing.DemoSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every route shares: a request id on every answer, and an unexpected failure logged with that
 * id, its route and the exception's type, never a message that could hold a NIR or a token.
 */
class RoutesTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.server().url() + path.substring(1)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String requestId(HttpResponse<?> r) {
    return r.headers().firstValue(Headers.REQUEST_ID).orElse(null);
  }

  @Test
  void everyAnswerCarriesARequestIdOfItsOwn() throws Exception {
    HttpResponse<String> up = get("/v1/health", null);
    HttpResponse<String> again = get("/v1/health", null);
    HttpResponse<String> refused = get("/v1/structure/journal", null);
    HttpResponse<String> noRoute = get("/v1/nothing-here", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(requestId(up)).matches("[0-9a-f]{16}");
    assertThat(requestId(again)).matches("[0-9a-f]{16}").isNotEqualTo(requestId(up));
    assertThat(requestId(refused)).matches("[0-9a-f]{16}");
    assertThat(requestId(noRoute)).matches("[0-9a-f]{16}");
  }

  @Test
  void anUnexpectedFailureIsLoggedWithItsRequestIdRouteAndTypeButNoMessageNorToken()
      throws Exception {
    String token = sandbox.login().token();
    // A table gone under the running server: the outbox route fails in a way no rule foresees.
    sandbox.update("ALTER TABLE outbox RENAME TO outbox_gone");
    try {
      StringBuilder log = new StringBuilder();
      HttpResponse<String> failed = logged(log, () -> get("/v1/demo/outbox", token));
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).contains("urn:guichet:problem:internal").doesNotContain("outbox");
      assertThat(log.toString().lines().filter(l -> l.contains(requestId(failed))))
          .singleElement()
          .asString()
          .contains("ERROR", "GET /v1/demo/outbox", IllegalStateException.class.getName())
          .contains("at fr.guichet.sandbox.")
          .doesNotContain(token)
          .doesNotContainIgnoringCase("no such table")
          .doesNotContainIgnoringCase("does not exist");
    } finally {
      sandbox.update("ALTER TABLE outbox_gone RENAME TO outbox");
    }
  }

  @Test
  void describesAFailureByTypesAndPlacesWithoutItsMessages() {
    String nir = DemoSandbox.PEOPLE.get("p-jeanne").nir();
    IllegalStateException failure =
        new IllegalStateException(
            "Database error: duplicate key (nir)=(" + nir + ")",
            new SQLException("Key (nir)=(" + nir + ") already exists", "23505"));
    String described = Routes.withoutMessages(failure);
    assertThat(described)
        .startsWith(IllegalStateException.class.getName() + " at fr.guichet.sandbox.RoutesTest.")
        .contains(" <- " + SQLException.class.getName() + " at fr.guichet.sandbox.RoutesTest.")
        .doesNotContain(nir)
        .doesNotContain("duplicate");
  }

  /**
   * Runs a request and appends what the server logged meanwhile: slf4j-simple writes to standard
   * error, or to the file the kiosk names if it was named before the first log line of this JVM.
   */
  static <T> T logged(StringBuilder log, Callable<T> work) throws Exception {
    String named = System.getProperty("org.slf4j.simpleLogger.logFile");
    Path file = named == null || named.startsWith("System.") ? null : Path.of(named);
    long skip = file != null && Files.exists(file) ? Files.size(file) : 0;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return work.call();
    } finally {
      System.setErr(saved);
      log.append(err.toString(StandardCharsets.UTF_8));
      if (file != null && Files.exists(file)) {
        log.append(tail(file, skip));
      }
    }
  }

  private static String tail(Path file, long skip) {
    try {
      byte[] all = Files.readAllBytes(file);
      return new String(
          all,
          (int) Math.min(skip, all.length),
          (int) Math.max(0, all.length - skip),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
