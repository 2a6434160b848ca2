package fr.guichet.kiosk;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Every language the kiosk speaks, each named in its own words ("العربية", "Português") on a
 * numbered tile, so that a person who reads no French can point at theirs. A digit picks at once;
 * the arrows move the cursor and Enter picks; Esc goes back. The screen below comes back as it was
 * (typed fields, notices), now in the chosen language.
 *
 * @param focus the tile under the cursor
 */
record LanguageScreen(Screen back, int focus) implements Screen {
  static LanguageScreen over(Screen back, Language current) {
    return new LanguageScreen(back, current.ordinal());
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<View.Tile> tiles = new ArrayList<>();
    boolean anyUnreviewed = false;
    for (Language l : Language.values()) {
      Messages own = Messages.of(l);
      String name = own.text("language.name") + (own.reviewed() ? "" : " °");
      anyUnreviewed |= !own.reviewed();
      tiles.add(
          new View.Tile(
              String.valueOf(l.ordinal() + 1),
              Pictogram.LANGUAGE.symbol(),
              name,
              l.ordinal() == focus));
    }
    List<String> lines = new ArrayList<>(List.of(m.text("languages.intro")));
    if (anyUnreviewed) {
      lines.add(m.text("languages.unreviewed"));
    }
    return kiosk.frame(m, m.text("languages.title"), true).lines(lines).tiles(tiles).build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    int count = Language.values().length;
    if (key.digit() >= 1 && key.digit() <= count) {
      return Step.of(back, new Effect.Choose(Language.values()[key.digit() - 1]));
    }
    return switch (key.kind()) {
      case ENTER -> Step.of(back, new Effect.Choose(Language.values()[focus]));
      case ESCAPE -> back;
      case DOWN, TAB, RIGHT -> new LanguageScreen(back, (focus + 1) % count);
      case UP, BACK_TAB, LEFT -> new LanguageScreen(back, (focus + count - 1) % count);
      default -> this;
    };
  }

  @Override
  public String helpTopic() {
    return "languages";
  }

  @Override
  public boolean holdsPersonData() {
    return back.holdsPersonData();
  }
}
