package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dates that matter on a space, one plain sentence each (deadline to refuse and days left, end
 * of the archive, deletion due), as the server gave them: the kiosk and the command line say them
 * the same way.
 *
 * <pre>{@code
 * AccountDates.lines(account, Messages.of(Language.FRENCH)); // ["Date limite pour refuser : 31 décembre 2026.", ...]
 * }</pre>
 */
public final class AccountDates {
  private AccountDates() {}

  public static List<String> lines(AccountStatus account, Messages m) {
    List<String> lines = new ArrayList<>();
    if (account.oppositionDeadline() != null) {
      lines.add(m.text("account.deadline", Map.of("date", m.date(account.oppositionDeadline()))));
      if (account.daysLeftToOppose() != null) {
        lines.add(m.text("account.days-left", Map.of("days", account.daysLeftToOppose())));
      }
    }
    if (account.archiveEnd() != null) {
      lines.add(m.text("account.archive-end", Map.of("date", m.date(account.archiveEnd()))));
    }
    if (account.deletionDue() != null) {
      lines.add(m.text("account.deletion-due", Map.of("date", m.date(account.deletionDue()))));
    }
    return lines;
  }
}
