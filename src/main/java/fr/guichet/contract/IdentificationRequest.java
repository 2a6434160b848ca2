package fr.guichet.contract;

import java.time.LocalDate;

/**
 * Identifying the person at the counter, by one of three methods; the server validates every value
 * and journals every attempt.
 *
 * <ul>
 *   <li>{@code NIR_BIRTHDATE_VITALE}: {@code nir}, {@code birthDate}, {@code vitaleSerial};
 *   <li>{@code LETTER_CODE}: {@code nir} and the one-time {@code code} of the letter or e-mail;
 *   <li>{@code CONTACT_CODE}: the {@code challengeId} of a code sent to the person's contact, and
 *       {@code code}.
 * </ul>
 *
 * @param birthDate as the civil status gives it, {@code 1950-03-14}, with {@code 00} for an unknown
 *     day or month ({@code 1950-00-00})
 */
public record IdentificationRequest(
    String method,
    String nir,
    String birthDate,
    String vitaleSerial,
    String code,
    String challengeId) {
  public static final String NIR_BIRTHDATE_VITALE = "NIR_BIRTHDATE_VITALE";
  public static final String LETTER_CODE = "LETTER_CODE";
  public static final String CONTACT_CODE = "CONTACT_CODE";

  public static IdentificationRequest byVitale(String nir, String birthDate, String vitaleSerial) {
    return new IdentificationRequest(
        NIR_BIRTHDATE_VITALE, nir, birthDate, vitaleSerial, null, null);
  }

  /** The same, with a whole birth date. */
  public static IdentificationRequest byVitale(
      String nir, LocalDate birthDate, String vitaleSerial) {
    return byVitale(nir, birthDate == null ? null : birthDate.toString(), vitaleSerial);
  }

  public static IdentificationRequest byLetterCode(String nir, String code) {
    return new IdentificationRequest(LETTER_CODE, nir, null, null, code, null);
  }

  public static IdentificationRequest byContactCode(String challengeId, String code) {
    return new IdentificationRequest(CONTACT_CODE, null, null, null, code, challengeId);
  }

  @Override
  public String toString() {
    return "IdentificationRequest[" + method + "]";
  }
}
