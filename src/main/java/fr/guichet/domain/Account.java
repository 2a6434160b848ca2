package fr.guichet.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person's space as stored, and the rules that derive what it is today: the state once the
 * opposition period has run out, the dates that matter, and the actions still possible.
 *
 * <p>The server owns these rules (the kiosk never recomputes them); they live here, free of I/O, so
 * that every deadline can be tested the day before, on, and after.
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

  /** Whether the archived data are gone: deletion carried out, or the 10-year archive over. */
  public boolean dataDeleted(LocalDate today) {
    if (deletedOn != null) {
      return true;
    }
    if (storedState == AccountState.CLOSED_DELETION_REQUESTED && deletionRequestedOn != null) {
      return today.isAfter(deletionRequestedOn.plus(DELETION_DELAY));
    }
    return storedState == AccountState.CLOSED
        && closedOn != null
        && today.isAfter(closedOn.plus(ARCHIVE));
  }

  /** Throws {@link TransitionRefused} unless {@code action} is possible on {@code today}. */
  public void requirePossible(AccountAction action, LocalDate today, Period oppositionPeriod) {
    Today now = on(today, oppositionPeriod);
    if (!now.possibleActions().contains(action)) {
      throw refusal(action, now, today, oppositionPeriod);
    }
  }

  /**
   * The space after {@code action} on {@code today}, or {@link TransitionRefused} with the reason.
   * Closure takes {@code withDeletion}; other actions ignore it.
   */
  public Account apply(
      AccountAction action, boolean withDeletion, LocalDate today, Period oppositionPeriod) {
    requirePossible(action, today, oppositionPeriod);
    return switch (action) {
      case RECORD_OPPOSITION ->
          with(AccountState.OPPOSED, closedOn, deletionRequestedOn, deletedOn);
      case WITHDRAW_OPPOSITION ->
          with(AccountState.ANNOUNCED, closedOn, deletionRequestedOn, deletedOn);
      case CREATE_ON_REQUEST -> with(AccountState.ACTIVE_NOT_ACTIVATED, null, null, null);
      case ACTIVATE -> with(AccountState.ACTIVE, null, null, null);
      case CLOSE ->
          withDeletion
              ? with(AccountState.CLOSED_DELETION_REQUESTED, today, today, null)
              : with(AccountState.CLOSED, today, null, null);
      case REQUEST_DELETION -> with(AccountState.CLOSED_DELETION_REQUESTED, closedOn, today, null);
      // Reopening brings the archived data back, unless they were deleted meanwhile.
      case REOPEN -> with(AccountState.ACTIVE, null, null, dataDeleted(today) ? today : null);
    };
  }

  private TransitionRefused refusal(
      AccountAction action, Today now, LocalDate today, Period period) {
    Map<String, Object> params = Map.of("action", action.name(), "state", now.state().name());
    if (now.state() == AccountState.SUSPENDED) {
      return new TransitionRefused("account-suspended", params);
    }
    boolean oppositionAction =
        action == AccountAction.RECORD_OPPOSITION || action == AccountAction.WITHDRAW_OPPOSITION;
    boolean beforeCreation =
        storedState == AccountState.ANNOUNCED || storedState == AccountState.OPPOSED;
    if (oppositionAction
        && beforeCreation
        && informationSentOn != null
        && today.isAfter(informationSentOn.plus(period))) {
      return new TransitionRefused(
          "opposition-period-over",
          Map.of(
              "action",
              action.name(),
              "state",
              now.state().name(),
              "deadline",
              informationSentOn.plus(period).toString()));
    }
    return new TransitionRefused("action-not-possible", params);
  }

  private Account with(
      AccountState state, LocalDate closed, LocalDate deletionRequested, LocalDate deleted) {
    return new Account(state, informationSentOn, closed, deletionRequested, deleted);
  }

  /** The space on {@code today}, with an opposition period of {@code oppositionPeriod}. */
  public Today on(LocalDate today, Period oppositionPeriod) {
    Optional<LocalDate> deadline =
        Optional.ofNullable(informationSentOn).map(d -> d.plus(oppositionPeriod));
    boolean periodRunning = deadline.map(d -> !today.isAfter(d)).orElse(false);
    AccountState state = storedState;
    if (state == AccountState.ANNOUNCED && !periodRunning) {
      // Nobody objected in time: the space was created automatically.
      state = AccountState.ACTIVE_NOT_ACTIVATED;
    }
    Optional<Long> daysLeft =
        periodRunning && (state == AccountState.ANNOUNCED || state == AccountState.OPPOSED)
            ? deadline.map(d -> ChronoUnit.DAYS.between(today, d))
            : Optional.empty();
    boolean closed =
        state == AccountState.CLOSED || state == AccountState.CLOSED_DELETION_REQUESTED;
    Optional<LocalDate> archiveEnd =
        closed ? Optional.ofNullable(closedOn).map(d -> d.plus(ARCHIVE)) : Optional.empty();
    Optional<LocalDate> deletionDue =
        state == AccountState.CLOSED_DELETION_REQUESTED
            ? Optional.ofNullable(deletionRequestedOn).map(d -> d.plus(DELETION_DELAY))
            : Optional.empty();
    Set<AccountAction> actions = EnumSet.noneOf(AccountAction.class);
    switch (state) {
      case ANNOUNCED ->
          actions.addAll(Set.of(AccountAction.RECORD_OPPOSITION, AccountAction.ACTIVATE));
      case OPPOSED ->
          actions.add(
              periodRunning ? AccountAction.WITHDRAW_OPPOSITION : AccountAction.CREATE_ON_REQUEST);
      case ACTIVE_NOT_ACTIVATED ->
          actions.addAll(Set.of(AccountAction.ACTIVATE, AccountAction.CLOSE));
      case ACTIVE -> actions.add(AccountAction.CLOSE);
      case CLOSED -> actions.addAll(Set.of(AccountAction.REOPEN, AccountAction.REQUEST_DELETION));
      case CLOSED_DELETION_REQUESTED -> actions.add(AccountAction.REOPEN);
      case SUSPENDED -> {}
    }
    return new Today(
        state,
        state == AccountState.ANNOUNCED || state == AccountState.OPPOSED
            ? deadline
            : Optional.empty(),
        daysLeft,
        archiveEnd,
        deletionDue,
        actions);
  }
}
