package fr.guichet.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Checks a receipt offline, with the server's public key only: the signature over the payload
 * (Ed25519), then the payload itself. What a QR code on a printed receipt holds can be checked this
 * way by anyone, without asking the server.
 *
 * <pre>{@code
 * ReceiptVerifier verifier = ReceiptVerifier.forKey(api.publicKey());
 * ReceiptCheck check = verifier.check(signedFromTheQrCode);
 * }</pre>
 */
public final class ReceiptVerifier {
  private final PublicKey key;

  private ReceiptVerifier(PublicKey key) {
    this.key = key;
  }

  /** A verifier for the X.509, base64 public key that {@code GET /v1/keys} publishes. */
  public static ReceiptVerifier forKey(String base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.strip());
      return new ReceiptVerifier(
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key in base 64", e);
    }
  }

  public static ReceiptVerifier forKey(PublicKey key) {
    return new ReceiptVerifier(key);
  }

  /** The payload if the signature holds, else null. */
  public byte[] verifiedPayload(String compact) {
    if (compact == null) {
      return null;
    }
    String text = compact.strip();
    int dot = text.indexOf('.');
    if (dot <= 0 || dot != text.lastIndexOf('.')) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(payload);
      return signature.verify(Base64.getUrlDecoder().decode(text.substring(dot + 1)))
          ? payload
          : null;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }

  /** The verdict: valid with the payload, or why not ({@code signature}, {@code payload}). */
  public ReceiptCheck check(String compact) {
    byte[] payload = verifiedPayload(compact);
    if (payload == null) {
      return new ReceiptCheck(false, "signature", Map.of());
    }
    try {
      return new ReceiptCheck(
          true,
          null,
          Json.mapper().readValue(payload, new TypeReference<Map<String, Object>>() {}));
    } catch (IOException e) {
      return new ReceiptCheck(false, "payload", Map.of());
    }
  }
}
