package fr.guichet.contract;

import java.time.LocalDate;

/**
 * Giving a caregiver (aidant) access: the caregiver is named by NIR, birth name, first name and
 * birth date, and must have an active space.
 */
public record CaregiverRequest(String nir, String lastName, String firstName, LocalDate birthDate) {
  @Override
  public String toString() {
    return "CaregiverRequest";
  }
}
