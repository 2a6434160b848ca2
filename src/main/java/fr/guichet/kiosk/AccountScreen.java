package fr.guichet.kiosk;

import fr.guichet.api.AccountStatus;
import fr.guichet.api.ApiException;
import fr.guichet.api.IdempotencyKey;
import fr.guichet.api.Receipt;
import fr.guichet.domain.AccountState;
import fr.guichet.i18n.Messages;
import fr.guichet.print.Delivery;
import fr.guichet.print.PrintFailure;
import fr.guichet.print.StatusSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of the person's space as the server says it today: its pictogram, one plain
 * sentence, the dates that matter, what can be done; and the status sheet to take home.
 */
record AccountScreen(Say notice) implements Screen {

  /** Asks the server for the account and shows it (or why it could not). */
  static AccountScreen load(Kiosk kiosk) {
    try {
      kiosk.sitting(kiosk.sitting().withAccount(kiosk.api().account(kiosk.mediator(), kiosk.sitting().delegation())));
      return new AccountScreen(null);
    } catch (ApiException e) {
      return new AccountScreen(Say.problem(e.problem()));
    }
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    AccountStatus account = kiosk.sitting().account();
    List<View.Tile> tiles = new ArrayList<>();
    if (account == null) {
      tiles.add(new View.Tile("1", Pictogram.NEXT.symbol(), m.text("account.retry")));
      tiles.add(new View.Tile("2", Pictogram.END.symbol(), m.text("key.end-sitting")));
      return new View(m.text("account.title"), kiosk.forWhom(m), List.of(), List.of(), List.of(), -1, tiles,
          notice == null ? null : notice.in(m), kiosk.hints(m, false));
    }
    AccountState state = AccountState.valueOf(account.state());
    tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("account.print")));
    tiles.add(new View.Tile("2", Pictogram.END.symbol(), m.text("key.end-sitting")));
    if (ProfileConsentScreen.offered(state)) { // issue 7: the medical profile assistant
      tiles.add(new View.Tile("3", ProfilePictogram.DISEASE.symbol(), m.text("profile.account.tile")));
    }
    return new View(m.text("account.title"), kiosk.forWhom(m), Pictogram.of(state).lines(), describe(account, m),
        List.of(), -1, tiles, notice == null ? null : notice.in(m), kiosk.hints(m, false));
  }

  /** The plain sentence of the state, then one line per date that matters, then what can be done. */
  static List<String> describe(AccountStatus account, Messages m) {
    List<String> lines = new ArrayList<>();
    lines.add(m.text("state." + account.state() + ".name"));
    lines.add(m.text("state." + account.state() + ".sentence"));
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
    if (!account.possibleActions().isEmpty()) {
      lines.add(m.text("account.possible"));
      account.possibleActions().forEach(a -> lines.add("  • " + m.text("action." + a)));
    }
    return lines;
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    if (key.digit() == 2) {
      kiosk.endSitting();
      return new EndedScreen();
    }
    if (key.digit() == 3 && kiosk.sitting().account() != null
        && ProfileConsentScreen.offered(AccountState.valueOf(kiosk.sitting().account().state()))) {
      return ProfileConsentScreen.start(kiosk); // issue 7: the medical profile assistant, with its own consent
    }
    if (key.digit() != 1) {
      return this;
    }
    if (kiosk.sitting().account() == null) {
      return load(kiosk);
    }
    return printStatusSheet(kiosk);
  }

  private AccountScreen printStatusSheet(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    Receipt statement;
    try {
      statement = kiosk.api().statusStatement(kiosk.mediator(), s.delegation(), IdempotencyKey.random());
    } catch (ApiException e) {
      return new AccountScreen(Say.problem(e.problem()));
    }
    byte[] pdf = StatusSheet.render(new StatusSheet.Content(s.displayName(), s.person().birthYear(), s.account(),
        statement, kiosk.mediator().mediatorName(), kiosk.mediator().structureName()),
        Messages.of(kiosk.language()));
    try {
      Delivery delivery = kiosk.output().deliver("fiche-etat-" + statement.receiptId() + ".pdf", pdf);
      return new AccountScreen(Say.success("print.done." + delivery.kind().name().toLowerCase(java.util.Locale.ROOT),
          Map.of("where", delivery.where())));
    } catch (PrintFailure e) {
      return new AccountScreen(Say.error(e.messageKey()));
    }
  }

  @Override
  public String helpTopic() {
    return "account";
  }
}
