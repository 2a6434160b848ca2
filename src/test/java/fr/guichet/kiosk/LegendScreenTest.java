package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LegendScreenTest {
  @Test
  void theLegendShowsEveryPictogramOnceStatesFirst() {
    List<List<Pictogram>> pages = LegendScreen.pages();
    assertThat(pages.stream().flatMap(List::stream)).containsExactlyInAnyOrder(Pictogram.values());
    assertThat(pages.get(0)).allMatch(Pictogram::isState);
    assertThat(pages)
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(LegendScreen.PER_PAGE));
  }

  @Test
  void everyPictogramMeansSomethingInEveryLanguage() {
    for (fr.guichet.i18n.Language l : fr.guichet.i18n.Language.values()) {
      for (Pictogram p : Pictogram.values()) {
        assertThat(fr.guichet.i18n.Messages.of(l).has(p.meaningKey()))
            .as(l.tag() + " " + p)
            .isTrue();
      }
    }
  }
}
