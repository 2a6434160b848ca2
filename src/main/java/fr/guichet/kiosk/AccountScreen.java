package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionName;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.SpaceState;
import fr.guichet.domain.AccountAction;
import fr.guichet.i18n.Messages;
import fr.guichet.print.ActivationHelpSheet;
import fr.guichet.print.ConsentReceipt;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.StatusSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state of the person's space as the server says it today: its pictogram, one plain sentence,
 * the dates that matter, what can be done; and the status sheet to take home.
 */
record AccountScreen(Say notice) implements Screen {

  /** Asks the server for the account and shows it (or why it could not). */
  static Step load(Kiosk kiosk) {
    return load(kiosk, kiosk.sitting().delegation());
  }

  /** The same, with the delegation just opened (the sitting takes it with this step). */
  static Step load(Kiosk kiosk, Delegation delegation) {
    MediatorSession me = kiosk.mediator();
    return Step.of(
        new AccountScreen(null),
        Effect.Call.read(
            (server, key) -> server.account(me, delegation),
            account ->
                Step.of(
                    new AccountScreen(null), new Effect.ChangeSitting(s -> s.withAccount(account))),
            problem -> new AccountScreen(Say.problem(problem))));
  }

  /** The account read again, {@code notice} said on it (a refusal that may come of a change). */
  static Step load(Kiosk kiosk, Say notice) {
    MediatorSession me = kiosk.mediator();
    Delegation delegation = kiosk.sitting().delegation();
    AccountScreen said = new AccountScreen(notice);
    return Step.of(
        said,
        Effect.Call.read(
            (server, key) -> server.account(me, delegation),
            account -> Step.of(said, new Effect.ChangeSitting(s -> s.withAccount(account))),
            ignored -> said));
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    AccountStatus account = kiosk.sitting().account();
    List<View.Tile> tiles = new ArrayList<>();
    if (account == null) {
      tiles.add(new View.Tile("1", Pictogram.NEXT.symbol(), m.text("account.retry")));
      tiles.add(new View.Tile("2", Pictogram.END.symbol(), m.text("key.end-sitting")));
      return kiosk.frame(m, m.text("account.title"), false).tiles(tiles).say(notice, m).build();
    }
    SpaceState state = account.spaceState();
    List<Choice> choices = choices(account);
    for (int i = 0; i < choices.size(); i++) {
      tiles.add(
          new View.Tile(
              String.valueOf(i + 1), choices.get(i).pictogram(), choices.get(i).label().apply(m)));
    }
    List<String> lines = describe(account, m);
    if (account.actions().contains(ActionName.ACTIVATE)) {
      lines.add(m.text("account.phone")); // to open the space at home
    }
    return kiosk
        .frame(m, m.text("account.title"), false)
        .picture(Pictogram.of(state).lines())
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  /**
   * The state's name and plain sentence, one line per date that matters, whom else the person acts
   * for, and who else has access to the space (the tiles say what can be done).
   */
  static List<String> describe(AccountStatus account, Messages m) {
    List<String> lines = new ArrayList<>();
    lines.add(m.text("state." + account.spaceState() + ".name"));
    lines.add(m.text("state." + account.spaceState() + ".sentence"));
    lines.addAll(AccountDates.lines(account, m));
    if (!account.manages().isEmpty()) {
      lines.add(
          m.text(
              "account.manages",
              Map.of(
                  "names",
                  account.manages().stream()
                      .map(r -> r.firstName() + " " + r.lastName() + " (" + r.birthYear() + ")")
                      .collect(Collectors.joining(", ")))));
    }
    lines.add(
        account.access().isEmpty()
            ? m.text("account.access.none")
            : m.text(
                "account.access",
                Map.of(
                    "names",
                    account.access().stream()
                        .map(
                            r ->
                                m.text(
                                    "account.access." + r.actingKind(),
                                    Map.of("name", r.firstName() + " " + r.lastName())))
                        .collect(Collectors.joining(", ")))));
    ShareScreen.waiting(account)
        .forEach(
            invitation ->
                lines.add(
                    m.text(
                        "share.invitation.waiting",
                        Map.of(
                            "inviter",
                            invitation.inviterName(),
                            "child",
                            invitation.childName(),
                            "date",
                            invitation.expiresOn()))));
    return lines;
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    AccountStatus account = kiosk.sitting().account();
    int d = key.digit();
    if (account == null) {
      return d == 1 ? load(kiosk) : d == 2 ? end(kiosk) : this;
    }
    List<Choice> choices = choices(account);
    return d >= 1 && d <= choices.size() ? choices.get(d - 1).open().apply(kiosk) : this;
  }

  /** One numbered tile of the account screen, and what its key opens. */
  private record Choice(
      String pictogram, Function<Messages, String> label, Function<Kiosk, Step> open) {}

  /**
   * The tiles, numbered from 1 in this order: the status sheet, exactly the actions the server
   * allows now, what the person allowed, then what the state of the space offers, and the end.
   */
  private static List<Choice> choices(AccountStatus account) {
    SpaceState state = account.spaceState();
    List<Choice> out = new ArrayList<>();
    if (state != SpaceState.UNKNOWN) { // a sheet cannot say what this build does not know
      out.add(
          new Choice(
              Pictogram.PRINT.symbol(),
              m -> m.text("account.print"),
              k ->
                  Step.of(
                      new AccountScreen(null),
                      statusSheet(k, new AccountScreen(null), AccountScreen::new))));
    }
    for (ActionName name : account.actions()) {
      if (name == ActionName.UNKNOWN) {
        continue; // an action of a newer server: not offered here
      }
      AccountAction action = AccountAction.valueOf(name.name()); // the same names, UNKNOWN apart
      out.add(
          new Choice(
              Pictogram.of(action).symbol(),
              m -> capitalized(m.text("action." + action), m),
              k -> ActionScreen.start(action)));
    }
    out.add(
        new Choice(
            Pictogram.PRINT.symbol(),
            m -> m.text("account.print-consent"),
            k -> Step.of(new AccountScreen(null), consentReceipt(k))));
    if (isOpen(state)) {
      out.add(
          new Choice(
              Pictogram.PRINT.symbol(), m -> m.text("documents.title"), DocumentsScreen::open));
    }
    if (isOpen(state) && MedicalProfile.writable(account.actingKind())) {
      // the medical profile assistant, with its own consent
      out.add(
          new Choice(
              ProfilePictogram.DISEASE.symbol(),
              m -> m.text("profile.account.tile"),
              k -> ConsentScreen.asking(ConsentScreen.Purpose.PROFILE)));
    }
    if (CaregiversScreen.offered(account)) { // who can help: caregivers given or taken away
      out.add(
          new Choice(
              Pictogram.CAREGIVER.symbol(),
              m -> m.text("caregivers.tile"),
              k -> CaregiversScreen.open()));
    }
    out.add(
        new Choice(
            Pictogram.JOURNAL.symbol(), m -> m.text("journal.screen.title"), JournalScreen::open));
    if (state == SpaceState.ANNOUNCED || state == SpaceState.ACTIVE_NOT_ACTIVATED) {
      // not opened yet: how to open it at home, the card's number drawn
      out.add(
          new Choice(
              Pictogram.CARD.symbol(),
              m -> m.text("help-sheet.tile"),
              k -> Step.of(new AccountScreen(null), helpSheet(k))));
    }
    if (ShareScreen.offered(account)) { // a child's profile, shared with the other parent
      out.add(
          new Choice(
              Pictogram.REPRESENTATIVE.symbol(),
              m -> capitalized(m.text("action.SHARE_PROFILE"), m),
              k -> ShareScreen.invite()));
    }
    ShareScreen.waiting(account).stream()
        .findFirst() // one at a time: the next one after this one is answered
        .ifPresent(
            invitation ->
                out.add(
                    new Choice(
                        Pictogram.REPRESENTATIVE.symbol(),
                        m -> m.text("share.answer.tile", Map.of("child", invitation.childName())),
                        k -> ShareScreen.answer(invitation))));
    out.add(new Choice(Pictogram.END.symbol(), m -> m.text("key.end-sitting"), AccountScreen::end));
    return out;
  }

  /**
   * The activation help sheet, in the person's language on this counter's paper: it names nobody,
   * so that the person takes it home to open their space.
   */
  private static Effect helpSheet(Kiosk kiosk) {
    return new Effect.Print(
        "aide-ouvrir-mon-espace.pdf", ActivationHelpSheet.render(kiosk.printSettings()));
  }

  /** A space that exists and is open may hold documents, and a medical profile to fill in. */
  static boolean isOpen(SpaceState state) {
    return state == SpaceState.ACTIVE || state == SpaceState.ACTIVE_NOT_ACTIVATED;
  }

  /** "fermer votre espace" in a list, "Fermer votre espace" on a tile. */
  static String capitalized(String text, Messages m) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(m.language().locale()) + text.substring(1);
  }

