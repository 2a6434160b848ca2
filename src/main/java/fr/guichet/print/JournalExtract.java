package fr.guichet.print;

import fr.guichet.contract.JournalEntry;
import fr.guichet.i18n.Messages;
import fr.guichet.i18n.Phrase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * An extract of the person's journal: every action taken in their name, by whom, when, and with
 * what outcome, in their language; and in a QR code the server's signed statement of the chain's
 * last entry (its number and hash), so that the person can prove later that these entries existed
 * ({@code guichet receipt verify}, {@code guichet journal verify --receipt}). The times are the
 * counter's zone, named once above the lines.
 *
 * <pre>{@code
 * byte[] pdf = JournalExtract.render("Jeanne M. (1950)", api.journal(session, delegation), settings);
 * }</pre>
 */
public final class JournalExtract {
  private JournalExtract() {}

  public static byte[] render(String person, List<JournalEntry> entries, PrintSettings settings) {
    try (Sheet sheet = new Sheet(settings, "journal.title")) {
      sheet.title("journal.title");
      sheet.line("receipt.for", Map.of("person", person));
      sheet.line("journal.intro", Map.of());
      sheet.line("journal.zone", Map.of("zone", settings.zone()));
      sheet.space(8);
      for (JournalEntry e : entries) {
        sheet.line("journal.row", row(e, settings));
      }
      if (!entries.isEmpty()) {
        JournalEntry lastEntry = entries.get(entries.size() - 1);
        String last = lastEntry.hash();
        sheet.space(10);
        // The server's signed statement of the chain's head, when it gives one: a receipt that
        // guichet receipt verify accepts, and journal verify --receipt compares with the journal.
        sheet.qr(
            lastEntry.signedHead() != null ? lastEntry.signedHead() : last,
            "journal.qr",
            Map.of("count", entries.size()));
        sheet.small("journal.hash", Map.of("hash", last.substring(0, 16)));
      }
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the journal extract", e);
    }
  }

  /**
   * The values of a line of the journal, written by each language its own way: "29 novembre 2026
   * 10:00 · accord donné · fait · Camille Bernard". The time is in the zone named above the lines.
   */
  public static Map<String, Object> row(JournalEntry e, PrintSettings settings) {
    ZonedDateTime at = e.at().atZone(settings.zone());
    String action = "journal.action." + e.action();
    return Map.of(
        "date",
        at.toLocalDate(),
        "time",
        at.toLocalTime(),
        "action",
        Messages.of(settings.person()).has(action) ? Phrase.of(action) : e.action(),
        "outcome",
        Phrase.of(e.done() ? "journal.outcome.ok" : "journal.outcome.refused"),
        "actor",
        e.actorName());
  }
}
