package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActingKind;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.Represented;
import fr.guichet.contract.Share;
import fr.guichet.contract.SpaceState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Operation;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who can help the person with their space, and giving or taking away a caregiver's (proche aidant)
 * access: the people who have access, each with the pictogram of their role; a form for a new
 * caregiver (at most {@value ActingAs#MAX_CAREGIVERS_PER_PERSON}), checked as the identification
 * form is; the read-back of what will be sent, where the mediator attests the person's yes (the
 * consent to manage sharing, the first time); the result, how to undo it, and the receipt to print.
 * The server owns the limits: its refusals are said in plain words with what to do instead. A
 * confirmed change keeps one idempotency key across retries and restarts, as {@link ActionScreen}
 * does.
 *
 * <pre>{@code
 * if (CaregiversScreen.offered(account)) {
 *   Screen next = CaregiversScreen.open();
 * }
 * }</pre>
 *
 * @param form the new caregiver's details while they are typed (and kept after a refusal), or null
 * @param request the caregiver to give access to, once the form is checked, or null
 * @param chosen the caregiver whose access is taken away, or null
 */
record CaregiversScreen(
    Stage step, Form form, Named request, Represented chosen, ActionResult result, Say notice)
    implements Screen {

  /** Where the walk-through is. */
  enum Stage {
    LIST,
    FORM,
    CHOOSE,
    CONFIRM,
    DONE
  }

  /** The consent to manage who has access, asked in the read-back the first time. */
  static final Consent CONSENT = Consent.widening(Scope.SHARING_MANAGE, "consent-caregivers-v1");

  /** The names of these changes in the list of confirmed actions waiting for the server. */
  static final String ADD = "ADD_CAREGIVER";

  static final String REMOVE = "REMOVE_CAREGIVER";

  /**
   * Whether the person at the counter may choose who has access to this space: an open space, and
   * someone acting for themself, a child or a protected adult, never as a caregiver.
   */
  static boolean offered(AccountStatus account) {
    return account.spaceState() == SpaceState.ACTIVE
        && AccountScreen.reaches(account.actingKind(), Operation.ADD_CAREGIVER);
  }

  static CaregiversScreen open() {
    return new CaregiversScreen(Stage.LIST, null, null, null, null, null);
  }

  private CaregiversScreen list(Say say) {
    return new CaregiversScreen(Stage.LIST, null, null, null, null, say);
  }

  /** The caregivers among the people who have access (representatives cannot be removed here). */
  private static List<Represented> caregivers(Kiosk kiosk) {
    return kiosk.sitting().account().access().stream()
        .filter(r -> r.actingKind() == ActingKind.CAREGIVING)
        .toList();
  }

  private static boolean canAdd(Kiosk kiosk) {
    return caregivers(kiosk).size() < ActingAs.MAX_CAREGIVERS_PER_PERSON;
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    List<View.Field> fields = List.of();
    int focus = -1;
    String title = m.text("caregivers.title");
    String name = kiosk.sitting().shortName();
    switch (step) {
      case LIST -> {
        AccountStatus account = kiosk.sitting().account();
        List<Represented> access = account.access();
        List<Share> invited = ShareScreen.pending(account);
        if (access.isEmpty() && invited.isEmpty()) {
          lines.add(m.text("caregivers.none"));
        } else {
          lines.add(m.text("caregivers.intro"));
          access.forEach(
              r ->
                  lines.add(
                      "  "
                          + symbol(r).symbol()
                          + " "
                          + m.text(
                              "caregivers.item",
                              Map.of(
                                  "name",
                                  r.firstName() + " " + r.lastName(),
                                  "year",
                                  String.valueOf(r.birthYear()),
                                  "kind",
                                  m.text("caregivers.kind." + r.actingKind())))));
          invited.forEach(
              sh ->
                  lines.add(
                      "  "
                          + Pictogram.REPRESENTATIVE.symbol()
                          + " "
                          + m.text(
                              "share.item.pending",
                              Map.of("parent", sh.inviteeName(), "date", sh.expiresOn()))));
        }
        lines.add(m.text("caregivers.can"));
        // What a tutor or a curator may do, when one is listed: they are not caregivers.
        access.stream()
            .map(r -> "caregivers.can." + r.actingKind())
            .distinct()
            .filter(m::has)
            .forEach(k -> lines.add(m.text(k)));
        if (canAdd(kiosk)) { // 1 gives, 2 takes away, whichever is offered
          tiles.add(new View.Tile("1", Pictogram.ADD.symbol(), m.text("caregivers.add")));
        } else {
          lines.add(m.text("caregivers.limit", Map.of("max", ActingAs.MAX_CAREGIVERS_PER_PERSON)));
        }
        if (!caregivers(kiosk).isEmpty()) {
          tiles.add(new View.Tile("2", Pictogram.REMOVE.symbol(), m.text("caregivers.remove")));
        }
        tiles.add(
            new View.Tile(
                m.text("key.escape"), Pictogram.BACK.symbol(), m.text("flow.back-to-account")));
      }
      case FORM -> {
        title = m.text("caregivers.add.title");
        lines.add(m.text("caregivers.form.intro"));
        fields = form.fields(m);
        focus = form.focus();
      }
      case CHOOSE -> {
        title = m.text("caregivers.remove.title");
        lines.add(m.text("caregivers.choose"));
        List<Represented> caregivers = caregivers(kiosk);
        for (int i = 0; i < caregivers.size(); i++) {
          Represented r = caregivers.get(i);
          tiles.add(
              new View.Tile(
                  String.valueOf(i + 1),
                  Pictogram.CAREGIVER.symbol(),
                  r.firstName() + " " + r.lastName() + " (" + r.birthYear() + ")"));
        }
        tiles.add(View.Tile.back(m));
      }
      case CONFIRM -> {
        title = m.text(request != null ? "caregivers.add.title" : "caregivers.remove.title");
        lines.add(m.text("flow.readback"));
        Map<String, Object> words = new HashMap<>(Map.of("name", name));
        if (request != null) {
          words.putAll(request.words("caregiver", m));
        }
        lines.add(
            "  "
                + (request != null
                    ? m.text("caregivers.readback.add", words)
                    : m.text(
                        "caregivers.readback.remove",
                        Map.of(
                            "name",
                            name,
                            "caregiver",
                            chosen.firstName() + " " + chosen.lastName()))));
        lines.add(m.text("flow.question", Map.of("name", kiosk.sitting().person().firstName())));
        lines.addAll(CONSENT.underReadBack(kiosk.sitting(), m));
        tiles.addAll(ActionScreen.sendTiles(m, !CONSENT.given(kiosk.sitting())));
      }
      case DONE -> {
        boolean added = request != null;
        title = m.text(added ? "caregivers.added.title" : "caregivers.removed.title");
        lines.addAll(ReceiptLines.of(result.receipt(), kiosk, m));
        if (added) {
          lines.add(m.text("caregivers.can"));
        }
        tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("flow.print-receipt")));
        tiles.add(new View.Tile("2", Pictogram.BACK.symbol(), m.text("caregivers.back")));
      }
    }
    if (notice != null && notice.tone() == View.Tone.ERROR) {
      String todo = "caregivers.todo." + notice.key().replaceFirst("^problem\\.", "");
      if (m.has(todo)) {
        lines.add(m.text(todo, Map.of("max", ActingAs.MAX_PEOPLE_PER_CAREGIVER)));
      }
    }
    return kiosk
        .frame(m, title, step != Stage.DONE)
        .lines(lines)
        .fields(fields, focus)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  private static Pictogram symbol(Represented r) {
    return r.actingKind() == ActingKind.CAREGIVING ? Pictogram.CAREGIVER : Pictogram.REPRESENTATIVE;
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    boolean escape = key.kind() == Key.Kind.ESCAPE;
    return switch (step) {
      case LIST -> escape ? AccountScreen.load(kiosk) : choose(key.digit(), kiosk);
      case FORM -> escape ? list(null) : fill(key, kiosk);
      case CHOOSE -> {
        List<Represented> caregivers = caregivers(kiosk);
        int d = key.digit();
        yield escape
            ? list(null)
            : d >= 1 && d <= caregivers.size()
                ? OpinionScreen.first(
                    kiosk,
                    CONSENT,
                    new CaregiversScreen(
                        Stage.CONFIRM, null, null, caregivers.get(d - 1), null, null),
                    this)
                : this;
      }
      case CONFIRM ->
          escape
              ? back()
              : key.kind() == Key.Kind.ENTER || key.digit() == 1 ? confirm(kiosk) : this;
      case DONE ->
          key.digit() == 1
              ? Step.of(withNotice(null), ActionScreen.receipt(kiosk, result.receipt()))
              : key.digit() == 2 || escape ? list(null) : this;
    };
  }

  private Screen choose(int digit, Kiosk kiosk) {
    if (digit == 1 && canAdd(kiosk)) {
      return new CaregiversScreen(Stage.FORM, Named.form("caregivers"), null, null, null, null);
    }
    if (digit == 2 && !caregivers(kiosk).isEmpty()) {
      return new CaregiversScreen(Stage.CHOOSE, null, null, null, null, null);
    }
    return this;
  }

  /** From the read-back, back to what was typed or chosen, to change it. */
  private Screen back() {
    return request != null
        ? new CaregiversScreen(Stage.FORM, form, null, null, null, null)
        : new CaregiversScreen(Stage.CHOOSE, null, null, null, null, null);
  }

  /**
   * Typing in the form; Enter on the last field checks it as the identification form is checked.
   */
  private Screen fill(Key key, Kiosk kiosk) {
    if (key.kind() != Key.Kind.ENTER) {
      return new CaregiversScreen(Stage.FORM, form.edit(key), null, null, null, notice);
    }
    if (!form.onLast()) {
      return new CaregiversScreen(Stage.FORM, form.next(), null, null, null, notice);
    }
    Named.Checked checked = Named.check(form, LocalDate.now(kiosk.clock()));
    if (checked.named() == null) {
      return new CaregiversScreen(Stage.FORM, checked.form(), null, null, null, checked.problem());
    }
    return OpinionScreen.first(
        kiosk,
        CONSENT,
        new CaregiversScreen(Stage.CONFIRM, form, checked.named(), null, null, null),
        new CaregiversScreen(Stage.FORM, form, null, null, null, null));
  }

  /**
   * The mediator confirms the read-back: the consent to manage sharing if the sitting lacks it,
   * then the change.
   */
  private Step confirm(Kiosk kiosk) {
    CaregiversScreen sending = withNotice(null);
    return CONSENT.thenSend(
        kiosk, sending, d -> sending.send(kiosk, d), problem -> list(Say.problem(problem)));
  }

  /**
   * Sends the confirmed change with its one idempotency key (the same after a network failure or a
   * restart: the runner tries again by itself), and says "done" only when the server said so.
   */
  private Step send(Kiosk kiosk, Delegation delegation) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    return Step.of(
        this,
        Effect.Call.confirmed(
            new Effect.Confirmed(request != null ? ADD : REMOVE, s.targetId(), s.shortName()),
            (server, key) ->
                request != null
                    ? server.addCaregiver(me, delegation, request.asCaregiver(), key)
                    : server.removeCaregiver(me, delegation, chosen.personId(), key),
            done ->
                Step.of(
                    new CaregiversScreen(
                        Stage.DONE,
                        null,
                        request,
                        chosen,
                        done,
                        Say.success("flow.sent", Map.of())),
                    new Effect.ChangeSitting(t -> t.withAccount(done.account()))),
            problem -> refused(kiosk, delegation, problem)));
  }

  /**
   * The server refused: a typo in the form goes back to it; otherwise the list again, as the server
   * sees the space now: someone may have changed the access meanwhile (at home, at another
   * counter), which is often why it was refused.
   */
  private Step refused(Kiosk kiosk, Delegation delegation, Problem problem) {
    Say refused = Say.problem(problem);
    if (request != null && problem.slug().equals("caregiver-unknown")) {
      return new CaregiversScreen(
          Stage.FORM, form.focusOn("nir"), null, null, null, refused); // a typo to correct
    }
    MediatorSession me = kiosk.mediator();
    CaregiversScreen listed = list(refused);
    return Step.of(
        listed,
        Effect.Call.read(
            (server, key) -> server.account(me, delegation),
            account -> Step.of(listed, new Effect.ChangeSitting(t -> t.withAccount(account))),
            ignored -> listed)); // the refusal is what matters; the list stays as it was read
  }

  private CaregiversScreen withNotice(Say say) {
    return new CaregiversScreen(step, form, request, chosen, result, say);
  }

  @Override
  public String helpTopic() {
    return "caregivers";
  }

  @Override
  public boolean holdsPersonData() {
    return form != null && form.typedIn();
  }
}
