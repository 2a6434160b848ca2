package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MediatorsTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  @Test
  void logsInWithPasswordAndTotp() {
    MediatorSession session = sandbox.login();
    assertThat(session.mediatorName()).isEqualTo("Camille Bernard");
    assertThat(session.structureName()).isEqualTo("France Services Démo");
    assertThat(session.expiresAt())
        .isEqualTo(sandbox.clock().instant().plus(Duration.ofMinutes(30)));
    assertThat(sandbox.journal("mediator:m-camille")).containsExactly("LOGIN OK");
  }

  @Test
  void givesTheSameProblemWhateverWasWrongAndJournalsEachFailureOfAnAccount() {
    Problem wrongPassword =
        refused(new LoginRequest(DemoSandbox.LOGIN, "wrong", sandbox.freshTotp()));
    Problem wrongTotp =
        refused(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, "000000"));
    Problem unknown =
        refused(new LoginRequest("nobody", DemoSandbox.PASSWORD, sandbox.freshTotp()));

    assertThat(wrongPassword).isEqualTo(wrongTotp).isEqualTo(unknown);
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.messageKey()).isEqualTo("problem.login-failed");
    assertThat(sandbox.journal("mediator:m-camille"))
        .containsExactly("LOGIN REFUSED login-failed", "LOGIN REFUSED login-failed");
    // A login for no account proves nothing: counted and summarised, one line a minute.
    assertThat(sandbox.journal("system")).isEmpty();
  }

  @Test
  void acceptsATotpCodeOnlyOnce() {
    String code = sandbox.freshTotp();
    sandbox.api().login(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, code));
    assertThat(refused(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, code)).slug())
        .isEqualTo("login-failed");
  }

  @Test
  void toleratesOneStepOfClockDrift() {
    sandbox.clock().advance(Duration.ofSeconds(60));
    String previousStep =
        Totp.fromBase32(DemoSandbox.TOTP_SECRET).codeAt(sandbox.clock().instant().minusSeconds(30));
    assertThat(
            sandbox
                .api()
                .login(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, previousStep)))
        .isNotNull();
  }

  /** A login sent from another loopback address, as if from another machine. */
  RawHttp.Answer loginFrom(String address, String login, String password, String totp)
      throws IOException {
    return RawHttp.from(address)
        .postJson(
            sandbox.server().url(),
            "/v1/sessions",
            Json.mapper().writeValueAsString(new LoginRequest(login, password, totp)));
  }

  String totpNow() {
    return Totp.fromBase32(DemoSandbox.TOTP_SECRET).codeAt(sandbox.clock().instant());
  }

  static void assertDelayed(RawHttp.Answer a, long seconds) {
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.body()).contains("urn:guichet:problem:login-delayed", "\"seconds\":" + seconds);
    assertThat(a.header("retry-after")).isEqualTo(Long.toString(seconds));
  }

  @Test
  void afterThreeFailuresOfALoginEachNextAttemptWaitsLongerKnownOrNotAlike() throws IOException {
    for (int i = 1; i <= 3; i++) {
      assertThat(loginFrom("127.0.1." + i, DemoSandbox.LOGIN, "wrong", totpNow()).status())
          .isEqualTo(401);
      assertThat(loginFrom("127.0.2." + i, "nobody", "wrong", totpNow()).status()).isEqualTo(401);
    }
    RawHttp.Answer known =
        loginFrom("127.0.1.9", DemoSandbox.LOGIN, DemoSandbox.PASSWORD, totpNow());
    RawHttp.Answer unknown = loginFrom("127.0.2.9", "nobody", DemoSandbox.PASSWORD, totpNow());
    assertDelayed(known, 1);
    assertThat(known.body()).isEqualTo(unknown.body());
    assertThat(known.header("retry-after")).isEqualTo(unknown.header("retry-after"));

    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long wait =
          Long.parseLong(loginFrom("127.0.1.9", DemoSandbox.LOGIN, "x", "0").header("retry-after"));
      waits.add(wait);
      sandbox.clock().advance(Duration.ofSeconds(wait));
      assertThat(loginFrom("127.0.3." + i, DemoSandbox.LOGIN, "wrong", totpNow()).status())
          .isEqualTo(401);
    }
    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void oneAddressThatKeepsFailingCannotKeepTheOwnerOut() throws IOException {
    String attacker = "127.0.4.1";
    for (int failures = 0; failures < 12; ) {
      RawHttp.Answer a = loginFrom(attacker, DemoSandbox.LOGIN, "guess-" + failures, totpNow());
      if (a.status() == 429) {
        sandbox.clock().advance(Duration.ofSeconds(Long.parseLong(a.header("retry-after"))));
      } else {
        assertThat(a.status()).isEqualTo(401);
        failures++;
      }
    }
    // The address now waits minutes; its attempts meanwhile are not heard, so they do not hold
    // the login back: after the login's own delay (30 s at most), the owner gets in.
    RawHttp.Answer attackerNow = loginFrom(attacker, DemoSandbox.LOGIN, "again", totpNow());
    assertThat(attackerNow.status()).isEqualTo(429);
    assertThat(Long.parseLong(attackerNow.header("retry-after"))).isGreaterThan(30);
    sandbox.clock().advance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      assertThat(loginFrom(attacker, DemoSandbox.LOGIN, "again-" + i, totpNow()).status())
          .isEqualTo(429);
    }
    RawHttp.Answer owner =
        loginFrom("127.0.4.2", DemoSandbox.LOGIN, DemoSandbox.PASSWORD, totpNow());
    assertThat(owner.status()).isEqualTo(201);
    assertThat(owner.body()).contains("\"mediatorName\":\"Camille Bernard\"");
  }

  @Test
  void anAddressGetsFiveMistakesOnAnyLoginsThenWaitsWhileOthersDoNot() throws IOException {
    String office = "127.0.5.1";
    for (int i = 0; i < 5; i++) {
      assertThat(loginFrom(office, "login-" + i, "wrong", totpNow()).status()).isEqualTo(401);
    }
    assertDelayed(loginFrom(office, DemoSandbox.LOGIN, DemoSandbox.PASSWORD, totpNow()), 1);
    assertThat(loginFrom("127.0.5.2", DemoSandbox.LOGIN, DemoSandbox.PASSWORD, totpNow()).status())
        .isEqualTo(201);
    sandbox.clock().advance(Duration.ofSeconds(30));
    assertThat(loginFrom(office, DemoSandbox.LOGIN, DemoSandbox.PASSWORD, totpNow()).status())
        .isEqualTo(201);
  }

  @Test
  void whenEveryPasswordCheckIsTakenALoginIsRefusedAtOnceWithRetryAfter() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(24);
    try {
      List<Future<RawHttp.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String address = "127.0.6." + (i + 1);
        String login = "crowd-" + i;
        answers.add(clients.submit(() -> loginFrom(address, login, "wrong", totpNow())));
      }
      List<RawHttp.Answer> busy = new ArrayList<>();
      for (Future<RawHttp.Answer> f : answers) {
        RawHttp.Answer a = f.get(120, TimeUnit.SECONDS);
        assertThat(a.status()).isIn(401, 503);
        if (a.status() == 503) {
          busy.add(a);
        }
      }
      assertThat(busy).isNotEmpty();
      for (RawHttp.Answer a : busy) {
        assertThat(a.header("content-type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(a.body()).contains("urn:guichet:problem:server-busy");
        assertThat(a.header("retry-after")).isEqualTo("2");
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void refusesIncompleteLogins() {
    assertThat(refused(new LoginRequest(DemoSandbox.LOGIN, "", "")).slug())
        .isEqualTo("login-incomplete");
  }

  @Test
  void endsASessionAfterThirtyMinutesWithoutARequest() {
    MediatorSession session = sandbox.login();
    sandbox.clock().advance(Duration.ofMinutes(29));
    sandbox.api().logout(session, IdempotencyKey.random());
    MediatorSession idle = sandbox.login();
    sandbox.clock().advance(Duration.ofMinutes(30));
    assertThatThrownBy(() -> sandbox.api().logout(idle, IdempotencyKey.random()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("session-expired"));
  }

  @Test
  void aLoggedOutSessionCannotBeUsedAgain() {
    MediatorSession session = sandbox.login();
    sandbox.api().logout(session, IdempotencyKey.random());
    assertThatThrownBy(() -> sandbox.api().logout(session, IdempotencyKey.random()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("session-expired"));
  }

  private Problem refused(LoginRequest request) {
    try {
      sandbox.api().login(request);
    } catch (ApiException e) {
      return e.problem();
    }
    throw new AssertionError("login should have been refused");
  }
}
