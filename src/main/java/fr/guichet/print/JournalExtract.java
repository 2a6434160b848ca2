package fr.guichet.print;

import fr.guichet.contract.JournalEntry;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * An extract of the person's journal: every action taken in their name, by whom, when, and with
 * what outcome, in their language; and in a QR code the server's signed statement of the chain's
 * last entry (its number and hash), so that the person can prove later that these entries existed
 * ({@code guichet receipt verify}, {@code guichet journal verify --receipt}).
 *
 * <pre>{@code
 * byte[] pdf = JournalExtract.render("Jeanne M. (1950)", api.journal(session, delegation), messages, Paper.A4);
 * }</pre>
 */
public final class JournalExtract {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private JournalExtract() {}

  public static byte[] render(String person, List<JournalEntry> entries, Messages m, Paper paper) {
    try (Sheet sheet = new Sheet(paper, m, "journal.title")) {
      sheet.title("journal.title", Map.of());
      sheet.line("receipt.for", Map.of("person", person));
      sheet.line("journal.intro", Map.of());
      sheet.space(8);
      for (JournalEntry e : entries) {
        String action =
            m.has("journal.action." + e.action())
                ? m.text("journal.action." + e.action())
                : e.action();
        String outcome = m.text(e.done() ? "journal.outcome.ok" : "journal.outcome.refused");
        sheet.line(
            "journal.row",
            Map.of(
                "date",
                m.date(ReceiptLayout.day(e.at())),
                "time",
                TIME.format(e.at().atZone(ReceiptLayout.PARIS)),
                "action",
                action,
                "outcome",
                outcome,
                "actor",
                e.actorName()));
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
}
