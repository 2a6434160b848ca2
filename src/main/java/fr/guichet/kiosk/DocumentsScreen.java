package fr.guichet.kiosk;

import fr.guichet.contract.Delegation;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.MediatorSession;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The person's documents, listed by category, one numbered tile each: choose one and it is printed
 * (or saved, with F8, if the printer fails). Looking at documents needs its own consent, asked
 * first ({@link ConsentScreen}) the first time in the sitting.
 *
 * <pre>{@code
 * Step s = DocumentsScreen.open(kiosk); // the consent first, else the list
 * }</pre>
 *
 * @param documents the list the server gave
 */
record DocumentsScreen(List<DocumentInfo> documents, Say notice) implements Screen {
  static final int MAX_TILES = 9;

  static Step open(Kiosk kiosk) {
    return ConsentScreen.first(ConsentScreen.Purpose.DOCUMENTS, kiosk, d -> load(kiosk, d));
  }

  /** Asks the server for the list, with this delegation. */
  static Step load(Kiosk kiosk, Delegation delegation) {
    MediatorSession me = kiosk.mediator();
    return Step.of(
        new AccountScreen(null),
        Effect.Call.read(
            (server, key) -> server.documents(me, delegation),
            documents -> new DocumentsScreen(List.copyOf(documents), null),
            problem -> new AccountScreen(Say.problem(problem))));
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    if (documents.isEmpty()) {
      lines.add(m.text("documents.none"));
    } else {
      lines.add(m.text("documents.choose"));
      String category = null;
      for (int i = 0; i < documents.size() && i < MAX_TILES; i++) {
        DocumentInfo d = documents.get(i);
        String label = d.title() + " · " + m.date(d.createdOn());
        if (!d.category().equals(category)) {
          category = d.category();
          label = d.category() + " — " + label;
        }
        tiles.add(new View.Tile(String.valueOf(i + 1), Pictogram.PRINT.symbol(), label));
      }
    }
    return kiosk
        .frame(m, m.text("documents.title"), true)
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return AccountScreen.load(kiosk);
    }
    int d = key.digit();
    if (d < 1 || d > Math.min(documents.size(), MAX_TILES)) {
      return this;
    }
    DocumentInfo chosen = documents.get(d - 1);
    MediatorSession me = kiosk.mediator();
    Delegation delegation = kiosk.sitting().delegation();
    DocumentsScreen here = new DocumentsScreen(documents, null);
    return Step.of(
        here,
        Effect.Call.read(
            (server, requestKey) -> server.document(me, delegation, chosen.documentId()),
            pdf -> Step.of(here, new Effect.Print(chosen.documentId() + ".pdf", pdf)),
            problem -> new DocumentsScreen(documents, Say.problem(problem))));
  }

  @Override
  public String helpTopic() {
    return "documents";
  }
}
