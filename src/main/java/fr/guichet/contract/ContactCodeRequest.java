package fr.guichet.contract;

import java.time.LocalDate;

/** Asks the server to send a one-time code to the contact the insurer holds for this person. */
public record ContactCodeRequest(String nir, LocalDate birthDate) {
  @Override
  public String toString() {
    return "ContactCodeRequest";
  }
}
