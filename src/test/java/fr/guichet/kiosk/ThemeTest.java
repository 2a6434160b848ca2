package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The contrast of every colour pair each theme really draws with (WCAG 2 relative luminance). */
class ThemeTest {
  @Test
  void theFormulaGivesTheKnownRatios() {
    assertThat(Theme.contrast(0x000000, 0xFFFFFF)).isCloseTo(21.0, within(0.001));
    assertThat(Theme.contrast(0x777777, 0xFFFFFF)).isCloseTo(4.48, within(0.01));
    assertThat(Theme.contrast(0xFFFFFF, 0xFFFFFF)).isCloseTo(1.0, within(0.001));
  }

  @Test
  void highContrastReachesSevenToOneEverywhere() {
    Map<Theme.Role, Double> ratios = ratios(Theme.HIGH_CONTRAST);
    System.out.println("high-contrast: " + ratios);
    assertThat(ratios)
        .hasSize(Theme.Role.values().length)
        .allSatisfy((role, ratio) -> assertThat(ratio).as(role.name()).isGreaterThanOrEqualTo(7.0));
  }

  @Test
  void theDefaultThemeReachesFourAndAHalfToOneEverywhere() {
    Map<Theme.Role, Double> ratios = ratios(Theme.DEFAULT);
    System.out.println("default: " + ratios);
    assertThat(ratios)
        .hasSize(Theme.Role.values().length)
        .allSatisfy((role, ratio) -> assertThat(ratio).as(role.name()).isGreaterThanOrEqualTo(4.5));
  }

  @Test
  void monochromeLeavesTheColoursToTheTerminal() {
    assertThat(Theme.MONOCHROME.coloured()).isFalse();
    for (Theme.Role role : Theme.Role.values()) {
      assertThat(Theme.MONOCHROME.colours(role)).isEmpty();
    }
  }

  @Test
  void themesAreNamedAndCycle() {
    assertThat(Theme.fromName("High-Contrast")).hasValue(Theme.HIGH_CONTRAST);
    assertThat(Theme.fromName("pink")).isEmpty();
    assertThat(Theme.MONOCHROME.next()).isEqualTo(Theme.DEFAULT);
    assertThat(Theme.names()).isEqualTo("default, high-contrast, monochrome");
  }

  private static Map<Theme.Role, Double> ratios(Theme theme) {
    Map<Theme.Role, Double> out = new TreeMap<>();
    for (Theme.Role role : Theme.Role.values()) {
      theme.colours(role).ifPresent(p -> out.put(role, Math.round(p.contrast() * 100) / 100.0));
    }
    return out;
  }
}
