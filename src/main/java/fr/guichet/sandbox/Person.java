package fr.guichet.sandbox;

import fr.guichet.domain.Account;
import fr.guichet.domain.BirthDate;

/**
 * A person as the insurer knows them: identity, contacts, and their space as stored. Read through
 * {@link PersonStore}.
 *
 * <pre>{@code
 * Person person = persons.require(c, "p-jeanne");
 * person.display(); // "Jeanne M. (1950)"
 * }</pre>
 */
record Person(
    String id,
    String nir,
    String first,
    String last,
    BirthDate birth,
    String vitale,
    String email,
    String phone,
    Account account) {
  /** First name, initial, birth year: how receipts name a person without identifying them alone. */
  String display() {
    return first + " " + last.charAt(0) + ". (" + birth.year() + ")";
  }
}
