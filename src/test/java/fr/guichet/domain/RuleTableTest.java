package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The rule table over every operation × state × way of acting × the days around each deadline (the
 * opposition deadline, the deletion due, the 18th birthday), and a few cases said in words.
 */
class RuleTableTest {
  static final Period SIX_WEEKS = Period.ofWeeks(6);
  static final LocalDate SENT = LocalDate.of(2026, 11, 1);
  static final LocalDate DEADLINE = SENT.plus(SIX_WEEKS);

  static final Set<Operation> READ_IN_ANY_STATE =
      EnumSet.of(Operation.READ_ACCOUNT, Operation.ISSUE_STATUS_STATEMENT, Operation.READ_JOURNAL);
  static final Set<Operation> ON_AN_OPEN_SPACE =
      EnumSet.of(
          Operation.LIST_DOCUMENTS,
          Operation.DOWNLOAD_DOCUMENT,
          Operation.READ_PROFILE,
          Operation.ISSUE_PROFILE_STATEMENT,
          Operation.WRITE_PROFILE,
          Operation.ADD_CAREGIVER,
          Operation.SHARE_PROFILE,
          Operation.ANSWER_SHARE);

  /** The pivot day a situation's "today" is taken around. */
  enum Pivot {
    OPPOSITION_DEADLINE,
    DELETION_DUE,
    ADULT_ON,
    ANY_DAY
  }

  static RuleTable.Situation situation(
      AccountState stored,
      ActingAs actingAs,
      BirthDate birth,
      Pivot pivot,
      int offset,
      int anyDay) {
    LocalDate closed = SENT.plusDays(60);
    boolean isClosed =
        stored == AccountState.CLOSED || stored == AccountState.CLOSED_DELETION_REQUESTED;
    Account account =
        new Account(
            stored,
            SENT,
            isClosed ? closed : null,
            stored == AccountState.CLOSED_DELETION_REQUESTED ? closed : null,
            null);
    LocalDate day =
        switch (pivot) {
          case OPPOSITION_DEADLINE -> DEADLINE;
          case DELETION_DUE -> closed.plus(Account.DELETION_DELAY);
          case ADULT_ON -> birth.adultOn();
          case ANY_DAY -> SENT.plusDays(anyDay);
        };
    return new RuleTable.Situation(account, actingAs, birth, day.plusDays(offset), SIX_WEEKS);
  }

  @Provide
  Arbitrary<RuleTable.Situation> situations() {
    Arbitrary<BirthDate> births =
        Arbitraries.longs()
            .between(LocalDate.of(1930, 1, 1).toEpochDay(), LocalDate.of(2026, 1, 1).toEpochDay())
            .flatMap(
                e ->
                    Arbitraries.integers()
                        .between(0, 2)
                        .map(
                            unknown -> {
                              LocalDate d = LocalDate.ofEpochDay(e);
                              return new BirthDate(
                                  d.getYear(),
                                  unknown == 2 ? 0 : d.getMonthValue(),
                                  unknown >= 1 ? 0 : d.getDayOfMonth());
                            }));
    return Combinators.combine(
            Arbitraries.of(AccountState.class),
            Arbitraries.of(ActingAs.class),
            births,
            Arbitraries.of(Pivot.class),
            Arbitraries.integers().between(-1, 1),
            Arbitraries.integers().between(-400, 4000))
        .as(RuleTableTest::situation);
  }

  @Property
  void aParentActsForAMinorOnlyAndNobodyElseIsRefusedForAnAge(
      @ForAll("situations") RuleTable.Situation s, @ForAll Operation operation) {
    boolean ended =
        RuleTable.refusal(operation, s)
            .map(r -> r.slug().equals("representation-ended"))
            .orElse(false);
    assertThat(ended).isEqualTo(s.actingAs().parental() && !s.birth().minorOn(s.today()));
  }

  @Property
  void whatAWayOfActingNeverAllowsIsRefusedWithItsOwnSlugInEveryState(
      @ForAll("situations") RuleTable.Situation s, @ForAll Operation operation) {
    Optional<RuleTable.Refusal> refusal = RuleTable.refusal(operation, s);
    boolean ended = s.actingAs().parental() && !s.birth().minorOn(s.today());
    if (!ended && !RuleTable.reaches(s.actingAs(), operation)) {
      assertThat(refusal).isPresent();
      assertThat(refusal.get().slug()).isEqualTo(RuleTable.forbidden(s.actingAs()));
      assertThat(refusal.get().cause()).isEqualTo(RuleTable.Cause.WHO);
      assertThat(refusal.get().params()).containsEntry("scope", operation.scope().wire());
    }
  }

