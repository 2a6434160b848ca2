package fr.guichet.kiosk;

import fr.guichet.contract.Delegation;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.MediatorSession;
import fr.guichet.domain.Operation;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The person's documents, listed by category, one numbered tile each: choose one and it is printed
 * (or saved, with F8, if the printer fails). Looking at documents needs its own consent, asked
 * first ({@link ConsentScreen}) the first time in the sitting. Someone who may not take a copy (a
 * caregiver, a curator alone) sees the list only, and why. Before a closure, the person takes their
 * documents first (they are archived after it): the status sheet, each document, or all of them at
 * once, then back to the closure.
 *
 * <pre>{@code
 * Step s = DocumentsScreen.open(kiosk);                   // the consent first, else the list
 * Step t = DocumentsScreen.beforeClosing(kiosk, closing); // all, the sheet, each; Esc: closing
 * }</pre>
 *
 * @param documents the list the server gave
 * @param closing the closure the person takes their documents before, or null
 */
record DocumentsScreen(List<DocumentInfo> documents, Say notice, Screen closing) implements Screen {
  static final int MAX_TILES = 9;

  /** Before a closure: 1 prints everything, 2 the status sheet, the documents after. */
  private static final int FIRST_DOCUMENT_BEFORE_CLOSING = 3;

  static Step open(Kiosk kiosk) {
    return ConsentScreen.first(ConsentScreen.Purpose.DOCUMENTS, kiosk, d -> load(kiosk, d, null));
  }

  /** The documents to take before {@code closing}, the consent to look at them first if need be. */
  static Step beforeClosing(Kiosk kiosk, Screen closing) {
    return ConsentScreen.first(
        ConsentScreen.Purpose.DOCUMENTS, kiosk, closing, d -> load(kiosk, d, closing));
  }

  /** Asks the server for the list, with this delegation. */
  static Step load(Kiosk kiosk, Delegation delegation, Screen closing) {
    MediatorSession me = kiosk.mediator();
    Screen back = closing != null ? closing : new AccountScreen(null);
    return Step.of(
        back,
        Effect.Call.read(
            (server, key) -> server.documents(me, delegation),
            documents -> new DocumentsScreen(List.copyOf(documents), null, closing),
            problem ->
                closing != null
                    ? new DocumentsScreen(List.of(), Say.problem(problem), closing)
                    : new AccountScreen(Say.problem(problem))));
  }

  private boolean mayPrint(Kiosk kiosk) {
    return AccountScreen.reaches(kiosk.sitting().actingKind(), Operation.DOWNLOAD_DOCUMENT);
  }

  /** The key of the first document's tile. */
  private int first() {
    return closing != null ? FIRST_DOCUMENT_BEFORE_CLOSING : 1;
  }

  /** The documents that have a tile. */
  private List<DocumentInfo> tiled() {
    return documents.subList(0, Math.min(documents.size(), MAX_TILES - first() + 1));
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    boolean print = mayPrint(kiosk);
    if (closing != null) {
      lines.add(m.text("documents.before-closing"));
      tiles.add(
          new View.Tile(
              "1",
              Pictogram.PRINT.symbol(),
              m.text("documents.print-all", Map.of("count", documents.size()))));
      tiles.add(new View.Tile("2", Pictogram.PRINT.symbol(), m.text("account.print")));
    }
    if (documents.isEmpty()) {
      lines.add(m.text("documents.none"));
    } else if (!print) {
      lines.add(m.text("documents.no-copy"));
      documents.forEach(d -> lines.add("  " + Pictogram.CARD.symbol() + " " + label(d, m, null)));
    } else {
      if (closing == null) {
        lines.add(m.text("documents.choose"));
      }
      String category = null;
      List<DocumentInfo> tiled = tiled();
      for (int i = 0; i < tiled.size(); i++) {
        DocumentInfo d = tiled.get(i);
        tiles.add(
            new View.Tile(
                String.valueOf(first() + i), Pictogram.PRINT.symbol(), label(d, m, category)));
        category = d.category();
      }
    }
    if (closing != null) {
      tiles.add(
          new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("documents.close")));
    }
    return kiosk
        .frame(m, m.text("documents.title"), true)
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  /** "Ordonnances et soins — Ordonnance du Dr Lefèvre · 17 novembre 2026", the category once. */
  private static String label(DocumentInfo d, Messages m, String categoryBefore) {
    String label = d.title() + " · " + m.date(d.createdOn());
    return d.category().equals(categoryBefore) ? label : d.category() + " — " + label;
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return closing != null ? closing : AccountScreen.load(kiosk);
    }
    DocumentsScreen here = new DocumentsScreen(documents, null, closing);
    int d = key.digit();
    if (closing != null && d == 1) {
      return Step.of(here, all(kiosk, here));
    }
    if (closing != null && d == 2) {
      return Step.of(here, AccountScreen.statusSheet(kiosk, here, said -> withNotice(said)));
    }
    List<DocumentInfo> tiled = tiled();
    if (!mayPrint(kiosk) || d < first() || d - first() >= tiled.size()) {
      return this;
    }
    DocumentInfo chosen = tiled.get(d - first());
    MediatorSession me = kiosk.mediator();
    Delegation delegation = kiosk.sitting().delegation();
    return Step.of(
        here,
        Effect.Call.read(
            (server, requestKey) -> server.document(me, delegation, chosen.documentId()),
            pdf -> Step.of(here, new Effect.Print(chosen.documentId() + ".pdf", pdf)),
            problem -> withNotice(Say.problem(problem))));
  }

  /**
   * Everything to take before the closure, asked on the worker: the status sheet, then each
   * document; printed one after the other (F8 saves every one the printer refuses).
   */
  private Effect all(Kiosk kiosk, DocumentsScreen here) {
    MediatorSession me = kiosk.mediator();
    Delegation delegation = kiosk.sitting().delegation();
    Effect sheet = AccountScreen.statusSheet(kiosk, here, this::withNotice);
    List<DocumentInfo> wanted = mayPrint(kiosk) ? documents : List.of();
    return Effect.Call.read(
        (server, key) -> {
          List<Effect> prints = new ArrayList<>();
          for (DocumentInfo d : wanted) {
            prints.add(
                new Effect.Print(
                    d.documentId() + ".pdf", server.document(me, delegation, d.documentId())));
          }
          return prints;
        },
        prints -> Step.doing(prints, Step.of(here, sheet)),
        problem -> withNotice(Say.problem(problem)));
  }

  private DocumentsScreen withNotice(Say say) {
    return new DocumentsScreen(documents, say, closing);
  }

  @Override
  public String helpTopic() {
    return "documents";
  }
}
