package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final Totp RFC =
      Totp.fromBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @ParameterizedTest(name = "T={0}")
  @CsvSource({
    "59,94287082",
    "1111111109,07081804",
    "1111111111,14050471",
    "1234567890,89005924",
    "2000000000,69279037",
    "20000000000,65353130"
  })
  void matchesTheRfc6238Vectors(long seconds, String code) {
    assertThat(RFC.codeAt(Instant.ofEpochSecond(seconds), 8)).isEqualTo(code);
  }

  @Test
  void decodesBase32LikeAuthenticatorApps() {
    // "12345678901234567890" in base 32.
    Totp fromBase32 = Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    Instant t = Instant.ofEpochSecond(1111111109);
    assertThat(fromBase32.codeAt(t)).isEqualTo(RFC.codeAt(t));
  }

  @Test
  void acceptsOneStepOfDriftAndNoMore() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    String previous = RFC.codeAt(now.minusSeconds(30));
    String tooOld = RFC.codeAt(now.minusSeconds(90));
    assertThat(RFC.verify(RFC.codeAt(now), now, 1)).isTrue();
    assertThat(RFC.verify(previous, now, 1)).isTrue();
    assertThat(RFC.verify(tooOld, now, 1)).isFalse();
    assertThat(RFC.matchingStep(previous, now, 1)).hasValue(now.getEpochSecond() / 30 - 1);
  }

  @Test
  void refusesGarbage() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    assertThat(RFC.verify(null, now, 1)).isFalse();
    assertThat(RFC.verify("12345", now, 1)).isFalse();
    assertThat(RFC.verify("abcdef", now, 1)).isFalse();
  }
}
