package fr.guichet.kiosk;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen decides on a key, or on the server's answer: the next screen, and what the kiosk
 * must do for it ({@link Effect}: ask the server, print, end the sitting...). A screen is itself a
 * step that asks for nothing more, so that a screen's {@code onKey} returns {@code this}, another
 * screen, or {@code Step.of(next, effects)}.
 *
 * <pre>{@code
 * return Step.of(asked, Effect.Call.send(
 *     (server, key) -> server.identify(me, request, key), this::identified, this::refused));
 * }</pre>
 */
sealed interface Step permits Screen, Step.Acting {

  /** The screen to show now (while the effects run, if they take time). */
  Screen screen();

  /** What the kiosk does, in this order. */
  List<Effect> effects();

  static Step of(Screen next, Effect... effects) {
    return new Acting(next, List.of(effects));
  }

  /** {@code first}, then the effects of {@code then}, on {@code then}'s screen. */
  static Step doing(List<Effect> first, Step then) {
    List<Effect> all = new ArrayList<>(first);
    all.addAll(then.effects());
    return new Acting(then.screen(), all);
  }

  /** A screen and the effects that go with it. */
  record Acting(Screen screen, List<Effect> effects) implements Step {
    public Acting {
      effects = List.copyOf(effects);
    }
  }
}
