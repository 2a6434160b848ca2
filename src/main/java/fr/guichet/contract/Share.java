package fr.guichet.contract;

import java.time.LocalDate;

/**
 * The share of a child's profile with the second legal representative, as both parents see it.
 *
 * @param status {@code PENDING}, {@code ACCEPTED}, {@code REFUSED}, {@code EXPIRED} or {@code
 *     ENDED}
 * @param expiresOn the last day a pending invitation can be answered
 */
public record Share(
    String shareId,
    String childId,
    String childName,
    int childBirthYear,
    String inviterId,
    String inviterName,
    String inviteeId,
    String inviteeName,
    String status,
    LocalDate invitedOn,
    LocalDate expiresOn) {}
