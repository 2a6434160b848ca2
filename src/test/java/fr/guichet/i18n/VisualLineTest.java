package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.ArabicShaping;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisualLineTest {
  /** Back from what the terminal shows to what was written: reverse, then undo the shaping. */
  static String readBack(String visual) throws Exception {
    String logicalOrder = new StringBuilder(visual).reverse().toString();
    return new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK)
        .shape(logicalOrder);
  }

  @Test
  void arabicIsShapedIntoPresentationFormsOfTheBasicPlaneAndReversed() throws Exception {
    String title = "موافقتك";
    String visual = VisualLine.of(title, true);
    assertThat(visual.chars()).allMatch(c -> c >= 0xFB50 && c <= 0xFEFF);
    assertThat(visual).isNotEqualTo(title);
    assertThat(readBack(visual)).isEqualTo(title);
    // the first letter read (meem, initial form U+FEE3) is drawn last, at the right end
    assertThat(visual.charAt(visual.length() - 1)).isEqualTo('\uFEE3');
  }

  @Test
  void numbersAndLatinWordsKeepTheirOrderInsideArabic() {
    String visual = VisualLine.of("بقي 32 يوما.", true);
    assertThat(visual).contains("32").doesNotContain("23").startsWith(".");
    String forWhom = VisualLine.of("الشخص: Jeanne Martin (مواليد 1950)", true);
    assertThat(forWhom).contains("Jeanne Martin", "1950");
    assertThat(forWhom.indexOf("1950"))
        .as("the year, written last, is drawn left of the name")
        .isLessThan(forWhom.indexOf("Jeanne"));
    assertThat(VisualLine.of("تاريخ الميلاد: 14/03/1950", true)).startsWith("14/03/1950");
  }

  @Test
  void bracketsAreMirroredInsideRightToLeftText() {
    String visual = VisualLine.of("رقم (15 خانة)", true);
    assertThat(visual).startsWith("(").contains("15");
    assertThat(visual.indexOf('(')).isLessThan(visual.indexOf(')'));
  }

  @Test
  void leftToRightTextIsLeftAsItIs() {
    assertThat(VisualLine.of("Votre espace (ouvert) : 32 jours.", false))
        .isEqualTo("Votre espace (ouvert) : 32 jours.");
    assertThat(VisualLine.of("F1 Aide", true)).isEqualTo("F1 Aide");
    assertThat(VisualLine.hasRightToLeft("Português")).isFalse();
    assertThat(VisualLine.hasRightToLeft("العربية")).isTrue();
  }

  @Test
  void anArabicNameInAFrenchLineIsReorderedToo() throws Exception {
    String visual = VisualLine.of("4 العربية", false);
    assertThat(visual).startsWith("4 ");
    assertThat(readBack(visual.substring(2))).isEqualTo("العربية");
  }

  @Test
  void wrapsInLogicalOrderThenReordersEachLine() throws Exception {
    String sentence = "كل شيء يسجل في سجلك. يمكنك أن تقول توقف في أي وقت.";
    List<String> lines = VisualLine.wrap(sentence, 20, true);
    assertThat(lines)
        .hasSizeGreaterThan(1)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(20));
    assertThat(readBack(lines.get(0))).startsWith("كل شيء");
    assertThat(VisualLine.wrap("Votre espace va être créé.", 12, false))
        .containsExactly("Votre espace", "va être", "créé.");
  }

  @Test
  void lamAlefLigaturesTakeOneCell() {
    assertThat(VisualLine.width("لا")).isEqualTo(1);
    assertThat(VisualLine.of("لا", true)).hasSize(1);
  }

  @Test
  void clipsTheEndOfTheSentenceWhicheverSideItIsDrawn() {
    assertThat(VisualLine.clip("Aider une autre personne", 10)).isEqualTo("Aider une…");
    String clipped = VisualLine.clip("مساعدة شخص آخر", 8);
    assertThat(VisualLine.width(clipped)).isLessThanOrEqualTo(8);
    assertThat(clipped).startsWith("مساعدة").endsWith("…");
    assertThat(VisualLine.of(clipped, true)).startsWith("…");
  }

  @Test
  void pictogramsAreNeverMirroredOnlyBrackets() {
    String visual = VisualLine.of("⊘ لقد رفضت الفضاء (نعم)", true);
    assertThat(visual).contains("⊘").doesNotContain("⦸");
    assertThat(visual.indexOf('(')).isLessThan(visual.indexOf(')'));
  }

  @Test
  void keyRemindersStayApartOnARightToLeftScreen() {
    String bar = VisualLine.hints(List.of("F1 مساعدة", "F3 3422", "F4 الصور"), true);
    assertThat(bar).contains("F3 3422").doesNotContain("\u200F");
    assertThat(bar.indexOf("F4"))
        .as("F4 is read after F3, so drawn to its left")
        .isLessThan(bar.indexOf("F3"));
    assertThat(bar.indexOf("F3")).isLessThan(bar.indexOf("F1"));
    assertThat(VisualLine.hints(List.of("F1 Aide", "F2 Langue"), false))
        .isEqualTo(" F1 Aide  F2 Langue");
  }

  @Test
  void latinWordsAndNumbersKeepTheirSignsAndTheirOrderInsideArabic() {
    assertThat(VisualLine.of("فصيلة الدم: AB+", true)).startsWith("AB+ ").doesNotContain("+AB");
    assertThat(VisualLine.of("الرقم: 2 50 03 75 056", true)).startsWith("2 50 03 75 056 ");
    assertThat(VisualLine.of("الهاتف: +33 6 12 34", true)).startsWith("+33 6 12 34 ");
    String signed = VisualLine.of("قام به Camille Bernard (France Services).", true);
    assertThat(signed).startsWith(".Camille Bernard (France Services) ");
    assertThat(VisualLine.of("Groupe : AB+", false)).isEqualTo("Groupe : AB+");
    assertThat(VisualLine.isolateLeftToRight("رقم (15 خانة)"))
        .as("an unmatched bracket stays outside the isolate")
        .isEqualTo("رقم (\u206615\u2069 خانة)");
  }

  @Test
  void eachJoinedFormGivesBackTheLettersItStandsFor() {
    String visual = VisualLine.of("لا إيصال", true);
    StringBuilder letters = new StringBuilder();
    for (char c : visual.toCharArray()) {
      String l = VisualLine.letters(c);
      letters.append(l == null ? String.valueOf(c) : l);
    }
    assertThat(letters.toString()).isEqualTo("لاصيإ لا");
    assertThat(VisualLine.letters('A')).isNull();
    assertThat(VisualLine.letters('\uFEFB')).isEqualTo("لا");
  }

  @Test
  void listItemsKeepTheirIndentation() {
    assertThat(VisualLine.wrap("  • refuser la création de l’espace", 20, false))
        .containsExactly("  • refuser la", "  création de", "  l’espace");
  }
}
