package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that prove nothing about their sender (no session, a forged session or delegation token,
 * a login for no account) write nothing into anyone's journal: they are counted per address and
 * minute, summarised in one line of the system chain, and an address sending too many is told to
 * wait, while other addresses and its own authenticated requests are served.
 */
class RefusalsTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  static final String JEANNE_ACCOUNT = "/v1/persons/p-jeanne/account";

  RawHttp.Answer get(String from, String path, String session, String delegation)
      throws IOException {
    return RawHttp.from(from)
        .send(
            sandbox.server().url(),
            "GET "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + session
                + (delegation == null ? "" : "\r\nGuichet-Delegation: " + delegation)
                + "\r\nConnection: close\r\n\r\n");
  }

  List<String> summaries() {
    return sandbox.query(
        "SELECT detail FROM journal WHERE chain = 'system' AND action = 'REFUSALS_SUMMARY'"
            + " ORDER BY seq",
        r -> r.getString(1));
  }

  @Test
  void forgedTokensAndUnknownLoginsWriteNoLineEachButOneSummaryAMinute() throws IOException {
    DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read");
    long jeanneBefore = sandbox.journal("person:p-jeanne").size();
    for (int i = 0; i < 30; i++) {
      assertThat(get("127.0.0.1", JEANNE_ACCOUNT, "forged-" + i, s.delegation().token()).status())
          .isEqualTo(401);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(get("127.0.0.1", JEANNE_ACCOUNT, s.session().token(), "forged-" + i).status())
          .isEqualTo(401);
    }
    for (String nobody : List.of("nobody-1", "nobody-2")) {
      assertThatThrownBy(() -> sandbox.api().login(new LoginRequest(nobody, "x", "000000")))
          .isInstanceOf(ApiException.class);
    }
    assertThat(sandbox.journal("person:p-jeanne")).hasSize((int) jeanneBefore);
    assertThat(sandbox.journal("system")).isEmpty();

    sandbox.clock().advance(Refusals.WINDOW);
    get("127.0.0.1", JEANNE_ACCOUNT, "one-more", null);

    assertThat(summaries())
        .singleElement()
        .asString()
        .startsWith("127.0.0.1, 1 min from ")
        .contains("20 delegation-required", "2 login-failed", "30 session-required");
    assertThat(sandbox.journal("system")).containsExactly("REFUSALS_SUMMARY REFUSED");
    assertThat(sandbox.journal("person:p-jeanne")).hasSize((int) jeanneBefore);
  }

  @Test
  void anAddressPastItsLimitWaitsTheMinuteOutWhileItsOwnSittingAndOtherAddressesAreServed()
      throws IOException {
    DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read");
    String flooder = "127.0.7.1";
    for (int i = 0; i < Refusals.LIMIT; i++) {
      assertThat(get(flooder, JEANNE_ACCOUNT, "forged-" + i, null).status()).isEqualTo(401);
    }
    RawHttp.Answer told = get(flooder, JEANNE_ACCOUNT, "forged-again", null);
    assertThat(told.status()).isEqualTo(429);
    assertThat(told.body()).contains("urn:guichet:problem:too-many-refusals");
    assertThat(Long.parseLong(told.header("retry-after"))).isBetween(1L, 60L);

    assertThat(get("127.0.7.2", JEANNE_ACCOUNT, "forged", null).status()).isEqualTo(401);
    Delegation d = s.delegation();
    MediatorSession session = s.session();
    assertThat(get(flooder, JEANNE_ACCOUNT, session.token(), d.token()).status()).isEqualTo(200);

    sandbox.clock().advance(Duration.ofSeconds(Long.parseLong(told.header("retry-after"))));
    assertThat(get(flooder, JEANNE_ACCOUNT, "forged-later", null).status()).isEqualTo(401);
    assertThat(summaries())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(flooder + ", ")
                    .endsWith(": " + (Refusals.LIMIT + 1) + " session-required"));
  }

  @Test
  void theCurrentMinuteIsSummarisedWhenTheServerStops(@TempDir Path data) throws IOException {
    DemoSandbox first = new DemoSandbox(data);
    try {
      for (int i = 0; i < 5; i++) {
        RawHttp.loopback()
            .send(
                first.server().url(),
                "GET /v1/structure/journal HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      }
    } finally {
      try (DemoSandbox again = first.restart(data)) {
        assertThat(
                again.query(
                    "SELECT detail FROM journal WHERE action = 'REFUSALS_SUMMARY'",
                    r -> r.getString(1)))
            .singleElement()
            .asString()
            .endsWith(": 5 session-required");
      }
    }
  }
}
