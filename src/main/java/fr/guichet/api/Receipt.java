package fr.guichet.api;

import java.time.Instant;

/**
 * A signed record of something done for a person (consent, opposition, closure...) or of what was
 * true on a day (account status): what the person takes home, and what its QR code carries.
 *
 * @param kind e.g. {@code consent}, {@code opposition}, {@code closure}, {@code account-status}
 * @param signed the compact form {@code base64url(JSON payload) + "." + base64url(Ed25519 signature)}
 */
public record Receipt(String receiptId, String kind, String personId, Instant issuedAt, String signed) {}
