package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import fr.guichet.contract.ReceiptVerifier;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>After a rotation the server has several keys: a statement names the one that signed it ({@code
 * kid}, as receipts do) and is checked with that key alone; one from before key ids, with each key
 * given.
 *
 * <pre>{@code
 * Statements statements = Statements.forKeys(List.of(current, previous));
 * Optional<JsonNode> payload = statements.payload(signedHead); // empty unless signed with its key
 * }</pre>
 */
final class Statements {
  private final Map<String, Ed25519PublicKeyParameters> keys;

  private Statements(Map<String, Ed25519PublicKeyParameters> keys) {
    this.keys = keys;
  }

  static Statements forKey(PublicKey publicKey) {
    return forKeys(List.of(publicKey));
  }

  static Statements forKeys(Collection<PublicKey> publicKeys) {
    Map<String, Ed25519PublicKeyParameters> byId = new LinkedHashMap<>();
    for (PublicKey publicKey : publicKeys) {
      byId.put(ReceiptVerifier.keyId(publicKey), ed25519(publicKey));
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("No public key given");
    }
    return new Statements(byId);
  }

  private static Ed25519PublicKeyParameters ed25519(PublicKey publicKey) {
    try {
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(publicKey.getEncoded());
      if (key instanceof Ed25519PublicKeyParameters ed25519) {
        return ed25519;
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
    throw new IllegalArgumentException("Not an Ed25519 public key");
  }

  /**
   * The statement's payload if it is a JSON object signed with the key it names (or, naming none,
   * with one of these keys), else empty.
   */
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
      JsonNode json = Json.mapper().readTree(payload);
      if (json == null || !json.isObject()) {
        return Optional.empty();
      }
      JsonNode kid = json.get(ReceiptVerifier.KEY_ID);
      Collection<Ed25519PublicKeyParameters> candidates =
          kid == null
              ? keys.values()
              : Optional.ofNullable(keys.get(kid.asText())).stream().toList();
      for (Ed25519PublicKeyParameters key : candidates) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(payload, 0, payload.length);
        if (verifier.verifySignature(signature)) {
          return Optional.of(json);
        }
      }
      return Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
