package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every allowed and every refused transition of the account lifecycle, through the API, with the
 * server's clock moved to the day before, the day of, and the day after each deadline. The demo was
 * seeded on 2026-11-29; Jeanne was informed 10 days before (deadline 2026-12-31), Ahmed 20 days
 * before (deadline 2026-12-21).
 */
class LifecycleTest {
  static final LocalDate SEEDED = LocalDate.of(2026, 11, 29);

  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  final Sittings sittings = new Sittings(sandbox);

  void on(LocalDate day) {
    sandbox.clock().set(Instant.parse(day + "T09:00:00Z"));
  }

  /** In sitting {@code s}, opens the space with the letter's {@code code}. */
  ActionResult activate(DemoSandbox.Sitting s, String code) {
    return sandbox
        .api()
        .activate(
            s.session(), s.delegation(), new ActivationRequest(code), IdempotencyKey.random());
  }

  ReceiptCheck check(ActionResult r) {
    return sandbox.api().verifyReceipt(r.receipt().signed());
  }

  @Test
  void anOppositionIsRecordedUpToTheDeadlineIncludedAndCanBeWithdrawn() {
    LocalDate deadline = SEEDED.minusDays(10).plusWeeks(6);
    assertThat(deadline).isEqualTo(LocalDate.of(2026, 12, 31));
    on(deadline.minusDays(1));
    assertThat(
            sandbox
                .api()
                .account(sandbox.session(), sandbox.open("p-jeanne", "account:read").delegation())
                .daysLeftToOppose())
        .isEqualTo(1L);

    on(deadline);
    DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read", "opposition:write");
    ActionResult opposed =
        sandbox.api().recordOpposition(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(opposed.account().state()).isEqualTo("OPPOSED");
    assertThat(opposed.account().allowedActions()).containsExactly("WITHDRAW_OPPOSITION");
    assertThat(check(opposed).valid()).isTrue();
    assertThat(check(opposed).payload())
        .containsEntry("kind", "record-opposition")
        .containsEntry("state", "OPPOSED")
        .containsEntry("oppositionDeadline", "2026-12-31")
        .containsEntry("person", "Jeanne M. (1950)");

    ActionResult withdrawn =
        sandbox.api().withdrawOpposition(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(withdrawn.account().state()).isEqualTo("ANNOUNCED");
    assertThat(sandbox.journal("person:p-jeanne"))
        .contains("OPPOSITION_RECORDED OK", "OPPOSITION_WITHDRAWN OK");
  }

  @Test
  void theDayAfterTheDeadlineTheSpaceExistsAndCanNoLongerBeOpposed() {
    on(LocalDate.of(2027, 1, 1));
    DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read", "opposition:write");
    assertThat(sandbox.api().account(s.session(), s.delegation()).state())
        .isEqualTo("ACTIVE_NOT_ACTIVATED");
    Refused.with(
        "opposition-period-over",
        () -> sandbox.api().recordOpposition(s.session(), s.delegation(), IdempotencyKey.random()));
    assertThat(sandbox.journal("person:p-jeanne"))
        .contains("OPPOSITION_RECORDED REFUSED opposition-period-over");
  }

  @Test
  void afterThePeriodAnOppositionCannotBeWithdrawnButTheSpaceCanBeCreatedOnRequest() {
    LocalDate deadline = SEEDED.minusDays(20).plusWeeks(6);
    on(deadline);
    DemoSandbox.Sitting before = sandbox.open("p-ahmed", "account:read", "opposition:write");
    Refused.with(
        "action-not-possible",
        () ->
            sandbox
                .api()
                .requestCreation(before.session(), before.delegation(), IdempotencyKey.random()));

    on(deadline.plusDays(1));
    DemoSandbox.Sitting s = sandbox.open("p-ahmed", "account:read", "opposition:write");
    Refused.with(
        "opposition-period-over",
        () ->
            sandbox.api().withdrawOpposition(s.session(), s.delegation(), IdempotencyKey.random()));
    ActionResult created =
        sandbox.api().requestCreation(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(created.account().state()).isEqualTo("ACTIVE_NOT_ACTIVATED");
  }

  @Test
  void aSpaceIsActivatedWithTheLettersCodeOnceAndAfterTheCarteVitale() {
    DemoSandbox.Sitting s = sandbox.open("p-maria", "account:read", "account:activate");
    Refused.with("activation-code-wrong", () -> activate(s, "XXXX-XXXX"));
    ActionResult active = activate(s, "md8r 3t6w");
    assertThat(active.account().state()).isEqualTo("ACTIVE");
    Refused.with("action-not-possible", () -> activate(s, "MD8R-3T6W"));
  }

  @Test
  void closingNeedsAStrongIdentification() {
    var who = sandbox.identify("p-louis");
    assertThat(who.strength()).isEqualTo("STANDARD");
    Refused.with(
        "strong-identification-required", () -> sittings.consentFor(who, null, 30, "record:close"));
    assertThat(sandbox.strengthen(who).strength()).isEqualTo("STRONG");
  }

  @Test
  void closeRequestDeletionThenReopenWithTheDataBack() {
    DemoSandbox.Sitting s = sandbox.open("p-louis", "account:read", "record:close");
    ActionResult closed = sittings.close(s, false);
    assertThat(closed.account().state()).isEqualTo("CLOSED");
    assertThat(closed.account().archiveEnd()).isEqualTo(SEEDED.plusYears(10));
    assertThat(closed.account().possibleActions())
        .containsExactlyInAnyOrder("REOPEN", "REQUEST_DELETION");
    Refused.with("action-not-possible", () -> sittings.close(s, true));

    ActionResult deleting =
        sandbox.api().requestDeletion(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(deleting.account().state()).isEqualTo("CLOSED_DELETION_REQUESTED");
    assertThat(deleting.account().deletionDue()).isEqualTo(SEEDED.plusMonths(3));

    ActionResult reopened =
        sandbox.api().reopen(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(reopened.account().state()).isEqualTo("ACTIVE");
    assertThat(check(reopened).payload()).containsEntry("dataRestored", true);
  }

  @Test
  void closingWithDeletionAtOnce() {
    DemoSandbox.Sitting s = sandbox.open("p-sophie", "account:read", "record:close");
    AccountStatus after = sittings.close(s, true).account();
    assertThat(after.state()).isEqualTo("CLOSED_DELETION_REQUESTED");
    assertThat(after.deletionDue()).isEqualTo(SEEDED.plusMonths(3));
  }

  @Test
  void reopeningAfterTheDeletionWasCarriedOutRestoresNothing() {
    LocalDate due = SEEDED.minusDays(20).plusMonths(3);
    on(due);
    DemoSandbox.Sitting onTheDay = sandbox.open("p-pierre", "account:read");
    assertThat(
            sandbox.api().account(onTheDay.session(), onTheDay.delegation()).archivedDataDeleted())
        .isFalse();

    on(due.plusDays(1));
    DemoSandbox.Sitting s = sandbox.open("p-pierre", "account:read", "record:close");
    assertThat(sandbox.api().account(s.session(), s.delegation()).archivedDataDeleted()).isTrue();
    ActionResult reopened =
        sandbox.api().reopen(s.session(), s.delegation(), IdempotencyKey.random());
    assertThat(reopened.account().state()).isEqualTo("ACTIVE");
    assertThat(check(reopened).payload()).containsEntry("dataRestored", false);
  }

  @Test
  void aSuspendedSpaceRefusesEverythingAndSaysToCall3422() {
    DemoSandbox.Sitting s =
        sandbox.open("p-yves", "account:read", "record:close", "opposition:write");
    Refused.with("account-suspended", () -> sittings.close(s, false));
    Refused.with(
        "account-suspended",
        () -> sandbox.api().recordOpposition(s.session(), s.delegation(), IdempotencyKey.random()));
    assertThat(sandbox.api().account(s.session(), s.delegation()).possibleActions()).isEmpty();
  }

  @Test
  void theOperatorSuspendsASpaceAndLiftingTheSuspensionRestoresItsState() throws Exception {
    String operator =
        sandbox.loginAs(DemoSandbox.OPERATOR_LOGIN, DemoSandbox.OPERATOR_SECRET).token();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.BiFunction<String, String, Integer> call =
        (method, token) -> {
          try {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                sandbox.server().url() + "v1/operator/persons/p-louis/suspension"))
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(call.apply("POST", sandbox.session().token()))
        .as("a mediator cannot suspend")
        .isEqualTo(403);
    assertThat(call.apply("POST", operator)).isEqualTo(200);
    DemoSandbox.Sitting s = sandbox.open("p-louis", "account:read");
    assertThat(sandbox.api().account(s.session(), s.delegation()).state()).isEqualTo("SUSPENDED");
    assertThat(call.apply("DELETE", operator)).isEqualTo(200);
    assertThat(sandbox.api().account(s.session(), s.delegation()).state()).isEqualTo("ACTIVE");
    assertThat(sandbox.journal("person:p-louis")).contains("SUSPENDED OK", "SUSPENSION_LIFTED OK");
  }

  @Test
  void aClosedSpaceCannotBeOpposedNorClosedAgain() {
    DemoSandbox.Sitting s =
        sandbox.open("p-fatima", "account:read", "record:close", "opposition:write");
    Refused.with("action-not-possible", () -> sittings.close(s, false));
    Refused.with(
        "action-not-possible",
        () -> sandbox.api().recordOpposition(s.session(), s.delegation(), IdempotencyKey.random()));
  }

  @Test
  void anActionNeedsItsScope() {
    DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read");
    Refused.with(
        "scope-missing",
        () -> sandbox.api().recordOpposition(s.session(), s.delegation(), IdempotencyKey.random()));
    assertThat(sandbox.api().account(s.session(), s.delegation()).allowedActions()).isEmpty();
  }
}
