package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The server's signed statements (receipts, journal heads, checkpoints: {@code
 * base64url(payload).base64url(signature)}) checked with its public key alone, fast enough for a
 * signature per journal entry (Bouncy Castle's Ed25519, as {@link Signer} signs).
 *
 * <pre>{@code
 * Statements statements = Statements.forKey(publicKey);
 * Optional<JsonNode> payload = statements.payload(signedHead); // empty unless signed with this key
 * }</pre>
 */
final class Statements {
  private final Ed25519PublicKeyParameters key;

  private Statements(Ed25519PublicKeyParameters key) {
    this.key = key;
  }

  static Statements forKey(PublicKey publicKey) {
    try {
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(publicKey.getEncoded());
      if (key instanceof Ed25519PublicKeyParameters ed25519) {
        return new Statements(ed25519);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
    throw new IllegalArgumentException("Not an Ed25519 public key");
  }

  /** The statement's payload if it is signed with this key and is a JSON object, else empty. */
  Optional<JsonNode> payload(String compact) {
    if (compact == null) {
      return Optional.empty();
    }
    String text = compact.strip();
    int dot = text.indexOf('.');
    if (dot <= 0 || dot != text.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, key);
      verifier.update(payload, 0, payload.length);
      if (!verifier.verifySignature(signature)) {
        return Optional.empty();
      }
      JsonNode json = Json.mapper().readTree(payload);
      return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
