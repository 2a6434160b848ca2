package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every pictogram of the kiosk with what it means, in the person's language, a page at a time (the
 * states of the space, then the choices and their keys): a person who cannot read learns the
 * pictures once and recognises them on every screen. Enter shows the next page, Esc goes back.
 *
 * <pre>{@code
 * LegendScreen.pages(); // [[ANNOUNCED, OPPOSED, ...], [YES, NO, ...], [...]]
 * }</pre>
 */
record LegendScreen(Screen back, int page) implements Screen {
  /** Pictograms per page: 7 lines fit an 80×24 screen with the mediator's words beside. */
  static final int PER_PAGE = 7;

  /** The catalogue cut into pages, states first. */
  static List<List<Pictogram>> pages() {
    List<Pictogram> states = Arrays.stream(Pictogram.values()).filter(Pictogram::isState).toList();
    List<Pictogram> choices = Arrays.stream(Pictogram.values()).filter(p -> !p.isState()).toList();
    List<List<Pictogram>> pages = new ArrayList<>();
    for (List<Pictogram> group : List.of(states, choices)) {
      for (int i = 0; i < group.size(); i += PER_PAGE) {
        pages.add(group.subList(i, Math.min(group.size(), i + PER_PAGE)));
      }
    }
    return pages;
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<Pictogram> shown = pages().get(page);
    List<String> lines = new ArrayList<>();
    lines.add(m.text(shown.get(0).isState() ? "legend.states" : "legend.choices"));
    for (Pictogram p : shown) {
      lines.add(
          "  "
              + p.symbol()
              + " "
              + m.text(p.meaningKey())
              + (p.key() == null ? "" : " (" + p.key() + ")"));
    }
    return kiosk
        .frame(m, m.text("legend.title") + "  " + (page + 1) + "/" + pages().size(), false)
        .lines(lines)
        .tiles(
            List.of(
                new View.Tile(m.text("key.enter"), Pictogram.NEXT.symbol(), m.text("legend.more")),
                View.Tile.back(m)))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    return switch (key.kind()) {
      case ENTER, DOWN, RIGHT, TAB -> new LegendScreen(back, (page + 1) % pages().size());
      case UP, LEFT, BACK_TAB ->
          new LegendScreen(back, (page + pages().size() - 1) % pages().size());
      case ESCAPE -> back;
      default -> this;
    };
  }

  @Override
  public String helpTopic() {
    return "legend";
  }

  @Override
  public boolean holdsPersonData() {
    return back.holdsPersonData();
  }
}
