package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;

/**
 * Help for the screen below it (or the 3422 support line); any of Esc or Enter goes back. In plain
 * mode it also says which line stands for which key.
 */
record HelpScreen(Screen back, String topic) implements Screen {
  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new java.util.ArrayList<>(List.of(m.text("help." + topic).split("\n")));
    if (!topic.equals("support")) {
      lines.add("");
      lines.add(m.text("help.keys"));
      if (kiosk.typedAsLines()) {
        lines.addAll(List.of(m.text("help.plain").split("\n")));
      }
    }
    return kiosk
        .frame(m, m.text("help.title." + (topic.equals("support") ? "support" : "screen")), false)
        .lines(lines)
        .tiles(List.of(View.Tile.back(m)))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    return key.kind() == Key.Kind.ESCAPE || key.kind() == Key.Kind.ENTER ? back : this;
  }

  @Override
  public String helpTopic() {
    return topic;
  }

  @Override
  public boolean holdsPersonData() {
    return back.holdsPersonData();
  }
}
