package fr.guichet.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A signed record of something done for a person (consent, opposition, closure...) or of what was
 * true on a day (account status): what the person takes home, and what its QR code carries.
 *
 * @param kind e.g. {@code consent}, {@code record-opposition}, {@code close}, {@code
 *     account-status}
 * @param signed the compact form {@code base64url(JSON payload) + "." + base64url(Ed25519
 *     signature)}
 */
public record Receipt(
    String receiptId, String kind, String personId, Instant issuedAt, String signed) {
  /**
   * A receipt from its signed form alone (the text of a QR code, a file kept by {@code
   * --receipt-out}): its reference, kind and date read from the payload; the person's id, which the
   * payload does not carry, is null. The signature is not checked here: {@link ReceiptVerifier}
   * does.
   */
  public static Receipt fromSigned(String signed) {
    Map<String, Object> payload = new Receipt(null, null, null, null, signed).payload();
    Object issued = payload.get("issuedAt");
    return new Receipt(
        String.valueOf(payload.get("id")),
        String.valueOf(payload.get("kind")),
        null,
        issued == null ? null : Instant.parse(issued.toString()),
        signed);
  }

  /**
   * What the receipt says, read from its signed payload (what is printed is what is signed).
   * Reading does not check the signature: {@link ReceiptVerifier} does.
   */
  public Map<String, Object> payload() {
    try {
      byte[] json = Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.')));
      return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Not a signed receipt: " + receiptId, e);
    }
  }
}
