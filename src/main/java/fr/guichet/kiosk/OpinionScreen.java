package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;
import java.util.Map;

/**
 * The tutor's question (tutelle, L.1111-14): before a consent that lets a tutor change something in
 * the protected person's name (an objection, a closure, the profile, who has access), "did you ask
 * their opinion?". Yes goes on to what was asked, and the consent then records that the opinion was
 * asked; no says that it must be asked first, and nothing is sent. Asked only when it applies, so
 * that a flow just puts it on its way:
 *
 * <pre>{@code
 * Screen next = OpinionScreen.first(kiosk, consent, readBack, this); // readBack, or the question
 * }</pre>
 *
 * @param yes where a yes goes: the step the question came before
 * @param back where Esc goes, nothing sent
 */
record OpinionScreen(Screen yes, Screen back, Say notice) implements Screen {

  /** The question if {@code consent} needs it in this sitting, else {@code next} at once. */
  static Screen first(Kiosk kiosk, Consent consent, Screen next, Screen back) {
    return consent.needsOpinion(kiosk.sitting()) ? new OpinionScreen(next, back, null) : next;
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Map<String, String> name = Map.of("name", kiosk.sitting().target().firstName());
    return kiosk
        .frame(m, m.text("opinion.title"), true)
        .lines(List.of(m.text("opinion.why"), m.text("opinion.question", name)))
        .tiles(
            List.of(
                new View.Tile("1", Pictogram.YES.symbol(), m.text("opinion.yes")),
                new View.Tile("2", Pictogram.NO.symbol(), m.text("opinion.no")),
                View.Tile.back(m)))
        .say(notice, m)
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return back;
    }
    return switch (key.digit()) {
      case 1 -> yes;
      case 2 -> new OpinionScreen(yes, back, Say.info("problem.opinion-required"));
      default -> this;
    };
  }

  @Override
  public String helpTopic() {
    return "opinion";
  }
}
