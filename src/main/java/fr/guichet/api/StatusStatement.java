package fr.guichet.api;

import java.time.Instant;

/**
 * A signed statement of a space's state on a day: what the status sheet prints and its QR
 * code carries, verifiable by anyone with the server's public key.
 *
 * @param signed the compact form {@code base64url(payload) + "." + base64url(Ed25519 signature)}
 */
public record StatusStatement(String statementId, String personId, String state, Instant issuedAt, String signed) {}