  @Property
  void aLifecycleActionIsAllowedExactlyWhenTheSpaceAllowsItThatDay(
      @ForAll("situations") RuleTable.Situation s, @ForAll AccountAction action) {
    Operation operation = Operation.of(action);
    Assume(s, operation);
    Optional<RuleTable.Refusal> refusal = RuleTable.refusal(operation, s);
    Account.Today now = s.account().on(s.today(), SIX_WEEKS);
    assertThat(refusal.isEmpty()).isEqualTo(now.possibleActions().contains(action));
    refusal.ifPresent(
        r -> {
          assertThat(r.slug())
              .isIn("action-not-possible", "opposition-period-over", "account-suspended");
          assertThat(r.cause()).isEqualTo(RuleTable.Cause.STATE);
          assertThat(r.slug().equals("account-suspended"))
              .isEqualTo(now.state() == AccountState.SUSPENDED);
        });
  }

  @Property
  void aDataRouteNeedsACreatedOpenSpaceExceptReadingTheStateAndTheJournal(
      @ForAll("situations") RuleTable.Situation s, @ForAll Operation operation) {
    Assume(s, operation);
    if (operation.action() != null) {
      return;
    }
    AccountState state = s.now().state();
    Optional<String> slug = RuleTable.refusal(operation, s).map(RuleTable.Refusal::slug);
    if (READ_IN_ANY_STATE.contains(operation)) {
      assertThat(slug).isEmpty();
    } else if (state == AccountState.SUSPENDED) {
      assertThat(slug).hasValue("account-suspended");
    } else if (!ON_AN_OPEN_SPACE.contains(operation)) {
      assertThat(slug).isEmpty();
    } else {
      assertThat(slug)
          .isEqualTo(
              switch (state) {
                case ANNOUNCED, OPPOSED -> Optional.of("space-not-created");
                case CLOSED, CLOSED_DELETION_REQUESTED -> Optional.of("space-closed");
                default -> Optional.<String>empty();
              });
    }
  }

  @Property
  void theActionsOfferedAreExactlyThoseTheTableAllows(@ForAll("situations") RuleTable.Situation s) {
    Set<AccountAction> offered = RuleTable.possibleActions(s);
    for (AccountAction a : AccountAction.values()) {
      assertThat(offered.contains(a))
          .as(a + " in " + s)
          .isEqualTo(RuleTable.allows(Operation.of(a), s));
    }
  }

  @Property
  void aScopeIsAllowedToAWayOfActingWhenOneOperationOfItIs(
      @ForAll ActingAs actingAs, @ForAll Scope scope) {
    boolean any = false;
    for (Operation o : Operation.values()) {
      any |= o.scope() == scope && RuleTable.reaches(actingAs, o);
    }
    assertThat(actingAs.allows(scope)).isEqualTo(any);
  }

  /** Skips the situations where who acts decides alone (tested above). */
  private static void Assume(RuleTable.Situation s, Operation operation) {
    net.jqwik.api.Assume.that(
        RuleTable.reaches(s.actingAs(), operation)
            && !(s.actingAs().parental() && !s.birth().minorOn(s.today())));
  }

  // Cases in words.

  static final BirthDate ADULT = new BirthDate(1970, 4, 4);
  static final BirthDate CHILD = new BirthDate(2015, 9, 12);

  static RuleTable.Situation on(AccountState state, ActingAs actingAs, LocalDate today) {
    return situation(
        state, actingAs, ADULT, Pivot.ANY_DAY, 0, (int) (today.toEpochDay() - SENT.toEpochDay()));
  }

  @Test
  void aCaregiverHelpsButNeverDownloadsClosesDeletesNorChoosesWhoHasAccess() {
    RuleTable.Situation s = on(AccountState.ACTIVE, ActingAs.CAREGIVING, DEADLINE);
    assertThat(RuleTable.allows(Operation.LIST_DOCUMENTS, s)).isTrue();
    assertThat(RuleTable.allows(Operation.WRITE_PROFILE, s)).isTrue();
    for (Operation o :
        Set.of(
            Operation.DOWNLOAD_DOCUMENT,
            Operation.ISSUE_PROFILE_STATEMENT,
            Operation.CLOSE,
            Operation.ADD_CAREGIVER,
            Operation.REMOVE_CAREGIVER,
            Operation.SHARE_PROFILE)) {
      assertThat(RuleTable.refusal(o, s).orElseThrow().slug()).isEqualTo("caregiver-forbidden");
    }
    assertThat(RuleTable.possibleActions(s)).isEmpty();
  }

