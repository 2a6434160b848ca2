package fr.guichet.kiosk;

import fr.guichet.contract.Represented;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identified person acts for someone else too (a child, a protected adult, a person they care
 * for): whose space is this sitting about? One numbered tile per person, the person themself first.
 * The choice stays on top of every screen after ("for whom").
 */
record ForWhomScreen(Say notice) implements Screen {
  static final ForWhomScreen FIRST = new ForWhomScreen(null);

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Sitting s = kiosk.sitting();
    List<View.Tile> tiles = new ArrayList<>();
    tiles.add(
        new View.Tile(
            "1",
            Pictogram.NEXT.symbol(),
            m.text(
                "for-whom.self",
                Map.of("name", s.person().firstName() + " " + s.person().lastName()))));
    List<Represented> others = s.person().represents();
    for (int i = 0; i < others.size() && i < 8; i++) {
      Represented r = others.get(i);
      tiles.add(
          new View.Tile(
              String.valueOf(i + 2),
              Pictogram.NEXT.symbol(),
              m.text(
                  "for-whom." + r.actingKind(),
                  Map.of(
                      "name",
                      r.firstName() + " " + r.lastName(),
                      "year",
                      String.valueOf(r.birthYear())))));
    }
    return View.titled(m.text("for-whom.title"))
        .lines(List.of(m.text("for-whom.intro")))
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, true))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return Step.of(IdentifyScreen.fresh(null), Effect.Command.END_SITTING);
    }
    int d = key.digit();
    List<Represented> others = kiosk.sitting().person().represents();
    if (d == 1) {
      return ConsentScreen.asking(ConsentScreen.Purpose.ACCOUNT);
    }
    if (d >= 2 && d - 2 < others.size()) {
      Represented chosen = others.get(d - 2);
      return Step.of(
          ConsentScreen.asking(ConsentScreen.Purpose.ACCOUNT),
          new Effect.ChangeSitting(s -> s.forTarget(chosen)));
    }
    return this;
  }

  @Override
  public String helpTopic() {
    return "for-whom";
  }
}
