package fr.guichet.print;

import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The file name of a person's document: what it is, whose it is and when it was printed, so that
 * two people's summaries in one folder never take each other's place. The person is named by first
 * name and initial, lower case, without accents, in the letters of their name (an Arabic name stays
 * Arabic: transliterating it would cost the first print a second); never by a social security
 * number, and no digit of the name is kept.
 *
 * <pre>{@code
 * DocumentName.of("profil-medical", "Louis Petit", ZonedDateTime.now(zone)); // "profil-medical-louis-p-2026-11-29-1405.pdf"
 * DocumentName.of("reçu", "Hélène Da Silva", at);                           // "recu-helene-s-2026-11-29-1405.pdf"
 * }</pre>
 */
public final class DocumentName {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

  private DocumentName() {}

  /**
   * @param kind what the document is, as a file name starts ({@code profil-medical})
   * @param person the person's name as printed ("Louis Petit")
   */
  public static String of(String kind, String person, ZonedDateTime at) {
    String[] words = slug(person).split("-");
    String who = words[0].isEmpty() ? "personne" : words[0];
    for (int i = words.length - 1; i > 0; i--) {
      if (Character.isLetter(words[i].charAt(0))) {
        who += "-" + words[i].charAt(0); // the initial of the last name, not of a year
        break;
      }
    }
    return slug(kind) + "-" + who + "-" + WHEN.format(at) + ".pdf";
  }

  /** Lower-case letters without their accents, words joined by one dash; digits dropped. */
  private static String slug(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}]+", "-")
        .replaceAll("^-+|-+$", "");
  }
}
