package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kiosk waits for the server: shown the moment a call starts, over the screen that made it (its
 * title and "for whom" line stay), with the hourglass and "sending…" or "loading…". Every key gets
 * an answer at once: Esc stops waiting and goes back; while a confirmed action waits for its next
 * try after a network failure, a countdown says when, and 1 tries now; any other key is told to
 * wait. The answer, when it comes, replaces this screen with the step it leads to.
 *
 * <pre>{@code
 * Screen waiting = new WaitScreen(login, null); // the kiosk puts it up; the answer takes it down
 * }</pre>
 *
 * @param from the screen the call was made from, back on Esc
 */
record WaitScreen(Screen from, Say notice) implements Screen {
  /** The keys of every screen that still work while the kiosk waits (no screen of their own). */
  private static final Set<String> WORKING = Set.of("F2", "F5", "F8", "F10", "F12");

  @Override
  public View view(Kiosk kiosk, Messages m) {
    View below = from.view(kiosk, m);
    Runner.Waiting waiting = kiosk.waiting();
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    if (waiting != null && waiting.retrying()) {
      lines.add(m.text("flow.retry"));
      lines.add(m.text("flow.still-trying"));
      lines.add(m.text("wait.retry-in", Map.of("seconds", kiosk.secondsToRetry())));
      lines.add(m.text("flow.retry-other"));
      tiles.add(new View.Tile("1", Pictogram.NEXT.symbol(), m.text("flow.retry-now")));
    } else {
      boolean reading = waiting != null && waiting.kind() == Effect.Call.Kind.READ;
      lines.add(m.text(reading ? "wait.loading" : "wait.sending"));
    }
    tiles.add(new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("wait.stop")));
    return View.titled(below.title())
        .forWhom(below.forWhom())
        .picture(Pictogram.TIME.lines())
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, false).stream().filter(h -> WORKING.contains(h.key())).toList())
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return Step.of(from, Effect.Command.STOP_WAITING);
    }
    Runner.Waiting waiting = kiosk.waiting();
    if (key.digit() == 1 && waiting != null && waiting.retrying()) {
      return Step.of(new WaitScreen(from, null), Effect.Command.RETRY_NOW);
    }
    return new WaitScreen(from, new Say(View.Tone.WAIT, "wait.busy", Map.of()));
  }

  @Override
  public String helpTopic() {
    return from.helpTopic();
  }

  @Override
  public boolean holdsPersonData() {
    return from.holdsPersonData();
  }
}
