package fr.guichet.api;

import java.time.Instant;

/**
 * A person identified by a mediator: enough to greet them and ask for consent, nothing more.
 *
 * @param strength {@code STANDARD} or {@code STRONG}; closure needs {@code STRONG}
 */
public record Identification(
    String identificationId, String personId, String firstName, String lastName, int birthYear,
    String strength, Instant expiresAt) {}
