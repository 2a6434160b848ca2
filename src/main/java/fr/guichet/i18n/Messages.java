package fr.guichet.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * fr.text("flow.REOPEN.readback", Map.of("name", "Emma")); // "rouvrir l’espace d’Emma."
 * fr.text("receipt.undo.withdraw", Map.of("date", LocalDate.of(2026, 12, 31))); // the date in French
 * fr.time(ZonedDateTime.of(2026, 12, 4, 14, 5, 0, 0, ZoneId.of("Europe/Paris"))); // "14:05 (heure de Paris)"
 * }</pre>
 *
 * <p>Values given to a sentence are written in this language: a {@link LocalDate} as a date, a
 * {@link ZonedDateTime} as a time with its zone named, a {@link LocalTime} as hours and minutes, a
 * {@link ZoneId} as the zone's name, a {@link Phrase} as its own sentence. So one set of values
 * serves every language of a page.
 */
public final class Messages {
  private static final Map<Language, Messages> CACHE =
      Collections.synchronizedMap(new EnumMap<>(Language.class));

  /** The letters a French word elides before (a Y counts when a consonant follows it). */
  private static final String VOWELS = "aeiouyàâäéèêëîïôöùûüœæ";

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

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
    Map<String, Object> written = new HashMap<>(args.size());
    args.forEach((name, value) -> written.put(name, written(value)));
    String text = new MessageFormat(pattern, language.locale()).format(written);
    return language.locale().getLanguage().equals("fr") ? elided(text, written) : text;
  }

  /** A phrase in this language. */
  public String text(Phrase phrase) {
    return text(phrase.key(), phrase.args());
  }

  /** A value given to a sentence, as this language writes it. */
  private Object written(Object value) {
    if (value instanceof LocalDate d) {
      return date(d);
    }
    if (value instanceof ZonedDateTime t) {
      return time(t);
    }
    if (value instanceof LocalTime t) {
      return HOURS.format(t);
    }
    if (value instanceof Phrase p) {
      return text(p);
    }
    if (value instanceof ZoneId z) {
      return zone(z);
    }
    return value;
  }

  /**
   * A time of day with its zone named in this language, "14:05 (heure de Paris)": a counter
   * overseas and the server in Paris must not leave the reader guessing which hour it is.
   */
  public String time(ZonedDateTime at) {
    return text("time.zoned", Map.of("time", HOURS.format(at), "zone", zone(at.getZone())));
  }

  /**
   * A time zone named in this language: by its place ("heure de Paris", "بتوقيت باريس"), or by its
   * offset from UTC when it has no place ("heure UTC+03:00").
   */
  public String zone(ZoneId zone) {
    String canonical = TimeZone.getCanonicalID(zone.getId());
    String place =
        canonical == null
            ? null
            : TimeZoneNames.getInstance(ULocale.forLocale(language.locale()))
                .getExemplarLocationName(canonical);
    if (place != null) {
      return text("time.zone.place", Map.of("place", place));
    }
    if (!zone.getRules().isFixedOffset()) {
      return text("time.zone.offset", Map.of("offset", zone.getId()));
    }
    ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.EPOCH);
    return text(
        "time.zone.offset",
        Map.of("offset", offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId()));
  }

  /**
   * French elides "de" and "que" before a vowel: "l’espace d’Emma", "Est-ce qu’Yves…". A name comes
   * in as an argument, so the bundle cannot write it: this does, for every text argument that
   * starts with a vowel sound (a Y before a consonant; never an H, whose names are said both ways,
   * nor a Y before a vowel: "de Yasmine").
   */
  public static String elided(String text, Map<String, ?> args) {
    String out = text;
    for (Object value : args.values()) {
      if (value instanceof String word && startsWithVowelSound(word)) {
        out =
            Pattern.compile("(?<![\\p{L}’'])(d|D|qu|Qu)e " + Pattern.quote(word))
                .matcher(out)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "’" + word));
      }
    }
    return out;
  }

  private static boolean startsWithVowelSound(String word) {
    if (word.isEmpty()) {
      return false;
    }
    char first = Character.toLowerCase(word.charAt(0));
    if (first == 'y') {
      return word.length() > 1 && VOWELS.indexOf(Character.toLowerCase(word.charAt(1))) < 0;
    }
    return VOWELS.indexOf(first) >= 0;
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
