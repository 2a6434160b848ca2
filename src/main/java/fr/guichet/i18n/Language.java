package fr.guichet.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the kiosk speaks, French first. Each has a bundle {@code i18n/messages_<tag>.properties}.
 *
 * <pre>{@code
 * Language lang = Language.fromTag("en").orElse(Language.FRENCH);
 * lang.next(); // the language one key press further
 * }</pre>
 */
public enum Language {
  FRENCH("fr"),
  ENGLISH("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag, also the bundle suffix. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** The next language in the cycle the language key walks through. */
  public Language next() {
    Language[] all = values();
    return all[(ordinal() + 1) % all.length];
  }

  public static Optional<Language> fromTag(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
  }
}
