package fr.guichet.forms;

import java.time.LocalDate;

/**
 * Whom the questions are about and on what day: what the rules of a form need beyond the answers (a
 * year cannot be before the birth; a minor is never asked for advance directives; a representative
 * is reminded that some answers are the person's own wishes).
 *
 * <pre>{@code
 * Respondent emma = new Respondent(LocalDate.of(2026, 11, 29), 2015, false);
 * emma.minor(); // true
 * }</pre>
 *
 * @param birthYear the person's year of birth, or 0 when unknown
 * @param onOwnBehalf the person answers for themself (not a parent, guardian or caregiver for them)
 */
public record Respondent(LocalDate today, int birthYear, boolean onOwnBehalf, boolean minor) {
  /** A respondent whose minority follows from the birth year (under 18 this year). */
  public Respondent(LocalDate today, int birthYear, boolean onOwnBehalf) {
    this(today, birthYear, onOwnBehalf, birthYear > 0 && today.getYear() - birthYear < 18);
  }

  /** Whether a question is asked of this person at all. */
  public boolean asked(Field field) {
    return !(field.adultsOnly() && minor);
  }
}
