package fr.guichet.kiosk;

import fr.guichet.contract.Represented;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identified person acts for someone else too (a child, a protected adult, a person they care
 * for): whose space is this sitting about? One numbered tile per person, the person themself first.
 * The choice stays on top of every screen after ("for whom"). Chosen again from the account screen
 * ({@code switching}), another person is a new consent in the same sitting, and Esc goes back to
 * the space as it was.
 *
 * <pre>{@code
 * Screen first = ForWhomScreen.FIRST;        // after the identification
 * Screen other = ForWhomScreen.another();    // from the account screen
 * }</pre>
 *
 * @param switching chosen again from the account screen, rather than after the identification
 */
record ForWhomScreen(boolean switching, Say notice) implements Screen {
  static final ForWhomScreen FIRST = new ForWhomScreen(false, null);

  static ForWhomScreen another() {
    return new ForWhomScreen(true, null);
  }

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
    View.Builder frame =
        switching
            ? kiosk.frame(m, m.text("for-whom.title"), true)
            : View.titled(m.text("for-whom.title")).hints(kiosk.hints(m, true));
    return frame.lines(List.of(m.text("for-whom.intro"))).tiles(tiles).say(notice, m).build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return switching
          ? new AccountScreen(null)
          : Step.of(IdentifyScreen.fresh(null), Effect.Command.END_SITTING);
    }
    int d = key.digit();
    List<Represented> others = kiosk.sitting().person().represents();
    if (d < 1 || d - 2 >= others.size()) {
      return this;
    }
    Represented chosen = d == 1 ? null : others.get(d - 2);
    ConsentScreen consent = ConsentScreen.asking(ConsentScreen.Purpose.ACCOUNT);
    if (!switching) {
      return chosen == null
          ? consent
          : Step.of(consent, new Effect.ChangeSitting(s -> s.forTarget(chosen)));
    }
    return kiosk.sitting().about(chosen)
        ? new AccountScreen(null) // the space already open
        : Step.of(consent, new Effect.ChangeSitting(s -> s.switchingTo(chosen)));
  }

  @Override
  public String helpTopic() {
    return "for-whom";
  }
}
