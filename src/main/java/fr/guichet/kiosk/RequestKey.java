package fr.guichet.kiosk;

import java.util.UUID;

/**
 * The idempotency key of one mutating request to the server: made once, when the person confirms,
 * and sent again by every retry, so that a lost reply never makes the server act twice.
 *
 * <pre>{@code
 * RequestKey key = RequestKey.random(); // kept until the server answered
 * server.revoke(session, delegation, key);
 * }</pre>
 */
public record RequestKey(String value) {
  public RequestKey {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new IllegalArgumentException("A request key has 1 to 100 characters");
    }
  }

  public static RequestKey random() {
    return new RequestKey(UUID.randomUUID().toString());
  }
}
