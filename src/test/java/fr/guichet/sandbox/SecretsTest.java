package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void hashesPasswordsSaltedAndSlowly() {
    String a = Secrets.hashPassword("correct horse");
    String b = Secrets.hashPassword("correct horse");
    assertThat(a).startsWith("pbkdf2-sha256$310000$").isNotEqualTo(b);
    assertThat(Secrets.passwordMatches("correct horse", a)).isTrue();
    assertThat(Secrets.passwordMatches("correct horsE", a)).isFalse();
    assertThat(Secrets.passwordMatches("anything", "md5$abc")).isFalse();
  }

  @Test
  void makesUnguessableTokens() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(Secrets.token());
    }
    assertThat(tokens).hasSize(1000).allSatisfy(t -> assertThat(t).hasSize(43));
    assertThat(Secrets.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
