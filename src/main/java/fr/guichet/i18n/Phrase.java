package fr.guichet.i18n;

import java.util.Map;

/**
 * Words to be said in whichever language a reader reads: a bundle key and its values, formatted
 * only when a language is chosen. The values are values, not words of one language: a {@link
 * java.time.LocalDate}, a {@link java.time.ZonedDateTime}, a number, a name, or another phrase;
 * {@link Messages#text(String, Map)} writes each of them the way its own language does. A document
 * written in two languages gives both the same phrase, never a sentence already written in one.
 *
 * <pre>{@code
 * Phrase until = Phrase.of("receipt.undo.withdraw", Map.of("date", LocalDate.of(2026, 12, 31)));
 * until.in(Messages.of(Language.FRENCH));     // "Vous pouvez annuler ce refus jusqu’au 31 décembre 2026."
 * until.in(Messages.of(Language.PORTUGUESE)); // "... até 31 de dezembro de 2026."
 * }</pre>
 */
public record Phrase(String key, Map<String, ?> args) {
  public Phrase {
    args = Map.copyOf(args);
  }

  public static Phrase of(String key) {
    return new Phrase(key, Map.of());
  }

  public static Phrase of(String key, Map<String, ?> args) {
    return new Phrase(key, args);
  }

  /** The phrase written in {@code m}'s language. */
  public String in(Messages m) {
    return m.text(key, args);
  }
}
