package fr.guichet.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may do what on a space, and when: an {@link Operation} (a lifecycle action
 * or a data route) × the state of the space on the day × how the person at the counter acts ({@link
 * ActingAs}) × the dates that matter (the opposition deadline, the deletion due, the 18th birthday
 * of the person acted for) → allowed, or the problem slug that says why not.
 *
 * <p>The server checks every request about a person against it, and computes from it the actions it
 * offers ({@code possibleActions}, {@code allowedActions}); no client needs to know it to be
 * refused the same way. Pure: no I/O, every deadline testable the day before, on and after.
 *
 * <pre>{@code
 * RuleTable.Situation s = new RuleTable.Situation(account, ActingAs.CAREGIVING, birth, today, sixWeeks);
 * RuleTable.refusal(Operation.DOWNLOAD_DOCUMENT, s); // Optional[caregiver-forbidden]
 * RuleTable.possibleActions(s);                      // what may be offered, e.g. [ACTIVATE]
 * }</pre>
 */
public final class RuleTable {
  /**
   * What a decision depends on.
   *
   * @param account the space as stored
   * @param actingAs how the person at the counter acts on it
   * @param birth the birth date of the person whose space it is
   * @param today the day, in the service's time zone
   * @param oppositionPeriod from the information sent to the opposition deadline
   */
  public record Situation(
      Account account,
      ActingAs actingAs,
      BirthDate birth,
      LocalDate today,
      Period oppositionPeriod) {
    /** The space on the day. */
    public Account.Today now() {
      return account.on(today, oppositionPeriod);
    }
  }

  /**
   * Why not: the stable problem slug, whether it is about who acts or about the state of the space,
   * and the values its sentence needs.
   */
  public record Refusal(String slug, Cause cause, Map<String, Object> params) {
    public Refusal {
      params = Map.copyOf(params);
    }
  }

  /**
   * Who acts may never do it (or no longer); the space does not allow it now; or the consent lacks
   * what it must record.
   */
  public enum Cause {
    WHO,
    STATE,
    CONSENT
  }

  /** Reading the state and the journal: in every state, a suspended space included. */
  private static final Set<Operation> READ_IN_ANY_STATE =
      EnumSet.of(Operation.READ_ACCOUNT, Operation.ISSUE_STATUS_STATEMENT, Operation.READ_JOURNAL);

  /** What needs a space that exists and is open (created, not closed). */
  private static final Set<Operation> NEEDS_OPEN_SPACE =
      EnumSet.of(
          Operation.LIST_DOCUMENTS,
          Operation.DOWNLOAD_DOCUMENT,
          Operation.READ_PROFILE,
          Operation.ISSUE_PROFILE_STATEMENT,
          Operation.WRITE_PROFILE,
          Operation.ADD_CAREGIVER,
          Operation.SHARE_PROFILE,
          Operation.ANSWER_SHARE);

  private static final Set<Operation> LOOKING =
      EnumSet.of(
          Operation.READ_ACCOUNT,
          Operation.ISSUE_STATUS_STATEMENT,
          Operation.LIST_DOCUMENTS,
          Operation.READ_PROFILE,
          Operation.READ_JOURNAL);

  /** What each kind of person may ever do, whatever the state. */
  private static final Map<ActingAs, Set<Operation>> REACH = new EnumMap<>(ActingAs.class);

  static {
    Set<Operation> sharing = EnumSet.of(Operation.SHARE_PROFILE, Operation.END_SHARE);
    // The person: everything on their own space; sharing a child's profile is the parent's.
    REACH.put(ActingAs.SELF, EnumSet.complementOf(EnumSet.copyOf(sharing)));
    // The parent a child is attached to: everything, the share of the profile included.
    REACH.put(
        ActingAs.LEGAL_REPRESENTATION, EnumSet.complementOf(EnumSet.of(Operation.ANSWER_SHARE)));
    // The second parent: the profile and the documents, not the space nor who has access.
    Set<Operation> secondParent = EnumSet.copyOf(LOOKING);
    secondParent.addAll(
        Set.of(
            Operation.DOWNLOAD_DOCUMENT,
            Operation.ISSUE_PROFILE_STATEMENT,
            Operation.WRITE_PROFILE));
    REACH.put(ActingAs.SECOND_PARENT, secondParent);
    // The tutor represents the protected adult (their opinion asked at consent).
    Set<Operation> tutor = EnumSet.complementOf(EnumSet.copyOf(sharing));
    tutor.remove(Operation.ANSWER_SHARE);
    REACH.put(ActingAs.GUARDIANSHIP, tutor);
    // The curator assists: alone, they look; the person acts, the curator beside them.
    REACH.put(ActingAs.CURATORSHIP, EnumSet.copyOf(LOOKING));
    // A caregiver never closes, deletes, downloads nor chooses who has access (DOMAIN.md).
    Set<Operation> caregiver = EnumSet.copyOf(LOOKING);
    caregiver.addAll(
        Set.of(
            Operation.WRITE_PROFILE,
            Operation.RECORD_OPPOSITION,
            Operation.WITHDRAW_OPPOSITION,
            Operation.CREATE_ON_REQUEST,
            Operation.ACTIVATE));
    REACH.put(ActingAs.CAREGIVING, caregiver);
  }

