package fr.guichet.cli;

import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Theme;
import fr.guichet.print.Paper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A counter PC's kiosk settings, in a file a technician edits once ({@code
 * /etc/guichet/guichet.conf}) so that the systemd unit's command line never changes. One {@code key
 * = value} per line, UTF-8, {@code #} starts a comment line; each key is a long option of {@code
 * guichet kiosk} without its dashes, plus {@code structure}. The format is checked whole before the
 * kiosk starts: an unknown key, a bad value, a key given twice stops it with the file's name, the
 * line and the key, because a kiosk that half-applies its settings fails later, in front of a
 * visitor.
 *
 * <pre>{@code
 * KioskConfig config = KioskConfig.read(Path.of("/etc/guichet/guichet.conf"));
 * config.language(KioskConfig.LANG).ifPresent(l -> ...);   // Language.ARABIC
 * config.whole(KioskConfig.IDLE_MINUTES);                   // OptionalInt[5]
 * }</pre>
 */
final class KioskConfig {
  static final String API = "api";
  static final String DEMO = "demo";
  static final String STRUCTURE = "structure";
  static final String PRINTER = "printer";
  static final String SAVE_DIR = "save-dir";
  static final String PENDING_FILE = "pending-file";
  static final String LANG = "lang";
  static final String MEDIATOR_LANG = "mediator-lang";
  static final String THEME = "theme";
  static final String IDLE_MINUTES = "idle-minutes";
  static final String IDLE_WARNING_SECONDS = "idle-warning-seconds";
  static final String WINDOW = "window";
  static final String PLAIN = "plain";
  static final String PAPER = "paper";
  static final String ZONE = "zone";

  /** Each key and what is wrong with a value, or null when the value is good. */
  private static final Map<String, Function<String, String>> KEYS = keys();

  private static Map<String, Function<String, String>> keys() {
    Map<String, Function<String, String>> keys = new LinkedHashMap<>();
    keys.put(API, KioskConfig::checkUrl);
    keys.put(DEMO, KioskConfig::checkBoolean);
    keys.put(STRUCTURE, v -> null);
    keys.put(PRINTER, v -> null);
    keys.put(SAVE_DIR, KioskConfig::checkPath);
    keys.put(PENDING_FILE, KioskConfig::checkPath);
    keys.put(LANG, KioskConfig::checkLanguage);
    keys.put(MEDIATOR_LANG, KioskConfig::checkLanguage);
    keys.put(
        THEME,
        v ->
            Theme.fromName(v).isPresent()
                ? null
                : "unknown theme '" + v + "'; use one of " + Theme.names());
    keys.put(IDLE_MINUTES, v -> checkWhole(v, 1, 24 * 60, "minutes"));
    keys.put(IDLE_WARNING_SECONDS, v -> checkWhole(v, 20, 24 * 60 * 60, "seconds"));
    keys.put(WINDOW, KioskConfig::checkBoolean);
    keys.put(PLAIN, KioskConfig::checkBoolean);
    keys.put(
        PAPER,
        v ->
            Paper.fromTag(v).isPresent()
                ? null
                : "unknown paper '" + v + "'; use one of " + Paper.tags());
    keys.put(ZONE, KioskConfig::checkZone);
    return keys;
  }

  /** A configuration file that cannot be used; the message names the file, the line and the key. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** One value and the line it came from. */
  record Setting(String value, int line) {}

  private final String name;
  private final Map<String, Setting> settings;

  private KioskConfig(String name, Map<String, Setting> settings) {
    this.name = name;
    this.settings = settings;
  }

