package fr.guichet.cli;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Problem;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.contract.ReceiptStory;
import fr.guichet.contract.Represented;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.ActingAs;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A space, an action's result or a refusal told in plain sentences, one a line, in the person's
 * language: what a screen reader reads and what a person hears, without tables or drawings. The
 * sentences are the kiosk's ({@link Messages}); only the labels of the command line are its own
 * ({@link CliText}).
 *
 * <pre>{@code
 * new AccountWords(Messages.of(Language.FRENCH), CliText.of(Language.FRENCH)).status(account)
 *     .forEach(out::println);
 * }</pre>
 */
final class AccountWords {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Messages m;
  private final CliText t;

  AccountWords(Messages m, CliText t) {
    this.m = m;
    this.t = t;
  }

  /** "Pour : Jeanne Martin (né·e en 1950)". */
  String forWhom(String firstName, String lastName, int birthYear) {
    return m.text(
        "sitting.for-whom",
        Map.of("name", firstName + " " + lastName, "year", String.valueOf(birthYear)));
  }

  /** The whole state of a space: who, the state, its dates, what can be done, who acts for whom. */
  List<String> status(AccountStatus account, String actorName) {
    List<String> lines = new ArrayList<>();
    lines.add(forWhom(account.firstName(), account.lastName(), account.birthYear()));
    lines.addAll(actingAs(account, actorName));
    lines.addAll(state(account));
    if (account.minor() && account.adultOn() != null) {
      lines.add(t.text("out.minor", Map.of("date", m.date(account.adultOn()))));
    }
    List<AccountAction> possible = possible(account);
    if (!possible.isEmpty()) {
      lines.add(m.text("account.possible"));
      possible.forEach(
          a ->
              lines.add(
                  t.text(
                      "out.possible.item",
                      Map.of("action", m.text("action." + a.name()), "command", command(a)))));
    }
    if (!account.manages().isEmpty()) {
      lines.add(t.text("out.manages"));
      account.manages().forEach(r -> lines.add(someone("out.manages.item", r)));
    }
    if (!account.shares().isEmpty()) {
      lines.add(t.text("out.shares"));
      account
          .shares()
          .forEach(
              s ->
                  lines.add(
                      t.text(
                          "out.share.item",
                          Map.of(
                              "child",
                              s.childName(),
                              "inviter",
                              s.inviterName(),
                              "invitee",
                              s.inviteeName(),
                              "status",
                              s.status(),
                              "until",
                              m.date(s.expiresOn()),
                              "id",
                              s.shareId()))));
    }
    if (account.access().isEmpty()) {
      lines.add(t.text("out.access.none"));
    } else {
      lines.add(t.text("out.access"));
      // A caregiver's id is what remove-caregiver takes; a representative is not removed from here.
      account
          .access()
          .forEach(
              r ->
                  lines.add(
                      someone(
                          r.kind().equals(ActingAs.CAREGIVING.name())
                              ? "out.access.caregiver"
                              : "out.access.item",
                          r)));
    }
    return lines;
  }

  /** The line {@code key} about someone acted for or with access: name, year, kind, id. */
  private String someone(String key, Represented r) {
    return t.text(
        key,
        Map.of(
            "name",
            name(r),
            "year",
            String.valueOf(r.birthYear()),
            "kind",
            kind(r.kind()),
            "id",
            r.personId()));
  }

  /**
   * What an action did: who, the receipt's title, the new state and its dates, what happened and
   * how to undo it and until when (the receipt's own story, as the paper tells it), the reference.
   */
  List<String> result(ActionResult result, String actorName, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    AccountStatus account = result.account();
    Receipt receipt = result.receipt();
    ReceiptStory story = ReceiptStory.of(receipt, zone);
    lines.add(forWhom(account.firstName(), account.lastName(), account.birthYear()));
    lines.addAll(actingAs(account, actorName));
    if (story.kind() != ReceiptKind.UNKNOWN) {
      lines.add(say(story.title()));
    }
    List<String> told = new ArrayList<>();
    story.happened().forEach(s -> told.add(say(s)));
    story.undo().forEach(s -> told.add(say(s)));
    // The state's dates, less those the receipt already says.
    state(account).stream().filter(line -> !told.contains(line)).forEach(lines::add);
    lines.addAll(told);
    lines.add(t.text("out.receipt", Map.of("id", receipt.receiptId())));
    return lines;
  }

