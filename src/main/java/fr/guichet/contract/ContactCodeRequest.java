package fr.guichet.contract;

import java.time.LocalDate;

/**
 * Asks the server to send a one-time code to the contact the insurer holds for this person.
 *
 * @param birthDate {@code 1950-03-14}, or with {@code 00} for an unknown day or month
 */
public record ContactCodeRequest(String nir, String birthDate) {
  /** With a whole birth date. */
  public ContactCodeRequest(String nir, LocalDate birthDate) {
    this(nir, birthDate == null ? null : birthDate.toString());
  }

  @Override
  public String toString() {
    return "ContactCodeRequest";
  }
}
