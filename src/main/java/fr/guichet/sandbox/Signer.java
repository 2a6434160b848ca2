package fr.guichet.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * The server's Ed25519 key: signs statements and receipts so that anyone holding the public key can
 * check a printed QR code, offline.
 *
 * <p>The key is made, stored and read by the JDK (PKCS #8 and X.509), and receipts are verified by
 * the JDK; signing goes through Bouncy Castle's Ed25519, whose precomputed tables make a signature
 * some twenty times cheaper than the JDK 17 one (which derives the public key again at each
 * signature). Ed25519 is deterministic: both give the same bytes for the same key and payload.
 *
 * <p>The private key lives in the data directory, readable by the server's user only.
 *
 * <pre>{@code
 * Signer signer = Signer.inDirectory(dataDir);
 * String compact = signer.sign(payloadJson); // base64url(payload) + "." + base64url(signature)
 * }</pre>
 */
final class Signer {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final Ed25519PrivateKeyParameters signingKey;
  private final PublicKey publicKey;

  private Signer(PrivateKey privateKey, PublicKey publicKey) {
    try {
      this.signingKey =
          (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(privateKey.getEncoded());
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("The signing key is not an Ed25519 private key", e);
    }
    this.publicKey = publicKey;
  }

  /** The key pair kept in {@code dir/signing-key.pk8} and {@code .pub}, created on first use. */
  static Signer inDirectory(Path dir) {
    Path privateFile = dir.resolve("signing-key.pk8");
    Path publicFile = dir.resolve("signing-key.pub");
    try {
      if (!Files.exists(privateFile)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DataFiles.writePrivate(privateFile, pair.getPrivate().getEncoded());
        DataFiles.writePrivate(publicFile, pair.getPublic().getEncoded());
        return new Signer(pair.getPrivate(), pair.getPublic());
      }
      KeyFactory keys = KeyFactory.getInstance("Ed25519");
      return new Signer(
          keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))),
          keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The signing key in " + dir + " is not an Ed25519 key pair", e);
    }
  }

  /** The public key kept beside the private one in {@code dir}, to check what it signed. */
  static PublicKey publicKeyIn(Path dir) {
    Path file = dir.resolve("signing-key.pub");
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("No public key in " + dir + " (signing-key.pub)");
    }
    try {
      return publicKey(Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** A public key as {@code GET /v1/keys} gives it: X.509, base 64. */
  static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key in base 64", e);
    }
  }

  String sign(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, signingKey);
    signer.update(bytes, 0, bytes.length);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(signer.generateSignature());
  }

  /** Checks a receipt signed with this key. */
  fr.guichet.contract.ReceiptCheck check(String compact) {
    return fr.guichet.contract.ReceiptVerifier.forKey(publicKey).check(compact);
  }

  /** The public key, X.509-encoded, base64: what verifiers need. */
  String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }
}
