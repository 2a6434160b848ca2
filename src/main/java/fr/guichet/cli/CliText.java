package fr.guichet.cli;

import com.ibm.icu.text.MessageFormat;
import fr.guichet.i18n.Language;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The command line's own words (questions, labels, its refusals), from the same bundles as its help
 * ({@code cli/messages_fr|en.properties}), as ICU messages with named arguments. The sentences
 * about the space come from {@link fr.guichet.i18n.Messages} instead.
 *
 * <pre>{@code
 * CliText.of(Language.FRENCH).text("out.receipt", Map.of("id", receipt.receiptId()));
 * }</pre>
 */
final class CliText {
  private final ResourceBundle bundle;
  private final Language language;

  private CliText(ResourceBundle bundle, Language language) {
    this.bundle = bundle;
    this.language = language;
  }

  static CliText of(Language language) {
    return new CliText(
        LanguageOption.helpBundle(language),
        language == Language.ENGLISH ? Language.ENGLISH : Language.FRENCH);
  }

  /** A time with its zone named, in the command line's own language: "10:42 (heure de Paris)". */
  String time(java.time.ZonedDateTime at) {
    return fr.guichet.i18n.Messages.of(language).time(at);
  }

  String text(String key) {
    return text(key, Map.of());
  }

  String text(String key, Map<String, ?> args) {
    String pattern = bundle.getString(key);
    if (args.isEmpty() && pattern.indexOf('{') < 0) {
      return pattern;
    }
    String text = new MessageFormat(pattern, bundle.getLocale()).format(args);
    // The same elision as the kiosk's sentences: "profil d’Emma", not "profil de Emma".
    return bundle.getLocale().getLanguage().equals("fr")
        ? fr.guichet.i18n.Messages.elided(text, args)
        : text;
  }
}
