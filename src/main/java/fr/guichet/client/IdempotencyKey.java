package fr.guichet.client;

import java.util.UUID;

/**
 * The key a mutating request carries, created once when the person confirms and reused by every
 * retry, so that a lost reply never makes the server act twice.
 *
 * <pre>{@code
 * IdempotencyKey key = IdempotencyKey.random(); // keep it until the server answered
 * api.revoke(session, delegation, key);
 * }</pre>
 */
public record IdempotencyKey(String value) {
  public IdempotencyKey {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new IllegalArgumentException("An idempotency key has 1 to 100 characters");
    }
  }

  public static IdempotencyKey random() {
    return new IdempotencyKey(UUID.randomUUID().toString());
  }
}
