package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.SpaceState;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dates that matter on a space, one plain sentence each, as the server gave them, and only
 * those true for its state: the deadline to refuse and the days left before the creation; after a
 * refusal, until when it can be withdrawn (nothing once the period is over); for a closed space,
 * the end of the archive, or only the deletion's latest date once deletion was asked. The kiosk and
 * the command line say them the same way.
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
      Map<String, Object> date = Map.of("date", m.date(account.oppositionDeadline()));
      boolean opposed = account.spaceState() == SpaceState.OPPOSED;
      if (!opposed) {
        lines.add(m.text("account.deadline", date));
      } else if (account.daysLeftToOppose() != null) {
        lines.add(m.text("receipt.undo.withdraw", date)); // what the person can do now
      }
      if (account.daysLeftToOppose() != null) {
        lines.add(m.text("account.days-left", Map.of("days", account.daysLeftToOppose())));
      }
    }
    if (account.deletionDue() != null) { // asked for: deleted by then, whatever the archive
      lines.add(m.text("account.deletion-due", Map.of("date", m.date(account.deletionDue()))));
    } else if (account.archiveEnd() != null) {
      lines.add(m.text("account.archive-end", Map.of("date", m.date(account.archiveEnd()))));
    }
    return lines;
  }
}
