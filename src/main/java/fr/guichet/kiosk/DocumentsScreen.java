package fr.guichet.kiosk;

import fr.guichet.contract.DocumentInfo;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The person's documents, listed by category, one numbered tile each: choose one and it is printed
 * (or saved, with F8, if the printer fails). Looking at documents needs its own consent, asked here
 * the first time.
 *
 * @param documents the list once the server gave it, else null (consent first)
 */
record DocumentsScreen(List<DocumentInfo> documents, Say notice) implements Screen {
  static final String TEXT_VERSION = "consent-documents-v1";
  static final int MAX_TILES = 9;

  static Screen open(Kiosk kiosk) {
    return kiosk.sitting().hasScope(Scope.DOCUMENTS_READ.wire())
        ? load(kiosk, null)
        : new DocumentsScreen(null, null);
  }

  private static Screen load(Kiosk kiosk, Say say) {
    try {
      return new DocumentsScreen(
          kiosk.server().documents(kiosk.mediator(), kiosk.sitting().delegation()), say);
    } catch (ServerProblem e) {
      return new AccountScreen(Say.problem(e.problem()));
    }
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    if (documents == null) {
      lines.add(
          m.text(
              "consent.who",
              Map.of(
                  "mediator",
                  kiosk.mediator().mediatorName(),
                  "structure",
                  kiosk.mediator().structureName())));
      lines.add("  " + Pictogram.SEE.symbol() + " " + m.text("scope.documents-read"));
      lines.add(m.text("consent.duration", Map.of("minutes", ConsentScreen.MINUTES)));
      lines.add("");
      lines.add(m.text("documents.question", Map.of("name", kiosk.sitting().person().firstName())));
      tiles.add(
          new View.Tile(
              m.text("key.enter"), Pictogram.YES.symbol(), m.text("flow.attest-and-send")));
      tiles.add(new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("key.back")));
    } else if (documents.isEmpty()) {
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
  public Screen onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return AccountScreen.load(kiosk);
    }
    if (documents == null) {
      if (key.kind() != Key.Kind.ENTER) {
        return this;
      }
      Say refused = kiosk.widenConsent(Scope.DOCUMENTS_READ.wire(), TEXT_VERSION);
      return refused == null ? load(kiosk, null) : new DocumentsScreen(null, refused);
    }
    int d = key.digit();
    if (d < 1 || d > Math.min(documents.size(), MAX_TILES)) {
      return this;
    }
    DocumentInfo chosen = documents.get(d - 1);
    try {
      byte[] pdf =
          kiosk
              .server()
              .document(kiosk.mediator(), kiosk.sitting().delegation(), chosen.documentId());
      return new DocumentsScreen(documents, kiosk.print(chosen.documentId() + ".pdf", pdf));
    } catch (ServerProblem e) {
      return new DocumentsScreen(documents, Say.problem(e.problem()));
    }
  }

  @Override
  public String helpTopic() {
    return "documents";
  }
}
