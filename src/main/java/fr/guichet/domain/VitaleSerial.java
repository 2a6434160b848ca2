package fr.guichet.domain;

import java.util.Map;

/**
 * The serial number printed on a Carte Vitale, used as a proof of identity.
 *
 * <p>An old card without photo shows 8 to 13 digits on the back, top left; a card with photo shows
 * it top right, and only its last 11 digits are typed. Both are accepted here; the server compares
 * the digits it holds.
 *
 * <pre>{@code
 * VitaleSerial serial = VitaleSerial.parse("1234 5678 901");
 * }</pre>
 */
public record VitaleSerial(String digits) {
  public static final int MIN_DIGITS = 8;
  public static final int MAX_DIGITS = 13;

  public VitaleSerial {
    if (digits == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidValue("invalid.vitale.format");
    }
    if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
      throw new InvalidValue(
          "invalid.vitale.length",
          Map.of("min", MIN_DIGITS, "max", MAX_DIGITS, "count", digits.length()));
    }
  }

  /** Reads a serial as typed: spaces are ignored. */
  public static VitaleSerial parse(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("invalid.vitale.empty");
    }
    return new VitaleSerial(typed.replaceAll("\\s", ""));
  }

  /**
   * Whether a serial typed at the counter designates this card: either all digits, or the last 11
   * digits as asked for cards with a photo.
   */
  public boolean matches(VitaleSerial typed) {
    return digits.equals(typed.digits)
        || (typed.digits.length() == 11 && digits.endsWith(typed.digits));
  }

  @Override
  public String toString() {
    return "****" + digits.substring(digits.length() - 2);
  }
}
