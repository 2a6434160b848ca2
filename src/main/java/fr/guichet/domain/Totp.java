package fr.guichet.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits): the second factor
 * of a mediator's login, compatible with authenticator apps and {@code oathtool --totp}.
 *
 * <pre>{@code
 * Totp totp = Totp.fromBase32("JBSWY3DPEHPK3PXP");
 * String code = totp.codeAt(Instant.now());
 * boolean ok = totp.verify("123456", Instant.now(), 1); // one step of clock drift allowed
 * OptionalLong step = totp.matchingStep("123456", Instant.now(), 1); // to refuse a replay
 * }</pre>
 */
public final class Totp {
  private static final int DIGITS = 6;
  private static final long STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final byte[] secret;

  private Totp(byte[] secret) {
    this.secret = secret.clone();
  }

  /** A TOTP generator for a secret written in base 32, as authenticator apps show it. */
  public static Totp fromBase32(String secret) {
    return new Totp(decodeBase32(secret));
  }

  /** A generator for raw secret bytes (RFC 6238 test vectors use ASCII secrets). */
  public static Totp fromBytes(byte[] secret) {
    return new Totp(secret);
  }

  /** The code valid during the 30-second step that contains {@code at}. */
  public String codeAt(Instant at) {
    return codeForStep(Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), DIGITS);
  }

  /** An 8-digit code, for checking against the RFC 6238 appendix vectors. */
  String codeAt(Instant at, int digits) {
    return codeForStep(Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), digits);
  }

  /** Whether {@code typed} is the code of the current step or of {@code drift} steps around it. */
  public boolean verify(String typed, Instant at, int drift) {
    return matchingStep(typed, at, drift).isPresent();
  }

  /**
   * The step whose code {@code typed} is, within {@code drift} steps of {@code at}: a server
   * remembers it to refuse the same code twice.
   */
  public OptionalLong matchingStep(String typed, Instant at, int drift) {
    if (typed == null) {
      return OptionalLong.empty();
    }
    String code = typed.replace(" ", "");
    if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    long found = -1;
    for (long s = step - drift; s <= step + drift; s++) {
      // Compare every candidate in constant time and never stop early.
      if (MessageDigest.isEqual(codeForStep(s, DIGITS).getBytes(), code.getBytes())) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  private String codeForStep(long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int modulo = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  static byte[] decodeBase32(String text) {
    String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not a base 32 TOTP secret: unexpected '" + c + "'");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
