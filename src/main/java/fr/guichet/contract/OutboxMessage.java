package fr.guichet.contract;

import java.time.Instant;

/** A message the reference server "sent" (a one-time code by e-mail or SMS), shown in the demo. */
public record OutboxMessage(
    String personId, String channel, String destination, String body, Instant sentAt) {}