  /** A sentence of a receipt's story as one line: a list item after a dash. */
  private String say(ReceiptStory.Sentence s) {
    String text = m.text(s.key(), s.params());
    return s.level() == ReceiptStory.Level.ITEM ? "- " + text : text;
  }

  /** The state's name and sentence on one line, then each date that matters on its own. */
  List<String> state(AccountStatus account) {
    List<String> lines = new ArrayList<>();
    lines.add(
        t.text(
            "out.state",
            Map.of(
                "name",
                m.text("state." + account.state() + ".name"),
                "sentence",
                m.text("state." + account.state() + ".sentence"))));
    lines.addAll(fr.guichet.kiosk.AccountDates.lines(account, m));
    return lines;
  }

  /**
   * What the rules allow on this space now, less what the person at the counter may not do in their
   * role (a caregiver never closes).
   */
  static List<AccountAction> possible(AccountStatus account) {
    ActingAs actingAs =
        account.actingAs() == null ? ActingAs.SELF : ActingAs.valueOf(account.actingAs());
    return account.possibleActions().stream()
        .map(AccountAction::valueOf)
        .filter(a -> actingAs.allows(a.requiredScope()))
        .toList();
  }

  /**
   * The sentence for a problem the server (or the network) gave, its dates and scopes in words, and
   * what to do instead when the kiosk says it (a refused caregiver).
   */
  String problem(Problem problem) {
    String key =
        problem.messageKey() != null && m.has(problem.messageKey())
            ? problem.messageKey()
            : "problem.unexpected";
    Map<String, Object> args = new HashMap<>();
    problem.params().forEach((name, value) -> args.put(name, word(name, value)));
    String todo =
        "caregivers.todo." + problem.slug(); // what to do instead, where the kiosk says it too
    return m.has(todo) ? m.text(key, args) + " " + m.text(todo, args) : m.text(key, args);
  }

  /** What an action means, in the words the kiosk uses for it. */
  String action(AccountAction action) {
    return m.text("action." + action.name());
  }

  /** What a scope allows, in the words of the consent. */
  String scope(String wire) {
    String key = "scope." + wire.replace(':', '-');
    return m.has(key) ? m.text(key) : wire;
  }

  String kind(String kind) {
    return t.text("kind." + kind);
  }

  /** The {@code guichet account} command of an action. */
  static String command(AccountAction action) {
    return switch (action) {
      case RECORD_OPPOSITION -> "oppose";
      case WITHDRAW_OPPOSITION -> "withdraw-opposition";
      case CREATE_ON_REQUEST -> "request-creation";
      case ACTIVATE -> "activate";
      case CLOSE -> "close";
      case REQUEST_DELETION -> "request-deletion";
      case REOPEN -> "reopen";
    };
  }

  private List<String> actingAs(AccountStatus account, String actorName) {
    if (account.actingAs() == null || account.actingAs().equals(ActingAs.SELF.name())) {
      return List.of();
    }
    return List.of(
        t.text("out.acting-as", Map.of("who", actorName, "kind", kind(account.actingAs()))));
  }

  private Object word(String name, Object value) {
    if (value instanceof String s && ISO_DATE.matcher(s).matches()) {
      try {
        return m.date(LocalDate.parse(s));
      } catch (DateTimeParseException notADate) {
        return s;
      }
    }
    if (name.equals("scope") && value instanceof String s) {
      return scope(s);
    }
    if (name.equals("action") && value instanceof String s && m.has("action." + s)) {
      return m.text("action." + s);
    }
    return value;
  }

  private static String name(Represented r) {
    return r.firstName() + " " + r.lastName();
  }
}
