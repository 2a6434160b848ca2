package fr.guichet.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The server's Ed25519 key (from the JDK): signs statements and receipts so that anyone holding
 * the public key can check a printed QR code, offline.
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
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private Signer(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The key pair kept in {@code dir/signing-key.pk8} and {@code .pub}, created on first use. */
  static Signer inDirectory(Path dir) {
    Path privateFile = dir.resolve("signing-key.pk8");
    Path publicFile = dir.resolve("signing-key.pub");
    try {
      if (!Files.exists(privateFile)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.write(privateFile, pair.getPrivate().getEncoded());
        try {
          Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Not a POSIX file system: the data directory's own permissions apply.
        }
        Files.write(publicFile, pair.getPublic().getEncoded());
        return new Signer(pair.getPrivate(), pair.getPublic());
      }
      KeyFactory keys = KeyFactory.getInstance("Ed25519");
      return new Signer(
          keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))),
          keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The signing key in " + dir + " is not an Ed25519 key pair", e);
    }
  }

  String sign(String payload) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      signature.update(bytes);
      return B64.encodeToString(bytes) + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
  }

  /** Checks a receipt signed with this key. */
  fr.guichet.api.ReceiptCheck check(String compact) {
    return fr.guichet.api.ReceiptVerifier.forKey(publicKey).check(compact);
  }

  /** The public key, X.509-encoded, base64: what verifiers need. */
  String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }
}
