package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundles are complete and fit the screen: every key everywhere, the same placeholders, every
 * plural form the language needs (CLDR), no string wider than its place on an 80-column screen, a
 * stated review status, characters the terminal draws one a cell, and the FALC rules.
 */
class MessagesTest {
  /** Room on one 80-column row once the margins, a tile's key box or a pictogram are drawn. */
  static final int ONE_ROW = 60;

  static final int KEY_LABEL = 20;

  /** A sentence wraps: at most 3 rows of the notice box (76 columns). */
  static final int SENTENCE = 3 * 76;

  /** A help paragraph (one line of the help text): at most 2 rows. */
  static final int HELP_PARAGRAPH = 2 * 76;

  static final Set<String> TILE_LABELS =
      Set.of(
          "consent.yes",
          "consent.no",
          "consent.attest.yes",
          "consent.attest.no",
          "account.retry",
          "account.print",
          "ended.next",
          "key.end-sitting",
          "key.back",
          "idle.extend",
          "legend.more",
          "language.name",
          "language.easy-french");

  @Test
  void everyBundleHasEveryKeyOfTheFrenchReference() {
    Set<String> reference = Messages.of(Language.FRENCH).keys();
    for (Language l : Language.values()) {
      assertThat(Messages.of(l).keys()).as(l.tag()).isEqualTo(reference);
    }
  }

