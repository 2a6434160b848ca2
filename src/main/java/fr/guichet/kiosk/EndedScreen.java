package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;

/** The sitting is over: the delegation is revoked and nothing of the person remains. */
record EndedScreen() implements Screen {
  @Override
  public View view(Kiosk kiosk, Messages m) {
    return new View(m.text("ended.title"), null, Pictogram.ACTIVE.lines(),
        List.of(m.text("ended.revoked"), kiosk.keptFiles() == 0 ? m.text("ended.cleared")
            : m.text("ended.kept", java.util.Map.of("count", kiosk.keptFiles()))), List.of(), -1,
        List.of(new View.Tile(m.text("key.enter"), Pictogram.NEXT.symbol(), m.text("ended.next"))),
        null, kiosk.hints(m, false));
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    return key.kind() == Key.Kind.ENTER ? IdentifyScreen.fresh(null) : this;
  }

  @Override
  public String helpTopic() {
    return "ended";
  }
}
