package fr.guichet.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the kiosk speaks, French first: the languages of the people France Services
 * counters meet most, and easy-to-read French (FALC) for those who read French with difficulty.
 * Each has a bundle {@code i18n/messages_<bundle>.properties}, a locale for plurals and numbers, a
 * writing direction, and the espeak-ng voice that reads it aloud.
 *
 * <pre>{@code
 * Language lang = Language.fromTag("ar").orElse(Language.FRENCH);
 * lang.rightToLeft(); // true
 * lang.next();        // the language after it in the picker's order
 * Language.EASY_FRENCH.label();                            // "FALC", for the header
 * Language.EASY_FRENCH.needsTranslationFor(Language.FRENCH); // false: no second line
 * }</pre>
 */
public enum Language {
  FRENCH("fr", "fr", "fr", "fr"),
  EASY_FRENCH("fr-x-falc", "fr-falc", "fr", "fr"),
  ENGLISH("en", "en", "en", "en-gb"),
  ARABIC("ar", "ar", "ar", "ar"),
  PORTUGUESE("pt", "pt", "pt-PT", "pt"),
  TURKISH("tr", "tr", "tr", "tr"),
  SPANISH("es", "es", "es", "es"),
  ROMANIAN("ro", "ro", "ro", "ro"),
  HAITIAN_CREOLE("ht", "ht", "ht", "ht");

  private final String tag;
  private final String bundle;
  private final Locale locale;
  private final String voice;

  Language(String tag, String bundle, String locale, String voice) {
    this.tag = tag;
    this.bundle = bundle;
    this.locale = Locale.forLanguageTag(locale);
    this.voice = voice;
  }

  /** The BCP 47 tag, recorded with a consent ({@code fr-x-falc} for easy-to-read French). */
  public String tag() {
    return tag;
  }

  /** The suffix of the bundle file, {@code messages_<bundle>.properties}. */
  public String bundle() {
    return bundle;
  }

  /** The locale of plural rules, numbers and dates (easy-to-read French counts like French). */
  public Locale locale() {
    return locale;
  }

  /** Written from right to left: the screen is mirrored and the text reordered for the terminal. */
  public boolean rightToLeft() {
    return this == ARABIC;
  }

  /** The espeak-ng voice that reads this language aloud. */
  public String voice() {
    return voice;
  }

  /**
   * How the screen's header names this language: its tag in capitals ({@code AR}), and {@code FALC}
   * for easy-to-read French rather than its private-use tag {@code FR-X-FALC}.
   */
  public String label() {
    return this == EASY_FRENCH ? "FALC" : tag.toUpperCase(Locale.ROOT);
  }

  /**
   * Whether a mediator who reads {@code mediator} needs this language's screen beside, in theirs:
   * not for the same language, nor between French and easy-to-read French, which is French.
   */
  public boolean needsTranslationFor(Language mediator) {
    return this != mediator && !(isFrench() && mediator.isFrench());
  }

  private boolean isFrench() {
    return this == FRENCH || this == EASY_FRENCH;
  }

  /** The next language in the picker's order (the last wraps to the first). */
  public Language next() {
    Language[] all = values();
    return all[(ordinal() + 1) % all.length];
  }

  /**
   * The language of a tag, case-insensitive; easy-to-read French also answers to {@code falc} and
   * to its bundle name {@code fr-falc}.
   */
  public static Optional<Language> fromTag(String tag) {
    return Arrays.stream(values())
        .filter(
            l ->
                l.tag.equalsIgnoreCase(tag)
                    || l.bundle.equalsIgnoreCase(tag)
                    || (l == EASY_FRENCH && "falc".equalsIgnoreCase(tag)))
        .findFirst();
  }

  /** The tags {@code --lang} accepts, for messages. */
  public static String tags() {
    return String.join(", ", Arrays.stream(values()).map(Language::tag).toList());
  }
}