  private RuleTable() {}

  /** Why {@code operation} is refused in {@code situation}, or empty when it is allowed. */
  public static Optional<Refusal> refusal(Operation operation, Situation situation) {
    ActingAs actingAs = situation.actingAs();
    if (actingAs.parental() && !situation.birth().minorOn(situation.today())) {
      return refuse(
          "representation-ended",
          Cause.WHO,
          operation,
          situation,
          Map.of("adultOn", situation.birth().adultOn().toString()));
    }
    if (!reaches(actingAs, operation)) {
      return refuse(
          forbidden(actingAs),
          Cause.WHO,
          operation,
          situation,
          Map.of("scope", operation.scope().wire()));
    }
    if (operation.action() != null) {
      try {
        situation
            .account()
            .requirePossible(operation.action(), situation.today(), situation.oppositionPeriod());
        return Optional.empty();
      } catch (TransitionRefused refused) {
        return Optional.of(new Refusal(refused.reason(), Cause.STATE, refused.params()));
      }
    }
    AccountState state = situation.now().state();
    if (state == AccountState.SUSPENDED && !READ_IN_ANY_STATE.contains(operation)) {
      return refuse("account-suspended", Cause.STATE, operation, situation, Map.of());
    }
    if (NEEDS_OPEN_SPACE.contains(operation)) {
      if (state == AccountState.ANNOUNCED || state == AccountState.OPPOSED) {
        return refuse("space-not-created", Cause.STATE, operation, situation, Map.of());
      }
      if (state == AccountState.CLOSED || state == AccountState.CLOSED_DELETION_REQUESTED) {
        return refuse("space-closed", Cause.STATE, operation, situation, Map.of());
      }
    }
    return Optional.empty();
  }

  /**
   * Why a consent to {@code scope} cannot be given by someone acting this way for the person born
   * on {@code birth}, or empty: a parent of an adult, a scope nothing of theirs needs, or a tutor
   * about to change something without saying the protected person's opinion was asked (L.1111-14).
   */
  public static Optional<Refusal> consentRefusal(
      ActingAs actingAs, Scope scope, BirthDate birth, LocalDate today, Boolean opinionAsked) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("scope", scope.wire());
    params.put("actingAs", actingAs.name());
    if (actingAs.parental() && !birth.minorOn(today)) {
      params.put("adultOn", birth.adultOn().toString());
      return Optional.of(new Refusal("representation-ended", Cause.WHO, params));
    }
    if (!reaches(actingAs, scope)) {
      return Optional.of(new Refusal(forbidden(actingAs), Cause.WHO, params));
    }
    if (actingAs == ActingAs.GUARDIANSHIP
        && scope.changes()
        && !Boolean.TRUE.equals(opinionAsked)) {
      return Optional.of(new Refusal("opinion-required", Cause.CONSENT, params));
    }
    return Optional.empty();
  }

  /** Whether {@code operation} is allowed in {@code situation}. */
  public static boolean allows(Operation operation, Situation situation) {
    return refusal(operation, situation).isEmpty();
  }

  /** The lifecycle actions allowed in {@code situation}: what a client may offer. */
  public static Set<AccountAction> possibleActions(Situation situation) {
    Set<AccountAction> out = EnumSet.noneOf(AccountAction.class);
    for (AccountAction a : AccountAction.values()) {
      if (allows(Operation.of(a), situation)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Whether this kind of person may ever do {@code operation}, whatever the state. */
  public static boolean reaches(ActingAs actingAs, Operation operation) {
    return REACH.get(actingAs).contains(operation);
  }

  /** Whether anything this kind of person may ever do needs {@code scope}. */
  public static boolean reaches(ActingAs actingAs, Scope scope) {
    return REACH.get(actingAs).stream().anyMatch(o -> o.scope() == scope);
  }

  /** The slug of what a kind of person may never do. */
  public static String forbidden(ActingAs actingAs) {
    return switch (actingAs) {
      case CAREGIVING -> "caregiver-forbidden";
      case CURATORSHIP -> "curator-forbidden";
      case SECOND_PARENT -> "second-parent-forbidden";
      case SELF, LEGAL_REPRESENTATION, GUARDIANSHIP -> "acting-as-forbidden";
    };
  }

  private static Optional<Refusal> refuse(
      String slug,
      Cause cause,
      Operation operation,
      Situation situation,
      Map<String, Object> more) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("operation", operation.name());
    params.put("state", situation.now().state().name());
    params.put("actingAs", situation.actingAs().name());
    params.putAll(more);
    return Optional.of(new Refusal(slug, cause, params));
  }
}