  @Test
  void placeholdersAreTheSameInEveryLanguage() {
    Messages fr = Messages.of(Language.FRENCH);
    for (Language l : Language.values()) {
      Messages other = Messages.of(l);
      for (String key : fr.keys()) {
        assertThat(arguments(other, key)).as(l.tag() + " " + key).isEqualTo(arguments(fr, key));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyPluralCoversEveryFormTheLanguageNeedsAndNoOther(Language language) {
    PluralRules rules = PluralRules.forLocale(ULocale.forLocale(language.locale()));
    Messages m = Messages.of(language);
    int plurals = 0;
    for (String key : m.keys()) {
      MessagePattern pattern = new MessagePattern(m.pattern(key));
      for (int i = 0; i < pattern.countParts(); i++) {
        MessagePattern.Part part = pattern.getPart(i);
        if (part.getType() != MessagePattern.Part.Type.ARG_START
            || part.getArgType() != MessagePattern.ArgType.PLURAL) {
          continue;
        }
        plurals++;
        Set<String> keywords = new TreeSet<>();
        Set<Integer> explicit = new TreeSet<>();
        int j = i + 1;
        while (j < pattern.getLimitPartIndex(i)) {
          MessagePattern.Part p = pattern.getPart(j++);
          if (p.getType() != MessagePattern.Part.Type.ARG_SELECTOR) {
            continue;
          }
          String selector = pattern.getSubstring(p);
          if (selector.startsWith("=")) {
            explicit.add(Integer.parseInt(selector.substring(1)));
          } else {
            keywords.add(selector);
          }
          if (pattern.getPart(j).getType().hasNumericValue()) {
            j++;
          }
          j = pattern.getLimitPartIndex(j) + 1; // past this form's message
        }
        String where = language.tag() + " " + key;
        assertThat(rules.getKeywords())
            .as(where + ": no keyword the language does not have")
            .containsAll(keywords);
        assertThat(keywords).as(where).contains("other");
        // A form is needed when a count shown on screen (0 to 999) selects it and no =n covers
        // every such count.
        for (String needed : reachable(rules)) {
          boolean coveredExplicitly =
              countsSelecting(rules, needed).stream().allMatch(explicit::contains);
          assertThat(keywords.contains(needed) || coveredExplicitly)
              .as(where + " lacks the form " + needed)
              .isTrue();
        }
      }
    }
    assertThat(plurals).as("counts are written with plural forms").isGreaterThanOrEqualTo(5);
  }

  @Test
  void arabicHasItsSixPluralForms() {
    String days = Messages.of(Language.ARABIC).pattern("account.days-left");
    for (String form : List.of("zero", "one", "two", "few", "many", "other")) {
      assertThat(days).contains(" " + form + " {");
    }
    Messages ar = Messages.of(Language.ARABIC);
    assertThat(ar.text("account.days-left", Map.of("days", 1))).isEqualTo("بقي يوم واحد.");
    assertThat(ar.text("account.days-left", Map.of("days", 2))).isEqualTo("بقي يومان.");
    assertThat(ar.text("account.days-left", Map.of("days", 5))).isEqualTo("بقيت 5 أيام.");
    assertThat(ar.text("account.days-left", Map.of("days", 32))).isEqualTo("بقي 32 يوما.");
    assertThat(ar.text("account.days-left", Map.of("days", 100))).isEqualTo("بقي 100 يوم.");
    assertThat(Messages.of(Language.ROMANIAN).text("account.days-left", Map.of("days", 32)))
        .isEqualTo("Au mai rămas 32 de zile.");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void noStringIsWiderThanItsPlaceOnAnEightyColumnScreen(Language language) {
    Messages m = Messages.of(language);
    List<String> tooWide = new ArrayList<>();
    for (String key : m.keys()) {
      if (key.equals("bundle.review") || key.startsWith("sheet.") || key.equals("date.long")) {
        continue; // not drawn on screen (the status sheet is a PDF page)
      }
      String text = sample(m, key);
      int max =
          key.startsWith("key.")
              ? KEY_LABEL
              : TILE_LABELS.contains(key)
                      || key.endsWith(".title")
                      || key.startsWith("help.title.")
                      || key.endsWith(".name")
                      || key.startsWith("picto.")
                      || key.contains(".field.")
                      || key.startsWith("theme.")
                      || key.startsWith("legend.")
                      || key.startsWith("action.")
                  ? ONE_ROW
                  : key.startsWith("help.") ? HELP_PARAGRAPH : SENTENCE;
      for (String paragraph : text.split("\n")) {
        if (paragraph.length() > max) {
          tooWide.add(key + " (" + paragraph.length() + " > " + max + "): " + paragraph);
        }
      }
    }
    assertThat(tooWide).as(language.tag()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyBundleStatesItsReviewStatusInItsHeaderAndInAKey(Language language) throws IOException {
    Messages m = Messages.of(language);
    assertThat(m.review()).matches("(reference|reviewed|needs-review): .+");
    String header = header(language);
    assertThat(header).contains("Review status: " + m.review());
    assertThat(m.reviewed()).isEqualTo(language == Language.FRENCH);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyCharacterIsOneCellOfTheTerminal(Language language) {
    Messages m = Messages.of(language);
    for (String key : m.keys()) {
      String p = m.pattern(key);
      assertThat(Normalizer.isNormalized(p, Normalizer.Form.NFC)).as(key + " is NFC").isTrue();
      assertThat(p.codePoints().allMatch(c -> c <= 0xFFFF)).as(key + " stays in the BMP").isTrue();
      assertThat(p.codePoints().noneMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK))
          .as(key + " has no combining mark (no tashkeel): Lanterna draws one a cell")
          .isTrue();
    }
  }

  @Test
  void easyToReadFrenchKeepsItsRules() {
    Messages falc = Messages.of(Language.EASY_FRENCH);
    Pattern abbreviations =
        Pattern.compile("·|\\bn°|\\betc\\b|\\bex\\.|\\bh\\b|\\bSVP\\b|\\bNIR\\b|\\bc-à-d\\b");
    List<String> broken = new ArrayList<>();
    for (String key : falc.keys()) {
      if (key.equals("bundle.review") || key.equals("date.long")) {
        continue;
      }
      String text = sample(falc, key);
      if (abbreviations.matcher(text).find()) {
        broken.add(key + " abbreviates: " + text);
      }
      for (String sentence : text.split("(?<=[.?!:])\\s+|\n")) {
        int words = sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
        if (words > 12) {
          broken.add(key + " has a sentence of " + words + " words: " + sentence);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void datesAreWrittenAsEachLanguageWritesThem() {
    LocalDate day = LocalDate.of(2026, 12, 31);
    Date icuDay = Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    for (Language l : Language.values()) {
      if (l == Language.HAITIAN_CREOLE) {
        continue; // ICU has no data for Haitian Creole: checked below
      }
      DateFormat icu = DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLocale(l.locale()));
      icu.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone("UTC"));
      assertThat(Messages.of(l).date(day)).as(l.tag()).isEqualTo(icu.format(icuDay));
    }
    assertThat(Messages.of(Language.HAITIAN_CREOLE).date(day)).isEqualTo("31 desanm 2026");
    assertThat(Messages.of(Language.ARABIC).date(LocalDate.of(2026, 3, 4)))
        .isEqualTo("4 مارس 2026");
  }

  @Test
  void formatsNamedArgumentsPluralsAndDates() {
    Messages fr = Messages.of(Language.FRENCH);
    Messages en = Messages.of(Language.ENGLISH);
    assertThat(fr.text("account.days-left", Map.of("days", 0))).isEqualTo("C’est le dernier jour.");
    assertThat(fr.text("account.days-left", Map.of("days", 1))).isEqualTo("Il reste 1 jour.");
    assertThat(fr.text("account.days-left", Map.of("days", 32))).isEqualTo("Il reste 32 jours.");
    assertThat(en.text("account.days-left", Map.of("days", 1))).isEqualTo("1 day left.");
    assertThat(fr.date(LocalDate.of(2026, 12, 31))).isEqualTo("31 décembre 2026");
    assertThat(en.date(LocalDate.of(2026, 12, 31))).isEqualTo("December 31, 2026");
  }

  @Test
  void aBirthDateWithAnUnknownDayOrMonthIsWrittenAsTheCivilStatusWritesIt() {
    Messages fr = Messages.of(Language.FRENCH);
    assertThat(fr.date("1950-03-14")).isEqualTo("14 mars 1950");
    assertThat(fr.date("1950-00-00")).isEqualTo("00/00/1950");
    assertThat(fr.date("1950-03-00")).isEqualTo("00/03/1950");
    assertThat(fr.date("1950-02-31")).isEqualTo("1950-02-31");
    assertThat(fr.date("hier")).isEqualTo("hier");
  }

  @Test
  void anUnknownKeyShowsItselfInsteadOfCrashing() {
    assertThat(Messages.of(Language.ENGLISH).text("no.such.key")).isEqualTo("[no.such.key]");
    assertThat(Messages.of(Language.ENGLISH).has("no.such.key")).isFalse();
  }

  @Test
  void eachLanguageNamesItselfInItsOwnWords() {
    assertThat(Messages.of(Language.ARABIC).text("language.name")).isEqualTo("العربية");
    assertThat(Messages.of(Language.PORTUGUESE).text("language.name")).isEqualTo("Português");
    Set<String> names = new LinkedHashSet<>();
    for (Language l : Language.values()) {
      names.add(Messages.of(l).text("language.name"));
    }
    assertThat(names).hasSize(Language.values().length);
  }

  private static Set<String> reachable(PluralRules rules) {
    Set<String> out = new TreeSet<>();
    for (int n = 0; n < 1000; n++) {
      out.add(rules.select(n));
    }
    return out;
  }

  private static List<Integer> countsSelecting(PluralRules rules, String keyword) {
    List<Integer> out = new ArrayList<>();
    for (int n = 0; n < 1000; n++) {
      if (rules.select(n).equals(keyword)) {
        out.add(n);
      }
    }
    return out;
  }

  static final Set<String> NUMBERS =
      Set.of("count", "min", "max", "year", "day", "month", "minutes", "days", "seconds");

  /** The message with a sample for each argument: "Xxxxxxx Xxxxxxx" for names, 22 for counts. */
  static String sample(Messages m, String key) {
    MessagePattern pattern = new MessagePattern(m.pattern(key));
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < pattern.countParts(); i++) {
      MessagePattern.Part part = pattern.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_START) {
        String name = pattern.getSubstring(pattern.getPart(i + 1));
        args.put(
            name,
            part.getArgType() == MessagePattern.ArgType.PLURAL
                ? (Object) 22
                : NUMBERS.contains(name)
                    ? "22"
                    : name.equals("date")
                        ? "30 septembre 2026"
                        : name.equals("where") ? "/var/guichet/fiche.pdf" : "Xxxxxxx Xxxxxxx");
      }
    }
    return m.text(key, args);
  }

  private static String header(Language language) throws IOException {
    try (InputStream in =
        Messages.class.getClassLoader().getResourceAsStream(Messages.resource(language))) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder();
      for (String line : all.split("\n")) {
        if (!line.startsWith("#")) {
          break;
        }
        header.append(line).append('\n');
      }
      return header.toString();
    }
  }

  private static Set<String> arguments(Messages m, String key) {
    MessagePattern pattern = new MessagePattern(m.pattern(key));
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < pattern.countParts(); i++) {
      MessagePattern.Part part = pattern.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        names.add(pattern.getSubstring(part));
      }
    }
    return names;
  }
}
