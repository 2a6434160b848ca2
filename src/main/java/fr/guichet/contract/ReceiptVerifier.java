package fr.guichet.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a receipt offline, with the server's public keys only: the signature over the payload
 * (Ed25519), then the payload itself. What a QR code on a printed receipt holds can be checked this
 * way by anyone, without asking the server.
 *
 * <p>A server may have had several keys (every node signs with the one shared key, which is rotated
 * from time to time): a receipt names the key that signed it in its payload ({@code kid}, {@link
 * #keyId}), and is checked with that key alone. A receipt from before key ids is checked with each
 * key given.
 *
 * <pre>{@code
 * ReceiptVerifier verifier = ReceiptVerifier.forKeys(api.publicKeys());
 * ReceiptCheck check = verifier.check(signedFromTheQrCode);
 * }</pre>
 */
public final class ReceiptVerifier {
  /** The payload field naming the key that signed a receipt. */
  public static final String KEY_ID = "kid";

  private final Map<String, PublicKey> keys;

  private ReceiptVerifier(Map<String, PublicKey> keys) {
    this.keys = keys;
  }

  /** A verifier for the X.509, base64 public key that {@code GET /v1/keys} publishes. */
  public static ReceiptVerifier forKey(String base64) {
    return forKeys(List.of(base64));
  }

  public static ReceiptVerifier forKey(PublicKey key) {
    return forPublicKeys(List.of(key));
  }

  /** A verifier for every key of the texts given (see {@link #publicKeys}). */
  public static ReceiptVerifier forKeys(List<String> texts) {
    List<PublicKey> keys = new ArrayList<>();
    texts.forEach(t -> keys.addAll(publicKeys(t)));
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("No public key given");
    }
    return forPublicKeys(keys);
  }

  /**
   * The keys of a text: one a line, in base 64 (X.509) or PEM blocks ({@code openssl pkey
   * -pubout}); text after a {@code #} ignored.
   */
  public static List<PublicKey> publicKeys(String text) {
    List<PublicKey> keys = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String key = line.replaceFirst("#.*", "").strip();
      if (!key.isEmpty() && !key.startsWith("-----")) {
        keys.add(publicKey(key));
      }
    }
    return keys;
  }

  public static ReceiptVerifier forPublicKeys(Collection<PublicKey> keys) {
    Map<String, PublicKey> byId = new LinkedHashMap<>();
    keys.forEach(k -> byId.put(keyId(k), k));
    return new ReceiptVerifier(byId);
  }

  /** An Ed25519 public key from its X.509 encoding in base 64. */
  public static PublicKey publicKey(String base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.strip());
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key in base 64", e);
    }
  }

  /**
   * A key's id: the first 8 bytes of the SHA-256 of its X.509 encoding, in hexadecimal. Computed,
   * never configured, so that every node and every verifier gives a key the same id.
   */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The payload if the signature holds under the key it names (or, naming none, any key). */
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
      byte[] signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
      for (PublicKey key : candidates(payload)) {
        Signature check = Signature.getInstance("Ed25519");
        check.initVerify(key);
        check.update(payload);
        if (check.verify(signature)) {
          return payload;
        }
      }
      return null;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }

  /**
   * The verdict: valid with the payload, or why not ({@code signature}, {@code unknown-key}, {@code
   * payload}).
   */
  public ReceiptCheck check(String compact) {
    byte[] payload = verifiedPayload(compact);
    if (payload == null) {
      String kid = compact == null ? null : keyIdNamedIn(compact.strip());
      return new ReceiptCheck(
          false, kid != null && !keys.containsKey(kid) ? "unknown-key" : "signature", Map.of());
    }
    try {
      return new ReceiptCheck(true, null, read(payload));
    } catch (IOException e) {
      return new ReceiptCheck(false, "payload", Map.of());
    }
  }

  private Collection<PublicKey> candidates(byte[] payload) {
    String kid = keyIdOf(payload);
    if (kid == null) {
      return keys.values();
    }
    PublicKey key = keys.get(kid);
    return key == null ? List.of() : List.of(key);
  }

  /** The key id a compact receipt names, unchecked, or null. */
  private static String keyIdNamedIn(String compact) {
    int dot = compact.indexOf('.');
    try {
      return dot <= 0 ? null : keyIdOf(Base64.getUrlDecoder().decode(compact.substring(0, dot)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String keyIdOf(byte[] payload) {
    try {
      return read(payload).get(KEY_ID) instanceof String kid ? kid : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static Map<String, Object> read(byte[] payload) throws IOException {
    return Json.mapper().readValue(payload, new TypeReference<Map<String, Object>>() {});
  }
}
