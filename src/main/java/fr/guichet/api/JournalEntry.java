package fr.guichet.api;

import java.time.Instant;

/**
 * One line of a person's journal: who did what, for whom, under which consent, with what
 * outcome; {@code hash} chains it to the line before.
 */
public record JournalEntry(
    long seq, Instant at, String actor, String structure, String consentId, String action, String outcome,
    String detail, String previousHash, String hash) {}
