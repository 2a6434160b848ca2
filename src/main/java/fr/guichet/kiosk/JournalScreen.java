package fr.guichet.kiosk;

import fr.guichet.contract.Delegation;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.MediatorSession;
import fr.guichet.i18n.Messages;
import fr.guichet.print.JournalExtract;
import fr.guichet.print.PrintSettings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What was done in the person's name, read with them at the counter: every line of their journal,
 * newest first, one a row in the words and the time of the printed extract (when, in the counter's
 * zone named above the rows, what in plain words, done or refused, who), a page at a time; whether
 * each line is linked to the one before (checked here, on what the server sent); and the extract to
 * print and take home. Reading the journal needs its own consent, asked first ({@link
 * ConsentScreen}) the first time in the sitting, as for the documents.
 *
 * <pre>{@code
 * Step s = JournalScreen.open(kiosk);   // asks the consent first, else shows page 1
 * s = journal.onKey(Key.DOWN, kiosk);   // older lines; 1 prints the extract
 * }</pre>
 *
 * @param entries the journal as the server gave it, oldest first
 * @param page which page of lines, 0 being the newest
 */
record JournalScreen(List<JournalEntry> entries, int page, Say notice) implements Screen {
  /**
   * Lines per page: with the chain sentence and the tiles, they fit 80×24 with the mediator's words
   * and a notice.
   */
  static final int PER_PAGE = 7;

  static Step open(Kiosk kiosk) {
    return ConsentScreen.first(ConsentScreen.Purpose.JOURNAL, kiosk, d -> load(kiosk, d));
  }

  /** Asks the server for the journal, with this delegation. */
  static Step load(Kiosk kiosk, Delegation delegation) {
    MediatorSession me = kiosk.mediator();
    return Step.of(
        new AccountScreen(null),
        Effect.Call.read(
            (server, key) -> server.journal(me, delegation),
            entries -> new JournalScreen(List.copyOf(entries), 0, null),
            problem -> new AccountScreen(Say.problem(problem))));
  }

  int pages() {
    return Math.max(1, (entries.size() + PER_PAGE - 1) / PER_PAGE);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    String title = m.text("journal.screen.title");
    if (entries.isEmpty()) {
      lines.add(m.text("journal.screen.none"));
    } else {
      OptionalLong broken = JournalEntry.firstBreak(entries);
      lines.add(
          broken.isEmpty()
              ? Pictogram.YES.symbol() + " " + m.text("journal.screen.chain.ok")
              : Pictogram.NO.symbol()
                  + " "
                  + m.text("journal.screen.chain.broken", Map.of("seq", broken.getAsLong())));
      PrintSettings settings = kiosk.printSettings();
      lines.add(m.text("journal.zone", Map.of("zone", settings.zone())));
      for (JournalEntry e : shown()) {
        lines.add(line(e, m, settings));
      }
    }
    if (pages() > 1) {
      title = title + "  " + (page + 1) + "/" + pages();
    }
    tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("journal.screen.print")));
    if (page + 1 < pages()) {
      tiles.add(new View.Tile("2", Pictogram.NEXT.symbol(), m.text("journal.screen.older")));
    }
    if (page > 0) {
      tiles.add(new View.Tile("3", Pictogram.BACK.symbol(), m.text("journal.screen.newer")));
    }
    tiles.add(View.Tile.back(m));
    return kiosk.frame(m, title, true).lines(lines).tiles(tiles).say(notice, m).build();
  }

  /** The lines of this page, newest first. */
  List<JournalEntry> shown() {
    List<JournalEntry> newestFirst = new ArrayList<>(entries);
    Collections.reverse(newestFirst);
    int from = page * PER_PAGE;
    return newestFirst.subList(from, Math.min(newestFirst.size(), from + PER_PAGE));
  }

  /**
   * "✓ 29/11/2026 10:02 · état de l’espace regardé · fait · Camille Bernard": the words and the
   * time of the extract's line ({@link JournalExtract#row}), its date in figures, ✗ for a refusal.
   */
  static String line(JournalEntry e, Messages m, PrintSettings settings) {
    Map<String, Object> row = new HashMap<>(JournalExtract.row(e, settings));
    row.put("date", DAY.format((LocalDate) row.get("date"))); // short: a line holds on 80 columns
    return (e.done() ? Pictogram.YES : Pictogram.NO).symbol() + " " + m.text("journal.row", row);
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return AccountScreen.load(kiosk);
    }
    int d = key.digit();
    if (d == 1) {
      return Step.of(new JournalScreen(entries, page, null), extract(kiosk));
    }
    if ((d == 2 || key.kind() == Key.Kind.DOWN || key.kind() == Key.Kind.RIGHT)
        && page + 1 < pages()) {
      return new JournalScreen(entries, page + 1, null);
    }
    if ((d == 3 || key.kind() == Key.Kind.UP || key.kind() == Key.Kind.LEFT) && page > 0) {
      return new JournalScreen(entries, page - 1, null);
    }
    return this;
  }

  /**
   * The extract, every line oldest first, in the person's language: theirs to keep (F8 saves it if
   * the printer fails).
   */
  private Effect extract(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    byte[] pdf = JournalExtract.render(s.shortName(), entries, kiosk.printSettings());
    return new Effect.Print("journal-" + s.targetId() + "-" + entries.size() + ".pdf", pdf);
  }

  @Override
  public String helpTopic() {
    return "journal";
  }
}
