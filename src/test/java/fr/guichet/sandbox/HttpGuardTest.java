package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Problem;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One body limit for every request, whatever its framing, and oversized headers, each answered as
 * problem+json; the security headers on every answer. Over raw sockets: no HTTP client sends a body
 * that never ends.
 */
class HttpGuardTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static final ExecutorService WRITERS = Executors.newCachedThreadPool();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @AfterAll
  static void stopWriters() {
    WRITERS.shutdownNow();
  }

  static String head(String requestLine, String framing) {
    return requestLine
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + framing
        + "\r\n\r\n";
  }

  static void assertProblem(RawHttp.Answer a, int status, String slug) {
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.header("content-type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(a.body()).contains("\"type\":\"urn:guichet:problem:" + slug + "\"");
    assertThat(a.header("x-content-type-options")).isEqualTo("nosniff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST /v1/sessions", "GET /v1/health", "POST /v1/nothing-here"})
  void anEndlessChunkedUploadIsRefusedAndCutOffWithoutBeingKept(String requestLine)
      throws Exception {
    try (Socket socket = RawHttp.loopback().connect(sandbox.server().url())) {
      OutputStream out = socket.getOutputStream();
      out.write(head(requestLine, "Transfer-Encoding: chunked").getBytes(StandardCharsets.UTF_8));
      AtomicLong sent = new AtomicLong();
      Future<Boolean> cutOff =
          WRITERS.submit(
              () -> {
                byte[] chunk = new byte[8192];
                Arrays.fill(chunk, (byte) '7');
                try {
                  while (sent.get() < 1024L * 1024 * 1024) {
                    RawHttp.chunk(out, chunk);
                    sent.addAndGet(chunk.length);
                  }
                  return false;
                } catch (IOException serverClosed) {
                  return true;
                }
              });
      assertProblem(RawHttp.read(socket.getInputStream()), 413, "body-too-large");
      // The server stops reading after a few hundred kilobytes and cuts the connection: what was
      // sent beyond sits in the two sockets' buffers, a few megabytes at most, never the gigabyte.
      assertThat(cutOff.get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(sent.get()).isLessThan(64L * 1024 * 1024);
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
    try (Socket socket = RawHttp.loopback().connect(sandbox.server().url())) {
      socket
          .getOutputStream()
          .write(
              (head("POST /v1/sessions", "Content-Length: 10485760") + "{\"login\":")
                  .getBytes(StandardCharsets.UTF_8));
      assertProblem(RawHttp.read(socket.getInputStream()), 413, "body-too-large");
    }
  }

  @Test
  void aBodyOneByteOverTheLimitIsAnsweredWithAnOrderlyClose() throws Exception {
    String body = "\"" + "x".repeat(HttpGuard.MAX_BODY - 1) + "\"";
    RawHttp.Answer a = RawHttp.loopback().postJson(sandbox.server().url(), "/v1/sessions", body);
    assertProblem(a, 413, "body-too-large");
    assertThat(a.header("connection")).isEqualTo("close");
  }

  @Test
  void aChunkedBodyWithinTheLimitReachesItsRoute() throws Exception {
    try (Socket socket = RawHttp.loopback().connect(sandbox.server().url())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          head("POST /v1/sessions", "Transfer-Encoding: chunked").getBytes(StandardCharsets.UTF_8));
      RawHttp.chunk(out, "{\"login\":\"nobody\",".getBytes(StandardCharsets.UTF_8));
      RawHttp.chunk(
          out, "\"password\":\"x\",\"totp\":\"000000\"}".getBytes(StandardCharsets.UTF_8));
      RawHttp.chunk(out, new byte[0]);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      assertProblem(RawHttp.read(socket.getInputStream()), 401, "login-failed");
    }
  }

  @Test
  void headersTooLargeAreRefusedAsAProblem() throws Exception {
    RawHttp.Answer a =
        RawHttp.loopback()
            .send(
                sandbox.server().url(),
                "GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                    + "p".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n");
    assertProblem(a, 431, "headers-too-large");
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.server().url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path :
        List.of("v1/health", "v1/keys", "openapi.yaml", "v1/structure/journal", "v1/nothing")) {
      HttpResponse<String> r = get(path);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(HttpGuard.NOTHING_ALLOWED);
    }
  }

  @Test
  void theVerificationPageMayUseItsOwnStyleAndNothingElse() throws Exception {
    String forged = URLEncoder.encode("<script>alert(1)</script>.x", StandardCharsets.UTF_8);
    HttpResponse<String> page = get("verify?r=" + forged);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
    assertThat(style.find()).isTrue();
    String hash =
        Base64.getEncoder()
            .encodeToString(Secrets.sha256Bytes(style.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(policy)
        .startsWith("default-src 'none'")
        .contains("style-src 'sha256-" + hash + "'", "frame-ancestors 'none'")
        .doesNotContain("script-src", "unsafe");
    assertThat(page.body()).doesNotContain("<script>");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }
}
