package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;

/**
 * The sitting is over: the delegation is revoked and nothing of the person remains.
 *
 * @param idle it ended on its own, nobody having touched the keyboard
 */
record EndedScreen(boolean idle) implements Screen {
  EndedScreen() {
    this(false);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new java.util.ArrayList<>();
    if (idle) {
      lines.add(m.text("ended.idle"));
    }
    lines.add(m.text("ended.revoked"));
    lines.add(
        kiosk.keptFiles() == 0
            ? m.text("ended.cleared")
            : m.text("ended.kept", java.util.Map.of("count", kiosk.keptFiles())));
    return View.titled(m.text("ended.title"))
        .picture(Pictogram.ACTIVE.lines())
        .lines(lines)
        .tiles(
            List.of(
                new View.Tile(m.text("key.enter"), Pictogram.NEXT.symbol(), m.text("ended.next"))))
        .hints(kiosk.hints(m, false))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    return key.kind() == Key.Kind.ENTER ? IdentifyScreen.fresh(null) : this;
  }

  @Override
  public String helpTopic() {
    return "ended";
  }
}
