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

  @ParameterizedTest
  @EnumSource(Language.class)
  void noWordIsWrittenForBothSexesWithAShorthandThatIsReadBadly(Language language) {
    // "né·e", "concerné·e": espeak reads the point médian badly and readers stumble on it; the same
    // goes for "nascido/a", "născut/ă". A neutral form needs neither ("année de naissance").
    Pattern shorthand = Pattern.compile("\\p{L}·\\p{L}|\\p{L}/(a|ă|e|o)(?!\\p{L})");
    Messages m = Messages.of(language);
    List<String> found = new ArrayList<>();
    for (String key : m.keys()) {
      if (shorthand.matcher(m.pattern(key)).find()) {
        found.add(key + ": " + m.pattern(key));
      }
    }
    assertThat(found).as(language.tag()).isEmpty();
  }

  @Test
  void arabicAddressesThePersonInThePluralOfRespectNeverInTheMasculineSingular() {
    // Like French "vous": "اتصلوا" and "فضاؤكم" speak to a woman as well as to a man; "اتصل",
    // "تريد" and "فضاؤك" (read in the masculine without short vowels) do not. Past forms such as
    // "رفضت" are left out: unvowelled, they also say "she refused" and "it was refused".
    Set<String> endingInKafAndNotYou =
        Set.of(
            "ذلك", "لذلك", "بذلك", "كذلك", "وكذلك", "تلك", "هناك", "مشترك", "المشترك", "الشباك",
            "متحرك", "سمك", "شريك");
    Set<String> masculineSingular =
        Set.of(
            "اتصل", "اكتب", "اختر", "تأكد", "تحقق", "حاول", "احفظ", "انتظر", "أعد", "اطلب", "ادخل",
            "أضف", "اسحب", "قارن", "اقرأ", "اضغط", "انظر", "انقل", "املأ", "امسح", "اذهب", "أشر",
            "قص", "احتفظ", "أعط", "قل", "تريد", "توافق", "تأخذ", "تشعر", "تأكل", "تمارس", "تنام",
            "تشرب", "تدخن", "تساعده", "تشهد", "تعرف", "تستطيع", "تحتاج");
    Messages ar = Messages.of(Language.ARABIC);
    List<String> found = new ArrayList<>();
    for (String key : ar.keys()) {
      if (key.equals("bundle.review") || key.equals("date.long")) {
        continue;
      }
      for (String word : sample(ar, key).split("[^\\p{L}]+")) {
        if ((word.endsWith("ك") && !endingInKafAndNotYou.contains(word))
            || masculineSingular.contains(word)) {
          found.add(key + ": " + word);
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void frenchElidesBeforeANameThatStartsWithAVowelSound() {
    Messages fr = Messages.of(Language.FRENCH);
    assertThat(fr.text("flow.REOPEN.readback", Map.of("name", "Emma Martin")))
        .isEqualTo("rouvrir l’espace d’Emma Martin.");
    assertThat(fr.text("flow.REOPEN.readback", Map.of("name", "Yves")))
        .isEqualTo("rouvrir l’espace d’Yves.");
    assertThat(fr.text("flow.REOPEN.readback", Map.of("name", "Yasmine")))
        .isEqualTo("rouvrir l’espace de Yasmine.");
    assertThat(fr.text("flow.REOPEN.readback", Map.of("name", "Hugo")))
        .isEqualTo("rouvrir l’espace de Hugo.");
    assertThat(fr.text("flow.REOPEN.readback", Map.of("name", "Jeanne")))
        .isEqualTo("rouvrir l’espace de Jeanne.");
    assertThat(
            Messages.of(Language.EASY_FRENCH)
                .text(
                    "profile.blood-group.group.question.about",
                    Map.of("subject", "child", "name", "Émile")))
        .isEqualTo("Quel est le groupe sanguin d’Émile ?");
    assertThat(fr.text("profile.allergies.ask.about", Map.of("subject", "child", "name", "Inès")))
        .isEqualTo("Est-ce qu’Inès a une allergie ?");
    assertThat(Messages.of(Language.ENGLISH).text("flow.REOPEN.readback", Map.of("name", "Emma")))
        .doesNotContain("’Emma");
  }

  @Test
  void aQuestionAboutSomeoneElseNamesThemInsteadOfSayingYou() {
    for (Language l : Language.values()) {
      Messages m = Messages.of(l);
      for (String key : m.keys()) {
        if (!key.endsWith(".about")) {
          continue;
        }
        String asked = key.substring(0, key.length() - ".about".length());
        assertThat(m.text(key, Map.of("subject", "self", "name", "Zoé")))
            .as(l.tag() + " " + key + " for oneself is the question itself")
            .isEqualTo(m.text(asked));
        assertThat(m.text(key, Map.of("subject", "child", "name", "Zoé")))
            .as(l.tag() + " " + key + " about a child names the child")
            .contains("Zoé");
      }
    }
    assertThat(
            Messages.of(Language.FRENCH)
                .text("profile.allergies.ask.about", Map.of("subject", "other", "name", "Paul")))
        .isEqualTo("Est-ce que Paul a une allergie ?");
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
  void valuesAreWrittenByEachLanguageItsOwnWay() {
    Map<String, Object> values = Map.of("date", LocalDate.of(2026, 12, 4));
    assertThat(Messages.of(Language.FRENCH).text("receipt.undo.withdraw", values))
        .isEqualTo("Vous pouvez annuler ce refus jusqu’au 4 décembre 2026.");
    assertThat(Messages.of(Language.PORTUGUESE).text("receipt.undo.withdraw", values))
        .contains("4 de dezembro de 2026");
    assertThat(Messages.of(Language.ARABIC).text("receipt.undo.withdraw", values))
        .contains("4 ديسمبر 2026");
    Phrase nested = Phrase.of("sheet.bullet", Map.of("text", Phrase.of("scope.account-read")));
    assertThat(nested.in(Messages.of(Language.FRENCH)))
        .isEqualTo("•  " + Messages.of(Language.FRENCH).text("scope.account-read"));
    assertThat(Messages.of(Language.ENGLISH).text(nested))
        .isEqualTo("•  " + Messages.of(Language.ENGLISH).text("scope.account-read"));
    assertThat(
            Messages.of(Language.FRENCH)
                .text(
                    "journal.row",
                    Map.of(
                        "date",
                        LocalDate.of(2026, 11, 29),
                        "time",
                        java.time.LocalTime.of(6, 5, 42),
                        "action",
                        "x",
                        "outcome",
                        "y",
                        "actor",
                        "z")))
        .isEqualTo("29 novembre 2026 06:05 · x · y · z");
  }

  @Test
  void aTimeSaysItsZoneInTheReadersLanguage() {
    java.time.ZonedDateTime at =
        java.time.ZonedDateTime.of(2026, 12, 4, 14, 5, 0, 0, java.time.ZoneId.of("Europe/Paris"));
    assertThat(Messages.of(Language.FRENCH).time(at)).isEqualTo("14:05 (heure de Paris)");
    assertThat(Messages.of(Language.ENGLISH).time(at)).isEqualTo("14:05 (Paris time)");
    assertThat(Messages.of(Language.ARABIC).time(at)).isEqualTo("14:05 (بتوقيت باريس)");
    assertThat(
            Messages.of(Language.FRENCH)
                .time(at.withZoneSameInstant(java.time.ZoneId.of("America/Cayenne"))))
        .isEqualTo("10:05 (heure de Cayenne)");
    assertThat(Messages.of(Language.FRENCH).zone(java.time.ZoneOffset.ofHours(3)))
        .isEqualTo("heure UTC+03:00");
    assertThat(Messages.of(Language.FRENCH).zone(java.time.ZoneId.of("UTC")))
        .isEqualTo("heure UTC");
    assertThat(
            Messages.of(Language.FRENCH)
                .text("journal.zone", Map.of("zone", java.time.ZoneId.of("Indian/Reunion"))))
        .isEqualTo("Toutes les heures sont à l’heure de La Réunion.");
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
