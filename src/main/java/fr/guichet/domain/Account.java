package fr.guichet.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person's space as stored, and the rules that derive what it is today: the state once the
 * opposition period has run out, the dates that matter, and the actions still possible.
 *
 * <p>The server owns these rules (the kiosk never recomputes them); they live here, free of I/O,
 * so that every deadline can be tested the day before, on, and after.
 *
 * <pre>{@code
 * Account account = new Account(AccountState.ANNOUNCED, sentOn, null, null, null);
 * Account.Today today = account.on(LocalDate.now(parisClock), Period.ofWeeks(6));
 * today.state(); today.oppositionDeadline(); today.possibleActions();
 * }</pre>
 *
 * @param storedState the state last written
 * @param informationSentOn when the creation was announced (e-mail or letter), if it was
 * @param closedOn when the space was closed, if it is
 * @param deletionRequestedOn when deletion was asked for, if it was
 * @param deletedOn when the archived data were deleted, if they were
 */
public record Account(
    AccountState storedState,
    LocalDate informationSentOn,
    LocalDate closedOn,
    LocalDate deletionRequestedOn,
    LocalDate deletedOn) {

  /** Closed data are kept this long, then deleted. */
  public static final Period ARCHIVE = Period.ofYears(10);
  /** A deletion request is carried out within this delay. */
  public static final Period DELETION_DELAY = Period.ofMonths(3);

  /**
   * What the space is on a given day.
   *
   * @param daysLeftToOppose days until the deadline, 0 on the deadline itself; empty when the
   *     period is over or does not apply
   */
  public record Today(
      AccountState state,
      Optional<LocalDate> oppositionDeadline,
      Optional<Long> daysLeftToOppose,
      Optional<LocalDate> archiveEnd,
      Optional<LocalDate> deletionDue,
      Set<AccountAction> possibleActions) {}

  /** The space on {@code today}, with an opposition period of {@code oppositionPeriod}. */
  public Today on(LocalDate today, Period oppositionPeriod) {
    Optional<LocalDate> deadline = Optional.ofNullable(informationSentOn).map(d -> d.plus(oppositionPeriod));
    boolean periodRunning = deadline.map(d -> !today.isAfter(d)).orElse(false);
    AccountState state = storedState;
    if (state == AccountState.ANNOUNCED && !periodRunning) {
      // Nobody objected in time: the space was created automatically.
      state = AccountState.ACTIVE_NOT_ACTIVATED;
    }
    Optional<Long> daysLeft = periodRunning && (state == AccountState.ANNOUNCED || state == AccountState.OPPOSED)
        ? deadline.map(d -> ChronoUnit.DAYS.between(today, d))
        : Optional.empty();
    boolean closed = state == AccountState.CLOSED || state == AccountState.CLOSED_DELETION_REQUESTED;
    Optional<LocalDate> archiveEnd = closed ? Optional.ofNullable(closedOn).map(d -> d.plus(ARCHIVE)) : Optional.empty();
    Optional<LocalDate> deletionDue = state == AccountState.CLOSED_DELETION_REQUESTED
        ? Optional.ofNullable(deletionRequestedOn).map(d -> d.plus(DELETION_DELAY))
        : Optional.empty();
    Set<AccountAction> actions = EnumSet.noneOf(AccountAction.class);
    switch (state) {
      case ANNOUNCED -> actions.addAll(Set.of(AccountAction.RECORD_OPPOSITION, AccountAction.ACTIVATE));
      case OPPOSED -> actions.add(periodRunning ? AccountAction.WITHDRAW_OPPOSITION : AccountAction.CREATE_ON_REQUEST);
      case ACTIVE_NOT_ACTIVATED -> actions.addAll(Set.of(AccountAction.ACTIVATE, AccountAction.CLOSE));
      case ACTIVE -> actions.add(AccountAction.CLOSE);
      case CLOSED -> actions.addAll(Set.of(AccountAction.REOPEN, AccountAction.REQUEST_DELETION));
      case CLOSED_DELETION_REQUESTED -> actions.add(AccountAction.REOPEN);
      case SUSPENDED -> { }
    }
    return new Today(
        state,
        state == AccountState.ANNOUNCED || state == AccountState.OPPOSED ? deadline : Optional.empty(),
        daysLeft,
        archiveEnd,
        deletionDue,
        actions);
  }
}
