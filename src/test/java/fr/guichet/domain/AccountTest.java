package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final Period SIX_WEEKS = Period.ofWeeks(6);
  private static final LocalDate SENT = LocalDate.of(2026, 11, 1);
  private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 13);

  @Test
  void anAnnouncedSpaceCanBeOpposedUntilTheDeadlineIncluded() {
    Account account = new Account(AccountState.ANNOUNCED, SENT, null, null, null);
    Account.Today dayBefore = account.on(DEADLINE.minusDays(1), SIX_WEEKS);
    Account.Today onTheDay = account.on(DEADLINE, SIX_WEEKS);
    Account.Today dayAfter = account.on(DEADLINE.plusDays(1), SIX_WEEKS);

    assertThat(dayBefore.state()).isEqualTo(AccountState.ANNOUNCED);
    assertThat(dayBefore.daysLeftToOppose()).hasValue(1L);
    assertThat(onTheDay.possibleActions()).contains(AccountAction.RECORD_OPPOSITION);
    assertThat(onTheDay.daysLeftToOppose()).hasValue(0L);
    assertThat(onTheDay.oppositionDeadline()).hasValue(DEADLINE);
    // Nobody objected: the space was created.
    assertThat(dayAfter.state()).isEqualTo(AccountState.ACTIVE_NOT_ACTIVATED);
    assertThat(dayAfter.possibleActions())
        .containsExactlyInAnyOrder(AccountAction.ACTIVATE, AccountAction.CLOSE);
    assertThat(dayAfter.daysLeftToOppose()).isEmpty();
  }

  @Test
  void anOppositionCanBeWithdrawnWhileThePeriodRunsThenOnlyACreationOnRequest() {
    Account account = new Account(AccountState.OPPOSED, SENT, null, null, null);
    assertThat(account.on(DEADLINE, SIX_WEEKS).possibleActions())
        .containsExactly(AccountAction.WITHDRAW_OPPOSITION);
    assertThat(account.on(DEADLINE.plusDays(1), SIX_WEEKS).possibleActions())
        .containsExactly(AccountAction.CREATE_ON_REQUEST);
    assertThat(account.on(DEADLINE.plusDays(1), SIX_WEEKS).state()).isEqualTo(AccountState.OPPOSED);
  }

  @Test
  void theOppositionPeriodIsASetting() {
    Account account = new Account(AccountState.ANNOUNCED, SENT, null, null, null);
    Period pilot = Period.ofMonths(1).plusDays(10); // "1 mois et 10 jours" in the 2021 pilot
    assertThat(account.on(SENT, pilot).oppositionDeadline()).hasValue(LocalDate.of(2026, 12, 11));
  }

  @Test
  void aClosedSpaceIsArchivedTenYearsAndADeletionIsDueWithinThreeMonths() {
    LocalDate closed = LocalDate.of(2026, 10, 1);
    Account.Today archived =
        new Account(AccountState.CLOSED, SENT, closed, null, null).on(closed, SIX_WEEKS);
    assertThat(archived.archiveEnd()).hasValue(LocalDate.of(2036, 10, 1));
    assertThat(archived.deletionDue()).isEmpty();
    assertThat(archived.possibleActions())
        .containsExactlyInAnyOrder(AccountAction.REOPEN, AccountAction.REQUEST_DELETION);

    Account.Today deleting =
        new Account(AccountState.CLOSED_DELETION_REQUESTED, SENT, closed, closed, null)
            .on(closed, SIX_WEEKS);
    assertThat(deleting.deletionDue()).hasValue(LocalDate.of(2027, 1, 1));
    assertThat(deleting.possibleActions()).containsExactly(AccountAction.REOPEN);
  }

  @Test
  void archivedDataAreDeletedTheDayAfterTenYears() {
    LocalDate closed = LocalDate.of(2026, 10, 1);
    Account account = new Account(AccountState.CLOSED, SENT, closed, null, null);
    assertThat(account.dataDeleted(closed.plusYears(10))).isFalse();
    assertThat(account.dataDeleted(closed.plusYears(10).plusDays(1))).isTrue();
    assertThat(
            account
                .apply(AccountAction.REOPEN, false, closed.plusYears(10).plusDays(1), SIX_WEEKS)
                .deletedOn())
        .isEqualTo(closed.plusYears(10).plusDays(1));
    assertThat(
            account.apply(AccountAction.REOPEN, false, closed.plusYears(10), SIX_WEEKS).deletedOn())
        .isNull();
  }

  @Test
  void refusalsSayWhy() {
    Account suspended = new Account(AccountState.SUSPENDED, SENT, null, null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> suspended.apply(AccountAction.CLOSE, false, SENT, SIX_WEEKS))
        .isInstanceOfSatisfying(
            TransitionRefused.class, e -> assertThat(e.reason()).isEqualTo("account-suspended"));
    Account late = new Account(AccountState.ANNOUNCED, SENT, null, null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                late.apply(AccountAction.RECORD_OPPOSITION, false, DEADLINE.plusDays(1), SIX_WEEKS))
        .isInstanceOfSatisfying(
            TransitionRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo("opposition-period-over");
              assertThat(e.params()).containsEntry("deadline", "2026-12-13");
            });
  }

  @Test
  void aSuspendedSpaceAllowsNothingFromTheKiosk() {
    assertThat(
            new Account(AccountState.SUSPENDED, SENT, null, null, null)
                .on(SENT, SIX_WEEKS)
                .possibleActions())
        .isEmpty();
  }

  @Test
  void anActiveSpaceCanBeClosed() {
    assertThat(
            new Account(AccountState.ACTIVE, SENT, null, null, null)
                .on(SENT, SIX_WEEKS)
                .possibleActions())
        .containsExactly(AccountAction.CLOSE);
  }
}
