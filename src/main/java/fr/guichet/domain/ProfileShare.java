package fr.guichet.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The share of a child's profile with the second legal representative: the parent the child is
 * attached to invites, the other parent accepts or refuses on their own space; an invitation left
 * unanswered expires; the first parent may end the share. Both parents are told at each step.
 *
 * <pre>{@code
 * ProfileShare share = new ProfileShare(ProfileShare.Status.PENDING, invitedOn);
 * share.statusOn(today);   // EXPIRED once expiresOn() has passed
 * }</pre>
 *
 * @param stored the status last written
 * @param invitedOn the day of the invitation
 */
public record ProfileShare(Status stored, LocalDate invitedOn) {
  /** An invitation waits this long for its answer (a choice of the reference server). */
  public static final Period ANSWER_DELAY = Period.ofDays(30);

  /** Where a share stands. */
  public enum Status {
    PENDING,
    ACCEPTED,
    REFUSED,
    EXPIRED,
    ENDED
  }

  /** The last day the invitation can be answered. */
  public LocalDate expiresOn() {
    return invitedOn.plus(ANSWER_DELAY);
  }

  /** The status on {@code today}: a pending invitation past its last day has expired. */
  public Status statusOn(LocalDate today) {
    return stored == Status.PENDING && today.isAfter(expiresOn()) ? Status.EXPIRED : stored;
  }
}
