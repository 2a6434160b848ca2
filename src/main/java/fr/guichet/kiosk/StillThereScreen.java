package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;
import java.util.Map;

/**
 * Nobody has touched the keyboard for a while: a countdown says when the sitting will end on its
 * own, and any key brings back the screen below, as it was, as many times as needed (WCAG 2.2.1).
 * The {@link Kiosk} puts it up from {@link Kiosk#tick()} and takes it down on the next key.
 */
record StillThereScreen(Screen back) implements Screen {
  @Override
  public View view(Kiosk kiosk, Messages m) {
    return kiosk
        .frame(m, m.text("idle.title"), false)
        .picture(Pictogram.TIME.lines())
        .lines(
            List.of(
                m.text("idle.countdown", Map.of("seconds", kiosk.secondsLeft())),
                m.text("idle.why")))
        .tiles(
            List.of(
                new View.Tile(m.text("key.any"), Pictogram.NEXT.symbol(), m.text("idle.extend"))))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    return back;
  }

  @Override
  public String helpTopic() {
    return "idle";
  }

  @Override
  public boolean holdsPersonData() {
    return back.holdsPersonData();
  }
}