  private static Step end(Kiosk kiosk) {
    return Step.of(new EndedScreen(), Effect.Command.END_SITTING);
  }

  /** The receipt of what the person allowed, to whom, until when: theirs to keep. */
  private static Effect consentReceipt(Kiosk kiosk) {
    Receipt consent = kiosk.sitting().delegation().receipt();
    byte[] pdf = ConsentReceipt.render(consent, kiosk.printSettings());
    return new Effect.Print("accord-" + consent.receiptId() + ".pdf", pdf);
  }

  /**
   * Asks the server for a signed statement of the space, then prints the status sheet (made on the
   * worker, off the UI thread) and shows {@code back}; a refusal is said by {@code refused}.
   */
  static Effect statusSheet(Kiosk kiosk, Screen back, Function<Say, Screen> refused) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    PrintSettings settings = kiosk.printSettings();
    return Effect.Call.send(
        (server, key) -> {
          Receipt statement = server.statusStatement(me, s.delegation(), key);
          byte[] pdf =
              StatusSheet.render(
                  new StatusSheet.Content(
                      s.displayName(),
                      s.birthYear(),
                      s.account(),
                      statement,
                      me.mediatorName(),
                      me.structureName()),
                  settings);
          return new Effect.Print("fiche-etat-" + statement.receiptId() + ".pdf", pdf);
        },
        print -> Step.of(back, print),
        problem -> refused.apply(Say.problem(problem)));
  }

  @Override
  public String helpTopic() {
    return "account";
  }
}
