package fr.guichet.contract;

import java.time.Instant;

/**
 * A code was sent: where (masked, so the person recognises it without the kiosk learning it) and
 * until when it is valid.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 */
public record ContactChallenge(
    String challengeId, String channel, String maskedDestination, Instant expiresAt) {}
