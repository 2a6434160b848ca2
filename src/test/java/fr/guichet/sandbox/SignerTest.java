package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.ReceiptVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's signatures: the JDK's Ed25519 gives the same bytes and accepts them; a changed
 * payload is refused.
 */
class SignerTest {
  @TempDir Path data;

  @Test
  void signsAsTheJdkWouldAndTheJdkVerifies() throws Exception {
    Signer signer = Signer.inDirectory(data);
    String payload =
        "{\"receiptId\":\"rcp-1\",\"kind\":\"record-opposition\",\"person\":\"Jeanne M.\"}";
    String compact = signer.sign(payload);

    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(data.resolve("signing-key.pk8")))));
    jdk.update(payload.getBytes(StandardCharsets.UTF_8));
    String jdkSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign());

    assertThat(compact).endsWith("." + jdkSignature);
    assertThat(signer.check(compact).valid()).isTrue();
  }

  @Test
  void aChangedPayloadOrAnotherKeyIsNotGenuine(@TempDir Path other) {
    Signer signer = Signer.inDirectory(data);
    String compact = signer.sign("{\"receiptId\":\"rcp-2\"}");
    String signature = compact.substring(compact.indexOf('.'));
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"receiptId\":\"rcp-3\"}".getBytes(StandardCharsets.UTF_8))
            + signature;
    assertThat(signer.check(forged).valid()).isFalse();
    assertThat(Signer.inDirectory(other).check(compact).valid()).isFalse();
    assertThat(Signer.inDirectory(data).check(compact).valid())
        .as("the key read back from the directory")
        .isTrue();
  }

  @Test
  void aReceiptNamesItsKeyAndAPreviousKeyStillVerifiesItAfterARotation() throws Exception {
    Signer before = Signer.inDirectory(data);
    String old = before.sign("{\"kid\":\"" + before.keyId() + "\",\"id\":\"rcp-4\"}");
    KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PublicKey previous = publicKey(before);
    Signer after = Signer.fromPrivateKey(pem(next), List.of(previous));

    assertThat(after.keyId()).isEqualTo(ReceiptVerifier.keyId(next.getPublic()));
    assertThat(after.keyId()).isNotEqualTo(before.keyId()).hasSize(16);
    assertThat(after.check(old).valid()).isTrue();
    assertThat(Signer.fromPrivateKey(pem(next), List.of()).check(old).reason())
        .isEqualTo("unknown-key");
    PublicKeys published = after.published();
    assertThat(published.keyId()).isEqualTo(after.keyId());
    assertThat(published.keys())
        .extracting(PublicKeys.Key::keyId, PublicKeys.Key::current)
        .containsExactly(tuple(after.keyId(), true), tuple(before.keyId(), false));
  }

  @Test
  void readsThePrivateKeyFromAFileOrAnEnvironmentVariableNotFromTheDataDirectory(@TempDir Path keys)
      throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String id = ReceiptVerifier.keyId(pair.getPublic());
    Path file = Files.writeString(keys.resolve("signing.pem"), pem(pair));
    Path previousFile =
        Files.writeString(
            keys.resolve("previous.txt"),
            "# before the rotation of March\n" + publicKeyBase64(Signer.inDirectory(keys)) + "\n");

    Signer fromFile =
        Signer.load(new SandboxServer.Keys(file, null, previousFile), data, name -> null);
    String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    Signer fromEnvironment =
        Signer.load(
            new SandboxServer.Keys(null, "GUICHET_SIGNING_KEY", null),
            data,
            name -> name.equals("GUICHET_SIGNING_KEY") ? base64 : null);

    assertThat(fromFile.keyId()).isEqualTo(id);
    assertThat(fromFile.published().keys()).hasSize(2);
    assertThat(fromEnvironment.keyId()).isEqualTo(id);
    assertThat(fromEnvironment.check(fromFile.sign("{}")).valid()).isTrue();
    assertThat(data.resolve("signing-key.pk8")).doesNotExist();
  }

  @Test
  void aMissingVariableOrSomethingElseThanAKeyIsAClearError(@TempDir Path keys) throws Exception {
    Path notAKey = Files.writeString(keys.resolve("notes.txt"), "bonjour\n");
    assertThatThrownBy(
            () ->
                Signer.load(
                    new SandboxServer.Keys(null, "GUICHET_SIGNING_KEY", null), data, name -> null))
        .hasMessage("the environment variable GUICHET_SIGNING_KEY holds no signing key");
    assertThatThrownBy(
            () -> Signer.load(new SandboxServer.Keys(notAKey, null, null), data, name -> null))
        .hasMessageContaining("notes.txt holds no Ed25519 private key");
  }

  @Test
  void signsBytesAndSaysWithWhichKey() throws Exception {
    Signer signer = Signer.inDirectory(data);
    byte[] head = "chain head".getBytes(StandardCharsets.UTF_8);
    Signer.Signature s = signer.sign(head);
    assertThat(s.keyId()).isEqualTo(signer.keyId());
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(publicKey(signer));
    jdk.update(head);
    assertThat(jdk.verify(s.bytes())).isTrue();
  }

  static PublicKey publicKey(Signer signer) {
    return ReceiptVerifier.publicKey(publicKeyBase64(signer));
  }

  static String publicKeyBase64(Signer signer) {
    return signer.published().publicKey();
  }

  /** A private key as {@code openssl genpkey -algorithm ed25519} writes it. */
  static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
