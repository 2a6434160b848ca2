package fr.guichet.contract;

import java.time.Instant;

/**
 * The answer of {@code GET /v1/health/ready}: whether this server node can take requests now, for a
 * load balancer's health check (200 when ready, 503 when not).
 *
 * @param status {@code READY} or {@code NOT_READY}
 * @param database the database answered
 * @param migrations the database has the schema this node expects
 */
public record Readiness(
    String status, boolean database, boolean migrations, String version, Instant time) {}
