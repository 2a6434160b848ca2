package fr.guichet.contract;

import java.time.Instant;

/** The answer of {@code GET /v1/health}: the server is up, which version, its clock. */
public record Health(String status, String version, Instant time) {}
