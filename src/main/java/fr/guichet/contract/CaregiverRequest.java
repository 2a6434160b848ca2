package fr.guichet.contract;

import java.time.LocalDate;

/**
 * Giving a caregiver (aidant) access: the caregiver is named by NIR, birth name, first name and
 * birth date, and must have an active space.
 *
 * @param birthDate {@code 1962-10-08}, or with {@code 00} for an unknown day or month
 */
public record CaregiverRequest(String nir, String lastName, String firstName, String birthDate) {
  /** With a whole birth date. */
  public CaregiverRequest(String nir, String lastName, String firstName, LocalDate birthDate) {
    this(nir, lastName, firstName, birthDate == null ? null : birthDate.toString());
  }

  @Override
  public String toString() {
    return "CaregiverRequest";
  }
}
