package fr.guichet.api;

import java.time.LocalDate;

/**
 * Identifying the person at the counter. Method {@code NIR_BIRTHDATE_VITALE}: the NIR as typed,
 * the birth date, and the Carte Vitale serial number as typed; the server validates all three.
 */
public record IdentificationRequest(String method, String nir, LocalDate birthDate, String vitaleSerial) {
  public static final String NIR_BIRTHDATE_VITALE = "NIR_BIRTHDATE_VITALE";

  @Override
  public String toString() {
    return "IdentificationRequest[" + method + "]";
  }
}
