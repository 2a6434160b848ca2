package fr.guichet.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The state of a person's Mon Espace Santé as the server computes it today, with its dates, the
 * profiles the person manages and who else has access. The wire's names stay strings, as the server
 * writes them; {@link #spaceState()}, {@link #actingKind()} and {@link #actions()} read them as
 * this build knows them.
 *
 * @param possibleActions what the rules allow in this state
 * @param allowedActions what the current delegation may do now (a subset)
 * @param contactChannel how the insurer reaches the person: {@code EMAIL}, {@code SMS}, {@code
 *     LETTER}
 * @param manages the children's profiles and other people this person acts for
 * @param access the people who may act on this space (representatives, caregivers)
 * @param minor whether the person is under 18 today, computed from their whole birth date (an
 *     unknown day or month counts as its earliest value)
 * @param adultOn the day a minor turns 18, when a parent stops acting for them; null for an adult
 * @param shares the shares of a child's profile with a second legal representative: made for this
 *     child, or offered to this person
 */
public record AccountStatus(
    String personId,
    String firstName,
    String lastName,
    int birthYear,
    String state,
    LocalDate informationSentOn,
    LocalDate oppositionDeadline,
    Long daysLeftToOppose,
    LocalDate archiveEnd,
    LocalDate deletionDue,
    boolean archivedDataDeleted,
    List<String> possibleActions,
    List<String> allowedActions,
    String contactChannel,
    String actingAs,
    List<Represented> manages,
    List<Represented> access,
    boolean minor,
    LocalDate adultOn,
    List<Share> shares) {

  /** {@link #state()} typed; {@link SpaceState#UNKNOWN} for a state this build does not know. */
  public SpaceState spaceState() {
    return SpaceState.of(state);
  }

  /** {@link #actingAs()} typed; absent means the person acts for themself. */
  public ActingKind actingKind() {
    return actingAs == null ? ActingKind.SELF : ActingKind.of(actingAs);
  }

  /** {@link #possibleActions()} typed, in the server's order. */
  public List<ActionName> actions() {
    return possibleActions.stream().map(ActionName::of).toList();
  }
}