  @Test
  void aCuratorAloneLooksButNeitherObjectsNorClosesNorDeletes() {
    RuleTable.Situation active = on(AccountState.ACTIVE, ActingAs.CURATORSHIP, DEADLINE);
    assertThat(RuleTable.allows(Operation.READ_ACCOUNT, active)).isTrue();
    assertThat(RuleTable.allows(Operation.READ_PROFILE, active)).isTrue();
    assertThat(RuleTable.refusal(Operation.CLOSE, active).orElseThrow().slug())
        .isEqualTo("curator-forbidden");
    RuleTable.Situation announced = on(AccountState.ANNOUNCED, ActingAs.CURATORSHIP, DEADLINE);
    assertThat(RuleTable.refusal(Operation.RECORD_OPPOSITION, announced).orElseThrow().slug())
        .isEqualTo("curator-forbidden");
    RuleTable.Situation closed = on(AccountState.CLOSED, ActingAs.CURATORSHIP, DEADLINE);
    assertThat(RuleTable.refusal(Operation.REQUEST_DELETION, closed).orElseThrow().slug())
        .isEqualTo("curator-forbidden");
    assertThat(RuleTable.possibleActions(announced)).isEmpty();
    // The tutor represents: the same space, every action.
    assertThat(
            RuleTable.possibleActions(on(AccountState.ANNOUNCED, ActingAs.GUARDIANSHIP, DEADLINE)))
        .containsExactlyInAnyOrder(AccountAction.RECORD_OPPOSITION, AccountAction.ACTIVATE);
  }

  @Test
  void theSecondParentLooksAfterTheProfileButNotTheSpace() {
    RuleTable.Situation s =
        situation(
            AccountState.ACTIVE, ActingAs.SECOND_PARENT, CHILD, Pivot.OPPOSITION_DEADLINE, 0, 0);
    assertThat(RuleTable.allows(Operation.WRITE_PROFILE, s)).isTrue();
    assertThat(RuleTable.allows(Operation.DOWNLOAD_DOCUMENT, s)).isTrue();
    assertThat(RuleTable.refusal(Operation.CLOSE, s).orElseThrow().slug())
        .isEqualTo("second-parent-forbidden");
    assertThat(RuleTable.refusal(Operation.ADD_CAREGIVER, s).orElseThrow().slug())
        .isEqualTo("second-parent-forbidden");
  }

  @Test
  void aParentActsUntilTheDayBeforeTheChildIs18() {
    LocalDate adult = CHILD.adultOn();
    for (ActingAs parent : Set.of(ActingAs.LEGAL_REPRESENTATION, ActingAs.SECOND_PARENT)) {
      RuleTable.Situation before =
          situation(AccountState.ACTIVE, parent, CHILD, Pivot.ADULT_ON, -1, 0);
      RuleTable.Situation on = situation(AccountState.ACTIVE, parent, CHILD, Pivot.ADULT_ON, 0, 0);
      assertThat(before.today()).isEqualTo(adult.minusDays(1));
      assertThat(RuleTable.allows(Operation.READ_ACCOUNT, before)).isTrue();
      RuleTable.Refusal ended = RuleTable.refusal(Operation.READ_ACCOUNT, on).orElseThrow();
      assertThat(ended.slug()).isEqualTo("representation-ended");
      assertThat(ended.params()).containsEntry("adultOn", "2033-09-12");
    }
    // The child herself, and a tutor, go on.
    assertThat(
            RuleTable.allows(
                Operation.READ_ACCOUNT,
                situation(AccountState.ACTIVE, ActingAs.SELF, CHILD, Pivot.ADULT_ON, 1, 0)))
        .isTrue();
  }

  @Test
  void theDataOfASpaceAreThereOnlyWhileItIsOpen() {
    for (AccountState state : AccountState.values()) {
      RuleTable.Situation s = on(state, ActingAs.SELF, DEADLINE);
      Optional<String> slug =
          RuleTable.refusal(Operation.WRITE_PROFILE, s).map(RuleTable.Refusal::slug);
      assertThat(slug)
          .as(state.name())
          .isEqualTo(
              switch (state) {
                case ANNOUNCED, OPPOSED -> Optional.of("space-not-created");
                case CLOSED, CLOSED_DELETION_REQUESTED -> Optional.of("space-closed");
                case SUSPENDED -> Optional.of("account-suspended");
                case ACTIVE, ACTIVE_NOT_ACTIVATED -> Optional.<String>empty();
              });
      assertThat(RuleTable.allows(Operation.READ_JOURNAL, s)).isTrue();
    }
  }

