package fr.guichet.contract;

/**
 * Sharing a child's profile with the second legal representative, named as a caregiver is: NIR,
 * birth name, first name and birth date; they must have an active space.
 *
 * @param birthDate {@code 1984-02-20}, or with {@code 00} for an unknown day or month
 */
public record ShareRequest(String nir, String lastName, String firstName, String birthDate) {
  @Override
  public String toString() {
    return "ShareRequest";
  }
}