  /** Reads and checks a configuration file. */
  static KioskConfig read(Path file) throws Invalid {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new Invalid("The configuration file " + file + " does not exist.");
    } catch (CharacterCodingException e) {
      throw new Invalid("The configuration file " + file + " is not UTF-8 text.");
    } catch (IOException e) {
      throw new Invalid("Cannot read the configuration file " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), lines);
  }

  /** Checks the lines of a configuration file; {@code name} is how messages call the file. */
  static KioskConfig parse(String name, List<String> lines) throws Invalid {
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = (i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i)).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new Invalid(where(name, number) + "expected 'key = value', found '" + line + "'.");
      }
      String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(equals + 1).strip();
      Function<String, String> check = KEYS.get(key);
      if (check == null) {
        String bare = key.replaceFirst("^-+", "");
        throw new Invalid(
            where(name, number)
                + "unknown key '"
                + key
                + "'"
                + (KEYS.containsKey(bare) ? "; write it without dashes: '" + bare + "'" : "")
                + ". The keys are: "
                + String.join(", ", KEYS.keySet())
                + ".");
      }
      Setting before = settings.get(key);
      if (before != null) {
        throw new Invalid(
            where(name, number)
                + "key '"
                + key
                + "' is already set on line "
                + before.line()
                + ".");
      }
      if (value.isEmpty()) {
        throw new Invalid(
            where(name, number)
                + "key '"
                + key
                + "' has no value; give one, or put # before the line.");
      }
      String problem = check.apply(value);
      if (problem != null) {
        throw new Invalid(where(name, number) + "key '" + key + "': " + problem + ".");
      }
      settings.put(key, new Setting(value, number));
    }
    KioskConfig config = new KioskConfig(name, settings);
    config.checkTogether();
    return config;
  }

  private void checkTogether() throws Invalid {
    Setting api = settings.get(API);
    Setting demo = settings.get(DEMO);
    if (api != null && demo != null && flag(DEMO).orElse(false)) {
      throw new Invalid(
          where(name, demo.line())
              + "key 'demo': a demo kiosk has its own server, and key 'api' on line "
              + api.line()
              + " names another; keep one of them.");
    }
    if (flag(WINDOW).orElse(false) && flag(PLAIN).orElse(false)) {
      throw new Invalid(
          where(name, settings.get(PLAIN).line())
              + "key 'plain': plain lines and the large-text window"
              + " ('window' on line "
              + settings.get(WINDOW).line()
              + ") do not go together; keep one of them.");
    }
    Setting printer = settings.get(PRINTER);
    Setting saveDir = settings.get(SAVE_DIR);
    if (printer != null && saveDir != null) {
      throw new Invalid(
          where(name, saveDir.line())
              + "key 'save-dir': documents go to the printer named on line "
              + printer.line()
              + "; keep 'printer' or 'save-dir', not both.");
    }
    Setting minutes = settings.get(IDLE_MINUTES);
    Setting seconds = settings.get(IDLE_WARNING_SECONDS);
    if (minutes != null
        && seconds != null
        && Integer.parseInt(seconds.value()) >= 60 * Integer.parseInt(minutes.value())) {
      throw new Invalid(
          where(name, seconds.line())
              + "key '"
              + IDLE_WARNING_SECONDS
              + "': the countdown ("
              + seconds.value()
              + " s) must be shorter than the inactivity delay ('"
              + IDLE_MINUTES
              + "' on line "
              + minutes.line()
              + ": "
              + minutes.value()
              + " min).");
    }
  }

  private static String where(String name, int line) {
    return name + ", line " + line + ": ";
  }

  /** The value of a key as written, if the file sets it. */
  Optional<String> text(String key) {
    return Optional.ofNullable(settings.get(key)).map(Setting::value);
  }

  Optional<Boolean> flag(String key) {
    return text(key).map(v -> Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
  }

  OptionalInt whole(String key) {
    return text(key).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
  }

  Optional<Language> language(String key) {
    return text(key).flatMap(Language::fromTag);
  }

  Optional<Theme> theme() {
    return text(THEME).flatMap(Theme::fromName);
  }

  Optional<Path> path(String key) {
    return text(key).map(Path::of);
  }

  Optional<Paper> paper() {
    return text(PAPER).flatMap(Paper::fromTag);
  }

  Optional<ZoneId> zone() {
    return text(ZONE).map(ZoneId::of);
  }

  private static String checkUrl(String v) {
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return null;
      }
    } catch (URISyntaxException e) {
      // said below
    }
    return "'" + v + "' is not a server address; write it as https://server.example/";
  }

  private static String checkBoolean(String v) {
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
        ? null
        : "'" + v + "': use true or false";
  }

  private static String checkLanguage(String v) {
    return Language.fromTag(v).isPresent()
        ? null
        : "unknown language '" + v + "'; use one of " + Language.tags();
  }

  private static String checkZone(String v) {
    try {
      ZoneId.of(v);
      return null;
    } catch (DateTimeException e) {
      return "'" + v + "' is not a time zone; write it as Europe/Paris or America/Cayenne";
    }
  }

  private static String checkPath(String v) {
    try {
      Path.of(v);
      return null;
    } catch (InvalidPathException e) {
      return "'" + v + "' is not a path: " + e.getReason();
    }
  }

  private static String checkWhole(String v, int min, int max, String unit) {
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return null;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    return "'" + v + "': give a whole number of " + unit + " from " + min + " to " + max;
  }
}