  @Test
  void anAnnouncedSpaceHasNoDataUntilTheDeadlineThenItExists() {
    RuleTable.Situation onTheDay = on(AccountState.ANNOUNCED, ActingAs.SELF, DEADLINE);
    RuleTable.Situation dayAfter = on(AccountState.ANNOUNCED, ActingAs.SELF, DEADLINE.plusDays(1));
    assertThat(RuleTable.refusal(Operation.READ_PROFILE, onTheDay).orElseThrow().slug())
        .isEqualTo("space-not-created");
    assertThat(RuleTable.allows(Operation.RECORD_OPPOSITION, onTheDay)).isTrue();
    assertThat(RuleTable.allows(Operation.READ_PROFILE, dayAfter)).isTrue();
    assertThat(RuleTable.refusal(Operation.RECORD_OPPOSITION, dayAfter).orElseThrow().slug())
        .isEqualTo("opposition-period-over");
  }

  @Test
  void aSpaceWhoseDeletionIsDueCanStillBeReopenedButItsDataAreNotShown() {
    LocalDate closed = SENT.plusDays(60);
    LocalDate due = closed.plus(Account.DELETION_DELAY);
    for (LocalDate day : new LocalDate[] {due.minusDays(1), due, due.plusDays(1)}) {
      RuleTable.Situation s = on(AccountState.CLOSED_DELETION_REQUESTED, ActingAs.SELF, day);
      assertThat(RuleTable.possibleActions(s)).containsExactly(AccountAction.REOPEN);
      assertThat(RuleTable.refusal(Operation.LIST_DOCUMENTS, s).orElseThrow().slug())
          .isEqualTo("space-closed");
      assertThat(s.account().dataDeleted(day)).isEqualTo(day.isAfter(due));
    }
  }

  @Test
  void onlyTheParentAChildIsAttachedToSharesTheProfileAndOnlyTheInvitedParentAnswers() {
    RuleTable.Situation parent =
        situation(AccountState.ACTIVE, ActingAs.LEGAL_REPRESENTATION, CHILD, Pivot.ANY_DAY, 0, 0);
    assertThat(RuleTable.allows(Operation.SHARE_PROFILE, parent)).isTrue();
    assertThat(RuleTable.allows(Operation.END_SHARE, parent)).isTrue();
    RuleTable.Situation self = on(AccountState.ACTIVE, ActingAs.SELF, DEADLINE);
    assertThat(RuleTable.refusal(Operation.SHARE_PROFILE, self).orElseThrow().slug())
        .isEqualTo("acting-as-forbidden");
    assertThat(RuleTable.allows(Operation.ANSWER_SHARE, self)).isTrue();
    assertThat(RuleTable.refusal(Operation.ANSWER_SHARE, parent).orElseThrow().slug())
        .isEqualTo("acting-as-forbidden");
  }

  @Property
  void aConsentIsRefusedForAnAdultChildAScopeOutOfReachOrATutorsChangeWithoutTheOpinion(
      @ForAll ActingAs actingAs,
      @ForAll Scope scope,
      @ForAll("opinions") Boolean opinion,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -1, max = 1) int offset) {
    LocalDate today = CHILD.adultOn().plusDays(offset);
    Optional<String> slug =
        RuleTable.consentRefusal(actingAs, scope, CHILD, today, opinion)
            .map(RuleTable.Refusal::slug);
    if (actingAs.parental() && offset >= 0) {
      assertThat(slug).hasValue("representation-ended");
    } else if (!actingAs.allows(scope)) {
      assertThat(slug).hasValue(RuleTable.forbidden(actingAs));
    } else if (actingAs == ActingAs.GUARDIANSHIP && scope.changes() && opinion != Boolean.TRUE) {
      assertThat(slug).hasValue("opinion-required");
    } else {
      assertThat(slug).isEmpty();
    }
  }

  @Provide
  Arbitrary<Boolean> opinions() {
    return Arbitraries.of(true, false).injectNull(0.3);
  }

  @Test
  void aTutorLooksWithoutTheOpinionButChangesNothingWithoutIt() {
    LocalDate today = DEADLINE;
    assertThat(
            RuleTable.consentRefusal(ActingAs.GUARDIANSHIP, Scope.ACCOUNT_READ, ADULT, today, null))
        .isEmpty();
    assertThat(
            RuleTable.consentRefusal(ActingAs.GUARDIANSHIP, Scope.RECORD_CLOSE, ADULT, today, null)
                .orElseThrow()
                .cause())
        .isEqualTo(RuleTable.Cause.CONSENT);
    assertThat(
            RuleTable.consentRefusal(ActingAs.GUARDIANSHIP, Scope.RECORD_CLOSE, ADULT, today, true))
        .isEmpty();
  }
}
