package fr.guichet.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A French social security number (NIR): 13 characters and a 2-digit control key.
 *
 * <p>Why a type: a NIR is typed at the counter, often with spaces, and a wrong digit must be caught
 * with a plain explanation before anything is sent. The key is {@code 97 - (NIR13 mod 97)}, where
 * the Corsican departments 2A and 2B count as 19 and 18. {@link #toString()} never shows the full
 * number, so a NIR that slips into a log stays masked.
 *
 * <pre>{@code
 * Nir nir = Nir.parse("2 50 03 75 056 123 45"); // throws InvalidValue on a bad key
 * nir.value();  // "250037505612345"
 * nir.masked(); // "2 50 ** ** *** *** **"
 * }</pre>
 */
public record Nir(String value) {
  private static final Pattern SHAPE =
      Pattern.compile(
          "[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-4][0-9]|[5-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}[0-9]{2}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  public Nir {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidValue("invalid.nir.format");
    }
    if (!value.substring(13).equals(key(value.substring(0, 13)))) {
      throw new InvalidValue("invalid.nir.key");
    }
  }

  /** Reads a NIR as typed: spaces, dots and dashes are ignored, letters may be lower case. */
  public static Nir parse(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("invalid.nir.empty");
    }
    String compact = typed.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    if (compact.length() != 15) {
      throw new InvalidValue("invalid.nir.length", Map.of("count", compact.length()));
    }
    return new Nir(compact);
  }

  /** The 2-digit control key of the first 13 characters of a NIR. */
  public static String key(String nir13) {
    if (nir13 == null || nir13.length() != 13) {
      throw new InvalidValue("invalid.nir.format");
    }
    String numeric = nir13.replace("2A", "19").replace("2B", "18");
    if (!numeric.chars().allMatch(Character::isDigit)) {
      throw new InvalidValue("invalid.nir.format");
    }
    int key = 97 - new BigInteger(numeric).mod(NINETY_SEVEN).intValue();
    return String.format(java.util.Locale.ROOT, "%02d", key);
  }

  /** Sex digit and birth year only: enough for a person to recognise, useless to anyone else. */
  public String masked() {
    return value.charAt(0) + " " + value.substring(1, 3) + " ** ** *** *** **";
  }

  /**
   * The whole number grouped as on the card ("1 62 10 97 611 150 29"), for a read-back the person
   * checks digit by digit before it is sent; never for a log.
   */
  public String grouped() {
    return String.join(
        " ",
        value.substring(0, 1),
        value.substring(1, 3),
        value.substring(3, 5),
        value.substring(5, 7),
        value.substring(7, 10),
        value.substring(10, 13),
        value.substring(13));
  }

  @Override
  public String toString() {
    return masked();
  }
}
