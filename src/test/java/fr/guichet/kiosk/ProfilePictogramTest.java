package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.SectionForm;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProfilePictogramTest {
  /**
   * Code points most terminals draw two cells wide (emoji presentation), which would shift the
   * screen.
   */
  static boolean wide(int c) {
    return (c >= 0x231A && c <= 0x231B)
        || (c >= 0x23E9 && c <= 0x23F3)
        || c == 0x267F
        || c == 0x26A1
        || c == 0x2705
        || (c >= 0x2614 && c <= 0x2615)
        || (c >= 0x2648 && c <= 0x2653)
        || c == 0x2693
        || (c >= 0x26AA && c <= 0x26AB)
        || (c >= 0x26BD && c <= 0x26BE)
        || (c >= 0x26C4 && c <= 0x26C5)
        || c == 0x26CE
        || c == 0x26D4
        || c == 0x26EA
        || (c >= 0x26F2 && c <= 0x26FD)
        || (c >= 0x270A && c <= 0x270B)
        || c == 0x2728
        || c == 0x274C
        || c == 0x274E
        || (c >= 0x2753 && c <= 0x2757)
        || (c >= 0x2795 && c <= 0x2797)
        || c == 0x27B0
        || c == 0x27BF
        || (c >= 0x2B1B && c <= 0x2B1C)
        || c == 0x2B50
        || c == 0x2B55
        || (c >= 0x1100 && c <= 0x115F)
        || c >= 0x2E80 && c <= 0xA4CF;
  }

  @Test
  void everySymbolIsOneCellOfTheBasicMultilingualPlane() {
    for (ProfilePictogram p : ProfilePictogram.values()) {
      String all = p.symbol() + String.join("", p.lines());
      assertThat(p.symbol().codePointCount(0, p.symbol().length())).as(p.name()).isEqualTo(1);
      assertThat(all.codePoints().allMatch(c -> c <= 0xFFFF && !wide(c))).as(p.name()).isTrue();
    }
  }

  @Test
  void everySectionHasADrawingOfFiveRowsAndNineColumnsAndTheyDiffer() {
    for (SectionForm f : FormCatalog.standard().forms()) {
      assertThat(ProfilePictogram.valueOf(f.pictogram()).lines())
          .as(f.section())
          .hasSize(5)
          .allSatisfy(l -> assertThat(l).hasSize(9));
    }
    assertThat(
            FormCatalog.standard().forms().stream()
                .map(f -> ProfilePictogram.valueOf(f.pictogram()).lines())
                .distinct())
        .hasSize(FormCatalog.SECTIONS.size());
    assertThat(Arrays.stream(ProfilePictogram.values()).filter(p -> !p.lines().isEmpty()))
        .hasSize(11);
  }

  @Test
  void anUnknownNameFallsBackOnTheBullet() {
    assertThat(ProfilePictogram.named("NOPE")).isEqualTo(ProfilePictogram.OPTION);
  }
}
