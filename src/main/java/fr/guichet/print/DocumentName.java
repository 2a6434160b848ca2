package fr.guichet.print;

import com.ibm.icu.text.Transliterator;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The file name of a person's document: what it is, whose it is and when it was printed, so that
 * two people's summaries in one folder never take each other's place. The person is named by first
 * name and initial, in Latin letters (a printer's queue and a USB key take nothing else); never by
 * a social security number.
 *
 * <pre>{@code
 * DocumentName.of("profil-medical", "Louis Petit", ZonedDateTime.now(zone)); // "profil-medical-louis-p-2026-11-29-1405.pdf"
 * DocumentName.of("recu", "فاطمة حداد", at);                                 // "recu-fatmt-h-2026-11-29-1405.pdf"
 * }</pre>
 */
public final class DocumentName {
  private static final Transliterator LATIN =
      Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
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

  /** Lower-case Latin letters and digits, words joined by one dash. */
  private static String slug(String text) {
    String latin;
    synchronized (LATIN) {
      latin = LATIN.transliterate(text);
    }
    return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
