package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mediator's words beside the person's: the title and the notice always come along, whatever
 * the shape of the two screens; lines and tiles only when they pair one for one.
 */
class ViewTest {
  static View screen(String title, List<String> lines, String notice) {
    return View.titled(title)
        .lines(lines)
        .tiles(List.of(new View.Tile("1", "✓", title + " ?")))
        .build()
        .withNotice(new View.Notice(View.Tone.ERROR, notice));
  }

  @Test
  void theMediatorsNoticeComesAlongEvenWhenTheScreensDoNotPairLineForLine() {
    View person = screen("Kont ou", List.of("Yon sèl liy."), "Lekti a pa enstale.");
    View mediator =
        screen("Votre espace", List.of("Une ligne,", "puis une autre."), "La lecture manque.");

    View.Aside aside = person.withAside(mediator).aside();

    assertThat(aside.title()).isEqualTo("Votre espace");
    assertThat(aside.notice()).isEqualTo("La lecture manque.");
    assertThat(aside.lines()).as("two lines cannot pair with one").isEmpty();
    assertThat(aside.tiles()).containsExactly("Votre espace ?");
  }

  @Test
  void screensOfTheSameShapePairEveryLine() {
    View person = screen("Kont ou", List.of("Yon sèl liy."), "Lekti a pa enstale.");
    View mediator = screen("Votre espace", List.of("Une ligne."), "La lecture manque.");

    assertThat(person.withAside(mediator).aside().lines()).containsExactly("Une ligne.");
  }
}
