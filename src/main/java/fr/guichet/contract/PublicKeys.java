package fr.guichet.contract;

import java.util.List;

/**
 * The answer of {@code GET /v1/keys}: the key that signs receipts now, and every key that signed
 * receipts before and still verifies them.
 *
 * @param keyId the id of the current key, as receipts name it ({@code kid})
 * @param publicKey the current key, X.509 in base 64
 * @param keys the current key first, then the previous ones
 * @param verifyUrl the verification page a QR code names ({@code --public-verify-url}), or null
 *     when the server has none and clients name their own address of it
 */
public record PublicKeys(
    String algorithm, String keyId, String publicKey, List<Key> keys, String verifyUrl) {
  /** One public key, by its id. */
  public record Key(String keyId, String publicKey, boolean current) {}

  public PublicKeys {
    keys = List.copyOf(keys);
  }

  public PublicKeys withVerifyUrl(String url) {
    return new PublicKeys(algorithm, keyId, publicKey, keys, url);
  }
}
