package fr.guichet.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every sentence a person or a mediator reads, in one language, from the bundles in {@code i18n/}
 * (UTF-8 properties, ICU MessageFormat with named arguments and CLDR plurals).
 *
 * <p>Why ICU and not {@code java.text.MessageFormat}: plural rules beyond "one/other" (Arabic has
 * six forms) and named arguments that translators can read.
 *
 * <pre>{@code
 * Messages fr = Messages.of(Language.FRENCH);
 * fr.text("account.days-left", Map.of("days", 3)); // "Il reste 3 jours."
 * fr.date(LocalDate.of(2026, 12, 1));             // "1 décembre 2026"
 * }</pre>
 */
public final class Messages {
  private static final Map<Language, Messages> CACHE =
      Collections.synchronizedMap(new EnumMap<>(Language.class));

  private final Language language;
  private final Properties bundle;

  private Messages(Language language, Properties bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  /** The messages of one language, loaded once from the classpath. */
  public static Messages of(Language language) {
    return CACHE.computeIfAbsent(language, l -> new Messages(l, load(resource(l))));
  }

  /**
   * Where the bundle of a language is on the classpath (also the file name under {@code i18n/}).
   */
  public static String resource(Language language) {
    return "i18n/messages_" + language.bundle() + ".properties";
  }

  public Language language() {
    return language;
  }

  /** The sentence for {@code key}, with no argument. */
  public String text(String key) {
    return text(key, Map.of());
  }

  /**
   * The sentence for {@code key} with its named arguments. An unknown key shows as itself in
   * brackets rather than crashing a sitting; the bundle completeness test keeps this from
   * happening.
   */
  public String text(String key, Map<String, ?> args) {
    String pattern = bundle.getProperty(key);
    if (pattern == null) {
      return "[" + key + "]";
    }
    if (args.isEmpty() && pattern.indexOf('{') < 0) {
      return pattern;
    }
    return new MessageFormat(pattern, language.locale()).format(args);
  }

  /** The raw ICU pattern of a key, or null: for checks on the bundles. */
  String pattern(String key) {
    return bundle.getProperty(key);
  }

  /** Whether the bundle has this key (the kiosk falls back on a generic sentence otherwise). */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * A date written the way this language writes it in full, from the bundle's {@code date.long}
   * pattern (day, month number and year as text): month names live in the bundles because ICU has
   * no data for every language we speak (Haitian Creole).
   */
  public String date(LocalDate date) {
    return text(
        "date.long",
        Map.of(
            "day",
            String.valueOf(date.getDayOfMonth()),
            "month",
            String.valueOf(date.getMonthValue()),
            "year",
            String.valueOf(date.getYear())));
  }

  /**
   * A birth date as the wire gives it: {@code 1950-03-14} written in full as {@link
   * #date(LocalDate)} does, one with an unknown day or month ({@code 1950-00-00}) as the civil
   * status writes it, {@code 00/00/1950}; anything else as it is.
   */
  public String date(String iso) {
    if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return String.valueOf(iso);
    }
    if (iso.endsWith("-00")) {
      return iso.substring(8) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
    }
    try {
      return date(LocalDate.parse(iso));
    } catch (java.time.format.DateTimeParseException notADay) {
      return iso;
    }
  }

  /**
   * The review status of this bundle ({@code bundle.review}): {@code reference}, {@code reviewed}
   * or {@code needs-review}, then a colon and who wrote or checked it.
   */
  public String review() {
    return text("bundle.review");
  }

  /**
   * Whether a native speaker (or, for easy-to-read French, its readers) has checked this bundle.
   */
  public boolean reviewed() {
    return !review().startsWith("needs-review");
  }

  /** All keys of this bundle, for completeness checks. */
  public Set<String> keys() {
    return new TreeSet<>(bundle.stringPropertyNames());
  }

  private static Properties load(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing message bundle " + resource + " on the classpath");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read message bundle " + resource, e);
    }
  }
}
