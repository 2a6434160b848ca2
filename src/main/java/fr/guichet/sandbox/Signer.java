package fr.guichet.sandbox;

import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The server's Ed25519 key: signs statements and receipts so that anyone holding the public key can
 * check a printed QR code, offline.
 *
 * <p>Every node of a server signs with the same private key, read from a file or an environment
 * variable ({@link SandboxServer.Keys}), or kept in the data directory of a single node. A key has
 * an id computed from its public half ({@link ReceiptVerifier#keyId}), which each receipt names;
 * after a rotation, the previous public keys still verify the receipts they signed.
 *
 * <p>Keys are read by the JDK and Bouncy Castle (PKCS #8 and X.509, DER or PEM), and receipts are
 * verified by the JDK; signing goes through Bouncy Castle's Ed25519, whose precomputed tables make
 * a signature some twenty times cheaper than the JDK 17 one (which derives the public key again at
 * each signature). Ed25519 is deterministic: both give the same bytes for the same key and payload.
 *
 * <pre>{@code
 * Signer signer = Signer.load(keys, dataDir, System::getenv);
 * String compact = signer.sign(payloadJson); // base64url(payload) + "." + base64url(signature)
 * Signer.Signature s = signer.sign(bytes);    // s.keyId() names the key that signed
 * }</pre>
 */
final class Signer {
  /** A signature and the id of the key that made it. */
  record Signature(String keyId, byte[] bytes) {}

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final Ed25519PrivateKeyParameters signingKey;
  private final PublicKey publicKey;
  private final String keyId;
  private final List<PublicKey> previous;
  private final ReceiptVerifier verifier;

  private Signer(
      Ed25519PrivateKeyParameters signingKey, PublicKey publicKey, List<PublicKey> previous) {
    this.signingKey = signingKey;
    this.publicKey = publicKey;
    this.keyId = ReceiptVerifier.keyId(publicKey);
    this.previous = previous.stream().filter(k -> !ReceiptVerifier.keyId(k).equals(keyId)).toList();
    List<PublicKey> all = new ArrayList<>(List.of(publicKey));
    all.addAll(this.previous);
    this.verifier = ReceiptVerifier.forPublicKeys(all);
  }

  /**
   * The signer the options name: the private key of {@code keys} (a file, or an environment
   * variable read through {@code environment}), else the one in {@code dataDir}; with the previous
   * public keys of {@code keys}, if any.
   */
  static Signer load(SandboxServer.Keys keys, Path dataDir, UnaryOperator<String> environment) {
    String text;
    String where;
    if (keys.privateKeyFile() != null) {
      where = "the file " + keys.privateKeyFile();
      text = read(keys.privateKeyFile());
    } else if (keys.privateKeyEnv() != null) {
      where = "the environment variable " + keys.privateKeyEnv();
      text = environment.apply(keys.privateKeyEnv());
      if (text == null || text.isBlank()) {
        throw new IllegalStateException(where + " holds no signing key");
      }
    } else {
      where = null;
      text = null;
    }
    List<PublicKey> previous =
        keys.previousKeysFile() == null
            ? List.of()
            : ReceiptVerifier.publicKeys(read(keys.previousKeysFile()));
    if (text == null) {
      return inDirectory(dataDir).withPrevious(previous);
    }
    try {
      return fromPrivateKey(text, previous);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " holds no Ed25519 private key (PKCS #8)", e);
    }
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
      }
      return fromPrivateKey(Files.readAllBytes(privateFile), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The signing key in " + dir + " is not an Ed25519 key", e);
    }
  }

  /**
   * A signer from a private key as text: PKCS #8 in PEM ({@code openssl genpkey -algorithm
   * ed25519}) or in base 64.
   */
  static Signer fromPrivateKey(String text, List<PublicKey> previous) {
    String base64 =
        text.lines()
            .map(String::strip)
            .filter(l -> !l.startsWith("-----"))
            .collect(Collectors.joining());
    return fromPrivateKey(Base64.getDecoder().decode(base64), previous);
  }

  private static Signer fromPrivateKey(byte[] pkcs8, List<PublicKey> previous) {
    try {
      Ed25519PrivateKeyParameters key =
          (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
      byte[] spki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.generatePublicKey())
              .getEncoded();
      return new Signer(
          key,
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)),
          previous);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("Not an Ed25519 private key in PKCS #8", e);
    }
  }

  private Signer withPrevious(List<PublicKey> keys) {
    return keys.isEmpty() ? this : new Signer(signingKey, publicKey, keys);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key file " + file, e);
    }
  }

  /** The public key kept beside the private one in {@code dir}, to check what it signed. */
  static PublicKey publicKeyIn(Path dir) {
    Path file = dir.resolve("signing-key.pub");
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("No public key in " + dir + " (signing-key.pub)");
    }
    try {
      return ReceiptVerifier.publicKey(
          Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Signs bytes with the current key (a journal's chain head, say). */
  Signature sign(byte[] bytes) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, signingKey);
    signer.update(bytes, 0, bytes.length);
    return new Signature(keyId, signer.generateSignature());
  }

  /** The compact form of a signed payload: {@code base64url(payload).base64url(signature)}. */
  String sign(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes).bytes());
  }

  /** The id of the key that signs now, which a receipt names before it is signed. */
  String keyId() {
    return keyId;
  }

  /** Checks a receipt signed with the current key or a previous one. */
  ReceiptCheck check(String compact) {
    return verifier.check(compact);
  }

  /** What {@code GET /v1/keys} publishes: the current key, then the previous ones. */
  PublicKeys published() {
    List<PublicKeys.Key> keys = new ArrayList<>();
    keys.add(new PublicKeys.Key(keyId, base64(publicKey), true));
    previous.forEach(k -> keys.add(new PublicKeys.Key(ReceiptVerifier.keyId(k), base64(k), false)));
    return new PublicKeys("Ed25519", keyId, base64(publicKey), keys, null);
  }

  private static String base64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }
}
