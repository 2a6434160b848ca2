package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One term per concept in each language. {@code i18n/glossary.tsv} gives, for each concept, the
 * term every bundle uses; {@code i18n/glossary-checks.tsv} gives, for a concept, the rival terms a
 * bundle of one language must not use (a second word for "caregiver", "journal" read as a
 * newspaper, a politically loaded word) and the keys that name the concept, where every language
 * must use its term (so that "suspended" is not said with the word for "closed").
 *
 * <p>Terms are found word by word in the text of each message (ICU syntax and argument names left
 * out): without regard to case (in the language's own rules: Turkish I) or accents, apostrophes and
 * hyphens splitting words. A rival word ending in {@code *} takes any ending (plural, article,
 * case: {@code îngrijitor*} finds {@code îngrijitorul}); a rival starting with {@code =} keeps its
 * case (the key {@code =Antre}, not the verb {@code antre}). A glossary term's words all take any
 * ending. In Arabic a word may also carry the article and the one-letter proclitics (و ف ب ك ل س),
 * so {@code المساعد} is found in {@code للمساعد} and in {@code مساعد}, but not in {@code مساعدة}.
 */
class GlossaryTest {
  static final String GLOSSARY = "i18n/glossary.tsv";
  static final String CHECKS = "i18n/glossary-checks.tsv";

  /** Concepts a reader must never take one for the other: their terms differ in every language. */
  static final List<List<String>> CONFUSABLE =
      List.of(
          List.of("suspended", "closed"),
          List.of("guardian", "curator"),
          List.of("caregiver", "mediator"),
          List.of("caregiver", "guardian"),
          List.of("creation", "opening"));

  /** A concept: its id and its term in each language. */
  record Concept(String id, Map<Language, String> terms) {}

  /** A line of the checks: rivals in one language, or (language null) the keys naming it. */
  record Check(String concept, Language language, List<String> values) {}

  @Test
  void theGlossaryHasAHeaderAndOneTermPerLanguageForEachConcept() throws IOException {
    List<String[]> rows = rows(GLOSSARY);
    List<String> header = new ArrayList<>(List.of("concept"));
    Arrays.stream(Language.values()).map(Language::tag).forEach(header::add);
    assertThat(rows.get(0)).containsExactlyElementsOf(header);
    Set<String> ids = new TreeSet<>();
    for (String[] row : rows.subList(1, rows.size())) {
      assertThat(row).as(row[0]).hasSize(header.size()).doesNotContain("");
      assertThat(ids.add(row[0])).as("concept " + row[0] + " once").isTrue();
    }
    assertThat(ids).contains("caregiver", "journal", "curator", "suspended", "closed");
  }

  @Test
  void everyCheckNamesAConceptALanguageOrKnownKeysAndNoRivalIsTheTermItself() throws IOException {
    Map<String, Concept> concepts = concepts();
    Set<String> keys = Messages.of(Language.FRENCH).keys();
    for (Check check : checks()) {
      assertThat(concepts).as("concept of the checks").containsKey(check.concept());
      assertThat(check.values()).as(check.concept()).isNotEmpty();
      if (check.language() == null) {
        assertThat(keys).as(check.concept() + " keys").containsAll(check.values());
        continue;
      }
      String term = concepts.get(check.concept()).terms().get(check.language());
      for (String rival : check.values()) {
        assertThat(Wording.contains(term, Wording.rival(rival), check.language()))
            .as(
                check.language().tag()
                    + " "
                    + check.concept()
                    + ": rival "
                    + rival
                    + " is the term")
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void noBundleUsesARivalOfAGlossaryTerm(Language language) throws IOException {
    assertThat(rivalsUsed(language, texts(language), concepts(), checks())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theKeysThatNameAConceptUseItsTerm(Language language) throws IOException {
    Map<String, String> texts = texts(language);
    List<String> missing = new ArrayList<>();
    for (Check check : checks()) {
      if (check.language() != null) {
        continue;
      }
      String term = concepts().get(check.concept()).terms().get(language);
      for (String key : check.values()) {
        if (!Wording.contains(texts.get(key), Wording.term(term), language)) {
          missing.add(key + " does not say \"" + term + "\": " + texts.get(key));
        }
      }
    }
    assertThat(missing).as(language.tag()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyGlossaryTermIsUsedInItsBundle(Language language) throws IOException {
    String all = String.join("\n", texts(language).values());
    List<String> unused = new ArrayList<>();
    for (Concept concept : concepts().values()) {
      String term = concept.terms().get(language);
      if (!Wording.contains(all, Wording.term(term), language)) {
        unused.add(concept.id() + ": " + term);
      }
    }
    assertThat(unused).as(language.tag()).isEmpty();
  }

  @Test
  void conceptsAReaderCouldConfuseHaveDifferentTermsInEveryLanguage() throws IOException {
    Map<String, Concept> concepts = concepts();
    for (List<String> pair : CONFUSABLE) {
      for (Language l : Language.values()) {
        String a = concepts.get(pair.get(0)).terms().get(l);
        String b = concepts.get(pair.get(1)).terms().get(l);
        assertThat(
                Wording.contains(a, Wording.term(b), l) || Wording.contains(b, Wording.term(a), l))
            .as(l.tag() + ": " + pair + " are \"" + a + "\" and \"" + b + "\"")
            .isFalse();
      }
    }
  }

  @Test
  void aSecondTermForAConceptIsReportedWithItsKeyAndTheGlossaryTerm() {
    Concept caregiver =
        new Concept(
            "caregiver", Map.of(Language.ROMANIAN, "îngrijitor", Language.ARABIC, "المرافق"));
    List<Check> checks =
        List.of(
            new Check("caregiver", Language.ROMANIAN, List.of("aparținător*")),
            new Check("caregiver", Language.ARABIC, List.of("المساعد")));
    Map<String, String> ro =
        Map.of(
            "a", "Un îngrijitor poate ajuta.",
            "b", "Un Aparținătorul care ajută nu poate lua o copie.");
    assertThat(rivalsUsed(Language.ROMANIAN, ro, Map.of("caregiver", caregiver), checks))
        .containsExactly(
            "b uses \"aparținător*\" for caregiver (glossary: îngrijitor): Un Aparținătorul care"
                + " ajută nu poate lua o copie.");
    Map<String, String> ar = Map.of("a", "لا يستطيع للمساعد ذلك.", "b", "طلب مساعدة.");
    assertThat(rivalsUsed(Language.ARABIC, ar, Map.of("caregiver", caregiver), checks))
        .hasSize(1)
        .allMatch(s -> s.startsWith("a uses"));
  }

  @Test
  void wordsAreFoundThroughInflectionsCaseAccentsAndTheArabicArticle() {
    assertThat(Wording.contains("Un îngrijitorul", Wording.rival("îngrijitor*"), Language.ROMANIAN))
        .isTrue();
    assertThat(Wording.contains("Un îngrijitorul", Wording.rival("îngrijitor"), Language.ROMANIAN))
        .as("no ending without *")
        .isFalse();
    assertThat(Wording.contains("VASİ veya KAYYUM", Wording.rival("kayyum"), Language.TURKISH))
        .isTrue();
    assertThat(Wording.contains("ISLAK", Wording.rival("ıslak"), Language.TURKISH))
        .as("Turkish capital I is dotless")
        .isTrue();
    assertThat(Wording.contains("Donnez-le à l’aidant.", Wording.rival("aidant"), Language.FRENCH))
        .isTrue();
    assertThat(Wording.contains("la personne aidante", Wording.rival("aidant"), Language.FRENCH))
        .isFalse();
    assertThat(Wording.contains("Votre Journal", Wording.rival("journal"), Language.FRENCH))
        .isTrue();
    assertThat(
            Wording.contains(
                "Persoana de încredere", Wording.term("persoană de încredere"), Language.ROMANIAN))
        .as("accents and endings of a term")
        .isTrue();
    assertThat(Wording.contains("للمساعد", Wording.rival("المساعد"), Language.ARABIC)).isTrue();
    assertThat(Wording.contains("ومساعد", Wording.rival("المساعد"), Language.ARABIC)).isTrue();
    assertThat(Wording.contains("مساعدة", Wording.rival("المساعد"), Language.ARABIC)).isFalse();
    assertThat(Wording.contains("مساعدة", Wording.rival("المساعد*"), Language.ARABIC)).isTrue();
    assertThat(Wording.contains("Antre: pita.", Wording.rival("=Antre"), Language.HAITIAN_CREOLE))
        .isTrue();
    assertThat(
            Wording.contains(
                "Dat ou antre lopital", Wording.rival("=Antre"), Language.HAITIAN_CREOLE))
        .isFalse();
    assertThat(Wording.contains("pi plis pase", Wording.rival("pi plis"), Language.HAITIAN_CREOLE))
        .isTrue();
    assertThat(Wording.contains("pi gwo plis", Wording.rival("pi plis"), Language.HAITIAN_CREOLE))
        .as("a phrase is its words one after the other")
        .isFalse();
  }

  @Test
  void onlyTheWordsOfAMessageAreReadNotItsSyntax() {
    String plural =
        "{count, plural, one {# document reste ici.} other {# documents restent ici.}} {name}";
    assertThat(Wording.text(plural)).doesNotContain("plural", "count", "one", "name");
    assertThat(Wording.text(plural)).contains("document reste ici", "documents restent ici");
    assertThat(Wording.text("{subject, select, self {Avez-vous mal ?} other {{name} a mal ?}}"))
        .contains("Avez-vous mal ?", "a mal ?")
        .doesNotContain("self", "select", "subject");
  }

  /** What each rival found in a bundle: the key, the rival, the concept and its glossary term. */
  static List<String> rivalsUsed(
      Language language,
      Map<String, String> texts,
      Map<String, Concept> concepts,
      List<Check> checks) {
    List<String> found = new ArrayList<>();
    for (Check check : checks) {
      if (check.language() != language) {
        continue;
      }
      String term = concepts.get(check.concept()).terms().get(language);
      for (String rival : check.values()) {
        Wording.Phrase phrase = Wording.rival(rival);
        new TreeMap<>(texts)
            .forEach(
                (key, text) -> {
                  if (Wording.contains(text, phrase, language)) {
                    found.add(
                        key
                            + " uses \""
                            + rival
                            + "\" for "
                            + check.concept()
                            + " (glossary: "
                            + term
                            + "): "
                            + text);
                  }
                });
      }
    }
    return found;
  }

  /** The words of every message of a bundle (its text, without ICU syntax), by key. */
  static Map<String, String> texts(Language language) {
    Messages m = Messages.of(language);
    Map<String, String> out = new TreeMap<>();
    for (String key : m.keys()) {
      if (!key.equals("bundle.review")) {
        out.put(key, Wording.text(m.pattern(key)));
      }
    }
    return out;
  }

  static Map<String, Concept> concepts() throws IOException {
    List<String[]> rows = rows(GLOSSARY);
    Map<String, Concept> out = new LinkedHashMap<>();
    for (String[] row : rows.subList(1, rows.size())) {
      Map<Language, String> terms = new LinkedHashMap<>();
      for (int i = 1; i < row.length; i++) {
        terms.put(Language.fromTag(rows.get(0)[i]).orElseThrow(), row[i]);
      }
      out.put(row[0], new Concept(row[0], terms));
    }
    return out;
  }

  static List<Check> checks() throws IOException {
    List<String[]> rows = rows(CHECKS);
    List<Check> out = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      assertThat(row).as(String.join(" ", row)).hasSize(3);
      Language language =
          row[1].equals("keys")
              ? null
              : Language.fromTag(row[1])
                  .filter(l -> l.tag().equals(row[1]))
                  .orElseThrow(() -> new AssertionError("no language " + row[1]));
      List<String> values =
          Arrays.stream(row[2].split(language == null ? "\\s+" : "\\s*\\|\\s*"))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
      out.add(new Check(row[0], language, values));
    }
    return out;
  }

  /** The lines of a TSV resource, blank lines and {@code #} comments left out. */
  static List<String[]> rows(String resource) throws IOException {
    try (InputStream in = GlossaryTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .collect(Collectors.toList());
    }
  }

  /**
   * Finding a term among the words of a sentence. A phrase is a list of words; each word matches a
   * word of the text equal to it, or starting with it when it takes any ending.
   */
  static final class Wording {
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    /** The article and the one-letter proclitics an Arabic word may carry, longest first. */
    private static final List<String> ARABIC_PREFIXES = arabicPrefixes();

    record Word(String text, boolean anyEnding) {}

    record Phrase(List<Word> words, boolean keepCase) {}

    private Wording() {}

    /** A rival as written in the checks: {@code word*} takes any ending, {@code =} keeps case. */
    static Phrase rival(String written) {
      boolean keepCase = written.startsWith("=");
      String body = keepCase ? written.substring(1) : written;
      List<Word> words = new ArrayList<>();
      for (String w : body.strip().split("\\s+")) {
        boolean any = w.endsWith("*");
        for (String part : split(any ? w.substring(0, w.length() - 1) : w)) {
          words.add(new Word(part, false));
        }
        if (any) {
          Word last = words.remove(words.size() - 1);
          words.add(new Word(last.text(), true));
        }
      }
      return new Phrase(words, keepCase);
    }

    /** A glossary term: each of its words takes any ending. */
    static Phrase term(String written) {
      return new Phrase(split(written).stream().map(w -> new Word(w, true)).toList(), false);
    }

    static boolean contains(String text, Phrase phrase, Language language) {
      List<String> words = words(text, language, phrase.keepCase());
      List<Word> wanted =
          phrase.words().stream()
              .map(w -> new Word(normal(w.text(), language, phrase.keepCase()), w.anyEnding()))
              .map(w -> language == Language.ARABIC ? new Word(bare(w.text()), w.anyEnding()) : w)
              .toList();
      for (int start = 0; start + wanted.size() <= words.size(); start++) {
        boolean all = true;
        for (int i = 0; i < wanted.size() && all; i++) {
          all = matches(words.get(start + i), wanted.get(i), language);
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    /** The literal text of an ICU message: every branch of plurals and selects, no syntax. */
    static String text(String pattern) {
      MessagePattern mp = new MessagePattern(pattern);
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < mp.countParts(); i++) {
        MessagePattern.Part previous = mp.getPart(i - 1);
        MessagePattern.Part.Type type = previous.getType();
        if (type == MessagePattern.Part.Type.MSG_START
            || type == MessagePattern.Part.Type.ARG_LIMIT
            || type == MessagePattern.Part.Type.SKIP_SYNTAX
            || type == MessagePattern.Part.Type.INSERT_CHAR
            || type == MessagePattern.Part.Type.REPLACE_NUMBER) {
          out.append(pattern, previous.getLimit(), mp.getPart(i).getIndex());
        }
        if (mp.getPart(i).getType() == MessagePattern.Part.Type.MSG_LIMIT
            || mp.getPart(i).getType() == MessagePattern.Part.Type.ARG_START) {
          out.append(' ');
        }
      }
      return out.toString();
    }

    private static boolean matches(String word, Word wanted, Language language) {
      if (language != Language.ARABIC) {
        return wanted.anyEnding() ? word.startsWith(wanted.text()) : word.equals(wanted.text());
      }
      for (String prefix : ARABIC_PREFIXES) {
        if (word.startsWith(prefix)) {
          String rest = word.substring(prefix.length());
          if (wanted.anyEnding() ? rest.startsWith(wanted.text()) : rest.equals(wanted.text())) {
            return true;
          }
        }
      }
      return false;
    }

    private static List<String> words(String text, Language language, boolean keepCase) {
      return split(normal(text, language, keepCase));
    }

    private static List<String> split(String text) {
      return Arrays.stream(NOT_A_WORD.split(text)).filter(w -> !w.isEmpty()).toList();
    }

    /** Lower case in the language's rules, then no accents (hamza seats fold into their letter). */
    private static String normal(String text, Language language, boolean keepCase) {
      String lower =
          keepCase ? text : text.toLowerCase(language == Language.TURKISH ? TURKISH : Locale.ROOT);
      String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
      String out = Normalizer.normalize(bare, Normalizer.Form.NFC);
      // Arabic: no tatweel, no lone hamza, and the forms a word's end takes before a suffix
      // (ta marbuta, alif maqsura), so that فضاء is found in فضاؤكم and موافقة in موافقتكم.
      return language != Language.ARABIC
          ? out
          : out.replace("\u0640", "")
              .replace("\u0621", "")
              .replace('\u0629', '\u062A')
              .replace('\u0649', '\u064A');
    }

    /** An Arabic term without its article: the text's words may carry it or not. */
    private static String bare(String word) {
      return word.startsWith("ال") && word.length() > 3 ? word.substring(2) : word;
    }

    private static List<String> arabicPrefixes() {
      Set<String> all = new TreeSet<>();
      for (String conjunction : List.of("", "و", "ف")) {
        for (String particle : List.of("", "ب", "ك", "ل", "س")) {
          for (String article : List.of("", "ال")) {
            all.add(conjunction + particle + article);
          }
        }
        all.add(conjunction + "لل");
      }
      return all.stream()
          .sorted((a, b) -> b.length() - a.length())
          .collect(Collectors.toUnmodifiableList());
    }
  }
}
