package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import java.time.Duration;
import java.time.Instant;
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
  void aRequestMovesTheSessionsEndOnlyOnceItWouldMoveByAMinute() {
    MediatorSession session = sandbox.login();
    String opened = expiry();
    sandbox.clock().advance(Duration.ofSeconds(20));
    sandbox.api().outbox(session);
    assertThat(expiry()).as("not rewritten 20 s later").isEqualTo(opened);
    sandbox.clock().advance(Duration.ofSeconds(50));
    sandbox.api().outbox(session);
    assertThat(Instant.parse(expiry()))
        .isEqualTo(sandbox.clock().instant().plus(Duration.ofMinutes(30)));
  }

  String expiry() {
    return sandbox.query("SELECT expires_at FROM mediator_session", r -> r.getString(1)).get(0);
  }

  @Test
  void givesTheSameProblemWhateverWasWrongAndJournalsEachFailure() {
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
    assertThat(sandbox.journal("system")).containsExactly("LOGIN REFUSED login-failed");
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

  @Test
  void locksALoginAfterFiveFailuresKnownOrNotThenUnlocksAfterFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      refused(new LoginRequest(DemoSandbox.LOGIN, "wrong", sandbox.freshTotp()));
      refused(new LoginRequest("nobody", "wrong", sandbox.freshTotp()));
    }
    Problem known =
        refused(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, sandbox.freshTotp()));
    Problem unknown =
        refused(new LoginRequest("nobody", DemoSandbox.PASSWORD, sandbox.freshTotp()));
    assertThat(known.slug()).isEqualTo("login-locked");
    assertThat(known).isEqualTo(unknown);
    assertThat(known.status()).isEqualTo(429);

    sandbox.clock().advance(Duration.ofMinutes(15));
    assertThat(sandbox.login()).isNotNull();
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
