package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
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
}
