package fr.guichet.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The state of a person's space as the wire names it ({@link AccountStatus#state()}), with {@link
 * #UNKNOWN} for a state a newer server sends and this build does not know: a client shows that
 * plainly instead of failing.
 *
 * <pre>{@code
 * SpaceState.of("ACTIVE");    // ACTIVE
 * SpaceState.of("FROZEN");    // UNKNOWN
 * }</pre>
 */
public enum SpaceState {
  ANNOUNCED,
  OPPOSED,
  ACTIVE_NOT_ACTIVATED,
  ACTIVE,
  CLOSED,
  CLOSED_DELETION_REQUESTED,
  SUSPENDED,
  UNKNOWN;

  @JsonCreator
  public static SpaceState of(String wire) {
    return WireNames.parse(SpaceState.class, wire, UNKNOWN);
  }
}
