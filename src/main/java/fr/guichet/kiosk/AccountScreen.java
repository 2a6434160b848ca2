package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActingKind;
import fr.guichet.contract.ActionName;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.SpaceState;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Operation;
import fr.guichet.domain.RuleTable;
import fr.guichet.i18n.Messages;
import fr.guichet.print.ActivationHelpSheet;
import fr.guichet.print.ConsentReceipt;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.StatusSheet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state of the person's space as the server says it today: its pictogram, one plain sentence,
 * the dates that matter, what can be done; and the status sheet to take home.
 *
 * <p>Every choice has its own key, the same in every state and for everyone: a choice not offered
 * now leaves its key unused, the others never move. Digits are what is done here, on the space:
 * {@code 1} prints the status sheet, {@code 2} to {@code 8} are the actions on the space in the
 * order of its life (refuse the creation, withdraw the refusal, ask for the creation, open, close,
 * ask for deletion, reopen), {@code 9} prints what the person allowed, {@code 0} ends the sitting.
 * Letters open a screen of their own: {@code D} the documents, {@code P} the medical profile,
 * {@code H} the history (journal), {@code A} who can help, {@code C} another person the identified
 * person represents, {@code S} sharing a child's profile with the other parent, {@code R} the
 * answer to such an invitation; {@code O} prints the help to open the space at home, while it is
 * not opened. A new choice takes a letter never given before.
 *
 * <pre>{@code
 * Step s = AccountScreen.load(kiosk); // reads the space, then shows it
 * s = account.onKey(Key.of('h'), kiosk); // the history, whatever else is offered
 * }</pre>
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
      tiles.add(new View.Tile(END, Pictogram.END.symbol(), m.text("key.end-sitting")));
      return kiosk.frame(m, m.text("account.title"), false).tiles(tiles).say(notice, m).build();
    }
    SpaceState state = account.spaceState();
    for (Choice c : choices(account, kiosk.sitting())) {
      tiles.add(new View.Tile(c.key(), c.pictogram(), c.label().apply(m)));
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
    if (key.kind() != Key.Kind.CHARACTER) {
      return this;
    }
    String typed = String.valueOf(Character.toUpperCase(key.character()));
    if (account == null) {
      return typed.equals("1") ? load(kiosk) : typed.equals(END) ? end(kiosk) : this;
    }
    return choices(account, kiosk.sitting()).stream()
        .filter(c -> c.key().equals(typed))
        .findFirst()
        .map(c -> c.open().apply(kiosk))
        .orElse(this);
  }

  /** The key of the end of the sitting, on every state of this screen. */
  static final String END = "0";

  /** One tile of the account screen: its key, and what the key opens. */
  private record Choice(
      String key, String pictogram, Function<Messages, String> label, Function<Kiosk, Step> open) {}

  /**
   * The choices offered now, each on its own key (see the class comment): the status sheet, exactly
   * the actions the server allows now, what the person allowed, then what the state of the space
   * and the way the person at the counter acts allow, another person, and the end.
   */
  private static List<Choice> choices(AccountStatus account, Sitting sitting) {
    SpaceState state = account.spaceState();
    ActingKind kind = account.actingKind();
    List<Choice> out = new ArrayList<>();
    if (state != SpaceState.UNKNOWN) { // a sheet cannot say what this build does not know
      out.add(
          new Choice(
              "1",
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
              key(action),
              Pictogram.of(action).symbol(),
              m -> capitalized(m.text("action." + action), m),
              k -> ActionScreen.start(action)));
    }
    out.sort(Comparator.comparing(Choice::key)); // the sheet, then the actions by key
    out.add(
        new Choice(
            "9",
            Pictogram.PRINT.symbol(),
            m -> m.text("account.print-consent"),
            k -> Step.of(new AccountScreen(null), consentReceipt(k))));
    if (isOpen(state) && reaches(kind, Operation.LIST_DOCUMENTS)) {
      out.add(
          new Choice(
              "D",
              Pictogram.PRINT.symbol(),
              m -> m.text("documents.title"),
              DocumentsScreen::open));
    }
    if (isOpen(state) // the medical profile assistant, with its own consent to read and write
        && reaches(kind, Operation.READ_PROFILE)
        && reaches(kind, Operation.WRITE_PROFILE)) {
      out.add(
          new Choice(
              "P",
              ProfilePictogram.DISEASE.symbol(),
              m -> m.text("profile.account.tile"),
              k -> ConsentScreen.asking(ConsentScreen.Purpose.PROFILE)));
    }
    if (reaches(kind, Operation.READ_JOURNAL)) {
      out.add(
          new Choice(
              "H",
              Pictogram.JOURNAL.symbol(),
              m -> m.text("journal.screen.title"),
              JournalScreen::open));
    }
    if (CaregiversScreen.offered(account)) { // who can help: caregivers given or taken away
      out.add(
          new Choice(
              "A",
              Pictogram.CAREGIVER.symbol(),
              m -> m.text("caregivers.tile"),
              k -> CaregiversScreen.open()));
    }
    if (!sitting.person().represents().isEmpty()) { // the same sitting, another space
      out.add(
          new Choice(
              "C",
              Pictogram.OTHER_PERSON.symbol(),
              m -> m.text("account.other-person"),
              k -> ForWhomScreen.another()));
    }
    if (state == SpaceState.ANNOUNCED || state == SpaceState.ACTIVE_NOT_ACTIVATED) {
      // not opened yet: how to open it at home, the card's number drawn
      out.add(
          new Choice(
              "O",
              Pictogram.CARD.symbol(),
              m -> m.text("help-sheet.tile"),
              k -> Step.of(new AccountScreen(null), helpSheet(k))));
    }
    if (ShareScreen.offered(account)) { // a child's profile, shared with the other parent
      out.add(
          new Choice(
              "S",
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
                        "R",
                        Pictogram.REPRESENTATIVE.symbol(),
                        m -> m.text("share.answer.tile", Map.of("child", invitation.childName())),
                        k -> ShareScreen.answer(invitation))));
    out.add(
        new Choice(
            END, Pictogram.END.symbol(), m -> m.text("key.end-sitting"), AccountScreen::end));
    return out;
  }

  /** The key of an action on the space: its place in the life of a space, never another's. */
  static String key(AccountAction action) {
    return switch (action) {
      case RECORD_OPPOSITION -> "2";
      case WITHDRAW_OPPOSITION -> "3";
      case CREATE_ON_REQUEST -> "4";
      case ACTIVATE -> "5";
      case CLOSE -> "6";
      case REQUEST_DELETION -> "7";
      case REOPEN -> "8";
    };
  }

  /**
   * Whether someone acting this way may ever do {@code operation}, as the server's rule table says;
   * never for a way of acting this build does not know.
   */
  static boolean reaches(ActingKind kind, Operation operation) {
    return kind != ActingKind.UNKNOWN // the wire's names are the domain's, UNKNOWN apart
        && RuleTable.reaches(ActingAs.valueOf(kind.name()), operation);
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
