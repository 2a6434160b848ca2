package fr.guichet.contract;

import java.util.Map;

/**
 * The verdict on a receipt: whether the signature holds under the server's key, and what the
 * receipt says (its decoded payload), or why it could not be read.
 */
public record ReceiptCheck(boolean valid, String reason, Map<String, Object> payload) {
  public ReceiptCheck {
    payload = payload == null ? Map.of() : Map.copyOf(payload);
  }
}
