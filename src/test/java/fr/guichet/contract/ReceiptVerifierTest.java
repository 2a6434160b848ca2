package fr.guichet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offline checks of receipts: the key a receipt names is the only one tried; a receipt from before
 * key ids is tried with every key; keys are read as a verifier gets them (base 64, PEM, comments).
 */
class ReceiptVerifierTest {
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  final KeyPair before = pair();
  final KeyPair now = pair();
  final ReceiptVerifier both = ReceiptVerifier.forKeys(List.of(base64(before), base64(now)));

  @Test
  void aKeyIdIsSixteenHexDigitsOfItsPublicKeyAlone() {
    assertThat(ReceiptVerifier.keyId(now.getPublic()))
        .matches("[0-9a-f]{16}")
        .isEqualTo(ReceiptVerifier.keyId(ReceiptVerifier.publicKey(base64(now))))
        .isNotEqualTo(ReceiptVerifier.keyId(before.getPublic()));
  }

  @Test
  void aReceiptIsCheckedWithTheKeyItNames() throws Exception {
    String kidNow = ReceiptVerifier.keyId(now.getPublic());
    String kidBefore = ReceiptVerifier.keyId(before.getPublic());
    ReceiptCheck genuine = both.check(sign(now, "{\"kid\":\"" + kidNow + "\",\"id\":\"rcp-1\"}"));
    assertThat(genuine.valid()).isTrue();
    assertThat(genuine.payload()).containsEntry("id", "rcp-1");
    assertThat(both.check(sign(before, "{\"kid\":\"" + kidBefore + "\"}")).valid()).isTrue();

    ReceiptCheck namesAnother = both.check(sign(now, "{\"kid\":\"" + kidBefore + "\"}"));
    assertThat(namesAnother.valid()).isFalse();
    assertThat(namesAnother.reason()).isEqualTo("signature");
    ReceiptCheck unknown = both.check(sign(pair(), "{\"kid\":\"0123456789abcdef\"}"));
    assertThat(unknown.reason()).isEqualTo("unknown-key");
  }

  @Test
  void aReceiptFromBeforeKeyIdsIsCheckedWithEveryKey() throws Exception {
    assertThat(both.check(sign(before, "{\"v\":1,\"id\":\"rcp-old\"}")).valid()).isTrue();
    assertThat(ReceiptVerifier.forKey(base64(now)).check(sign(before, "{\"v\":1}")).valid())
        .isFalse();
  }

  @Test
  void readsKeysAsPemOrBase64WithComments() {
    String text =
        "# the key of 2026\n"
            + base64(before)
            + "  # retired in March\n-----BEGIN PUBLIC KEY-----\n"
            + base64(now)
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(ReceiptVerifier.publicKeys(text))
        .containsExactly(before.getPublic(), now.getPublic());
    assertThatThrownBy(() -> ReceiptVerifier.forKeys(List.of("# nothing\n")))
        .hasMessage("No public key given");
    assertThatThrownBy(() -> ReceiptVerifier.publicKeys("bm90IGEga2V5"))
        .hasMessage("Not an Ed25519 public key in base 64");
  }

  static String sign(KeyPair pair, String payload) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(pair.getPrivate());
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    s.update(bytes);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(s.sign());
  }

  static String base64(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  static KeyPair pair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
