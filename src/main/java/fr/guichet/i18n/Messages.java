package fr.guichet.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every sentence a person or a mediator reads, in one language, from the bundles in
 * {@code i18n/} (UTF-8 properties, ICU MessageFormat with named arguments and CLDR plurals).
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
  private static final Map<Language, Messages> CACHE = Collections.synchronizedMap(new EnumMap<>(Language.class));

  private final Language language;
  private final Properties bundle;
  private final DateTimeFormatter dates;

  private Messages(Language language, Properties bundle) {
    this.language = language;
    this.bundle = bundle;
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
  }

  /** The messages of one language, loaded once from the classpath. */
  public static Messages of(Language language) {
    return CACHE.computeIfAbsent(language, l -> new Messages(l, load("i18n/messages_" + l.tag() + ".properties")));
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

  /** Whether the bundle has this key (the kiosk falls back on a generic sentence otherwise). */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A date written the way this language writes it in full. */
  public String date(LocalDate date) {
    return dates.format(date);
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
