package fr.guichet.kiosk;

import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.ProofMethod;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import fr.guichet.print.ActionReceipt;
import fr.guichet.print.Paper;
import fr.guichet.print.ReceiptLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One action on the space (opposition, withdrawal, creation, activation, closure, deletion request,
 * reopening), walked through with the person: what it changes first and their yes, the strong
 * identification closing needs, the read-back of what will be sent where the mediator attests the
 * person's yes (the consent to just this action), then the result with how to undo it and until
 * when, and the receipt to print. A confirmed action keeps one idempotency key across every retry
 * and restart.
 *
 * <pre>{@code
 * Screen next = ActionScreen.start(AccountAction.RECORD_OPPOSITION);
 * }</pre>
 *
 * @param withDeletion for a closure: whether the data are to be deleted too
 * @param challenge the code sent to the person's contact, while waiting for it (null when the
 *     second proof asked is the Carte Vitale, for a person identified by such a code)
 */
record ActionScreen(
    AccountAction action,
    Step step,
    boolean withDeletion,
    Form code,
    ContactChallenge challenge,
    ActionResult result,
    Say notice)
    implements Screen {

  /** Where the walk-through is. */
  enum Step {
    EXPLAIN,
    STRONG_SEND,
    STRONG_CODE,
    CONFIRM,
    RETRY,
    DONE
  }

  static final String TEXT_VERSION = "consent-action-v1";

  static ActionScreen start(AccountAction action) {
    Form code =
        action == AccountAction.ACTIVATE
            ? new Form(
                List.of(
                    Form.Entry.text("code", "flow.field.letter-code", "flow.help.letter-code", 12)),
                0)
            : null;
    return new ActionScreen(action, Step.EXPLAIN, false, code, null, null, null);
  }

  private ActionScreen to(Step next, Say say) {
    return new ActionScreen(action, next, withDeletion, code, challenge, result, say);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    String name = kiosk.sitting().shortName();
    String id = action.name();
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    List<View.Field> fields = List.of();
    int focus = -1;
    List<String> picture = List.of();
    String title = m.text("flow." + id + ".title");
    switch (step) {
      case EXPLAIN -> {
        lines.addAll(List.of(m.text("flow." + id + ".explain").split("\n")));
        if (action == AccountAction.CLOSE) {
          tiles.add(new View.Tile("1", Pictogram.CLOSED.symbol(), m.text("flow.CLOSE.keep")));
          tiles.add(
              new View.Tile(
                  "2", Pictogram.CLOSED_DELETION_REQUESTED.symbol(), m.text("flow.CLOSE.delete")));
          tiles.add(new View.Tile("3", Pictogram.PRINT.symbol(), m.text("flow.print-first")));
        } else {
          lines.add(m.text("flow.question", Map.of("name", kiosk.sitting().person().firstName())));
          tiles.add(new View.Tile("1", Pictogram.YES.symbol(), m.text("flow.yes")));
          tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("flow.no")));
        }
        if (code != null) {
          fields = code.fields(m);
          focus = code.focus();
        }
      }
      case STRONG_SEND -> {
        lines.add(m.text("flow.strong.explain"));
        tiles.add(
            new View.Tile(
                m.text("key.enter"), Pictogram.PHONE.symbol(), m.text("flow.strong.send")));
        tiles.add(new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("key.back")));
      }
      case STRONG_CODE -> {
        lines.add(
            challenge == null
                ? m.text("flow.strong.vitale")
                : m.text("flow.strong.sent", Map.of("where", challenge.maskedDestination())));
        fields = code.fields(m);
        focus = code.focus();
      }
      case CONFIRM -> {
        lines.add(m.text("flow.readback"));
        lines.add(
            "  "
                + m.text(
                    "flow." + id + (withDeletion ? ".readback-deletion" : ".readback"),
                    Map.of("name", name)));
        boolean consent = !kiosk.sitting().hasScope(action.requiredScope().wire());
        if (consent) {
          // The person's yes was given on the first screen; the mediator attests it, and that is
          // the consent.
          lines.add(m.text("consent.duration", Map.of("minutes", ConsentScreen.MINUTES)));
          lines.add(m.text("consent.attest"));
        }
        tiles.addAll(sendTiles(m, consent));
      }
      case RETRY -> retry(lines, tiles, m);
      case DONE -> {
        title = m.text("flow." + id + ".done");
        picture = Pictogram.of(result.account().spaceState()).lines();
        lines.add(m.text("state." + result.account().spaceState() + ".sentence"));
        lines.addAll(undo(m));
        tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("flow.print-receipt")));
        tiles.add(new View.Tile("2", Pictogram.BACK.symbol(), m.text("flow.back-to-account")));
      }
    }
    return kiosk
        .frame(m, title, step != Step.DONE && step != Step.RETRY)
        .picture(picture)
        .lines(lines)
        .fields(fields, focus)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  /**
   * Under a read-back: Enter sends (the mediator's attestation is the consent when the sitting
   * lacks it), Esc goes back.
   */
  static List<View.Tile> sendTiles(Messages m, boolean consent) {
    return List.of(
        new View.Tile(
            m.text("key.enter"),
            Pictogram.YES.symbol(),
            m.text(consent ? "flow.attest-and-send" : "flow.send")),
        new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("key.back")));
  }

  /**
   * A confirmed request the server has not answered yet: still trying, what to do meanwhile, and
   * try again now.
   */
  static void retry(List<String> lines, List<View.Tile> tiles, Messages m) {
    lines.add(m.text("flow.retry"));
    lines.add(m.text("flow.retry-other"));
    tiles.add(new View.Tile("1", Pictogram.NEXT.symbol(), m.text("flow.retry-now")));
  }

  /** How to undo what was just done, and until when: the right to make a mistake. */
  private List<String> undo(Messages m) {
    Map<String, Object> facts = result.receipt().payload();
    List<String> lines = new ArrayList<>();
    String deadline = date(m, facts.get("oppositionDeadline"));
    String due = date(m, facts.get("deletionDue"));
    switch (action) {
      case RECORD_OPPOSITION ->
          lines.add(m.text("receipt.undo.withdraw", Map.of("date", deadline)));
      case WITHDRAW_OPPOSITION ->
          lines.add(m.text("receipt.undo.oppose-again", Map.of("date", deadline)));
      case CLOSE, REQUEST_DELETION -> {
        if (due.isEmpty()) {
          lines.add(
              m.text("account.archive-end", Map.of("date", date(m, facts.get("archiveEnd")))));
          lines.add(m.text("receipt.undo.reopen"));
        } else {
          lines.add(m.text("account.deletion-due", Map.of("date", due)));
          lines.add(m.text("receipt.undo.reopen-before", Map.of("date", due)));
        }
      }
      case REOPEN ->
          lines.add(
              m.text(
                  Boolean.TRUE.equals(facts.get("dataRestored"))
                      ? "receipt.reopen.restored"
                      : "receipt.reopen.not-restored"));
      default -> {}
    }
    return lines;
  }

  private static String date(Messages m, Object iso) {
    return iso == null ? "" : m.date(java.time.LocalDate.parse(iso.toString()));
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    boolean escape = key.kind() == Key.Kind.ESCAPE;
    return switch (step) {
      case EXPLAIN -> explain(key, kiosk);
      case STRONG_SEND ->
          escape ? start(action) : key.kind() == Key.Kind.ENTER ? sendCode(kiosk) : this;
      case STRONG_CODE ->
          escape
              ? start(action)
              : key.kind() == Key.Kind.ENTER
                  ? checkCode(kiosk)
                  : new ActionScreen(
                      action, step, withDeletion, code.edit(key), challenge, result, notice);
      case CONFIRM ->
          escape
              ? to(Step.EXPLAIN, null)
              : key.kind() == Key.Kind.ENTER || key.digit() == 1 ? confirm(kiosk) : this;
      case RETRY -> key.digit() == 1 ? send(kiosk) : this;
      case DONE ->
          key.digit() == 1
              ? printReceipt(kiosk)
              : key.digit() == 2 || escape ? AccountScreen.load(kiosk) : this;
    };
  }

  private Screen explain(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE || (action != AccountAction.CLOSE && key.digit() == 2)) {
      return AccountScreen.load(kiosk);
    }
    if (code != null && key.digit() != 1) {
      return new ActionScreen(
          action, step, withDeletion, code.edit(key), challenge, result, notice);
    }
    boolean deletion = false;
    if (action == AccountAction.CLOSE) {
      if (key.digit() == 3) {
        return AccountScreen.printFirst(kiosk, this);
      }
      if (key.digit() != 1 && key.digit() != 2) {
        return this;
      }
      deletion = key.digit() == 2;
    } else if (key.digit() != 1) {
      return this;
    }
    if (code != null && code.value("code").isBlank()) {
      return to(Step.EXPLAIN, Say.error("form.missing"));
    }
    ActionScreen chosen = new ActionScreen(action, step, deletion, code, challenge, result, null);
    return chosen.next(kiosk);
  }

  /** After the person's yes: the strong identification if needed, then the read-back. */
  private ActionScreen next(Kiosk kiosk) {
    if (action.requiredScope() == Scope.RECORD_CLOSE && !kiosk.sitting().strong()) {
      if (kiosk.sitting().person().proofMethods().contains(ProofMethod.CONTACT_CODE)) {
        // Identified by a code sent to the contact: the second proof is the Carte Vitale.
        Form serial =
            new Form(
                List.of(
                    Form.Entry.digits(
                        "vitale", "identify.field.vitale", "identify.help.vitale", 16, " ")),
                0);
        return new ActionScreen(action, Step.STRONG_CODE, withDeletion, serial, null, result, null);
      }
      return to(Step.STRONG_SEND, null);
    }
    return to(Step.CONFIRM, null);
  }

  /**
   * The mediator confirms the read-back: the consent to this action if the sitting lacks it, then
   * the action.
   */
  private Screen confirm(Kiosk kiosk) {
    if (!kiosk.sitting().hasScope(action.requiredScope().wire())) {
      Say refused = kiosk.widenConsent(action.requiredScope().wire(), TEXT_VERSION);
      if (refused != null) {
        return to(Step.EXPLAIN, refused);
      }
    }
    return send(kiosk);
  }

  private Screen sendCode(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    try {
      ContactChallenge sent =
          kiosk
              .server()
              .contactCode(
                  kiosk.mediator(),
                  new ContactCodeRequest(s.nir(), s.birthDate()),
                  RequestKey.random());
      Form codeForm =
          new Form(
              List.of(Form.Entry.digits("code", "flow.field.code", "flow.help.code", 6, "")), 0);
      return new ActionScreen(
          action, Step.STRONG_CODE, withDeletion, codeForm, sent, result, kiosk.demoOutbox());
    } catch (ServerProblem e) {
      return to(Step.STRONG_SEND, Say.problem(e.problem()));
    }
  }

  private Screen checkCode(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    try {
      ProofRequest proof =
          challenge == null
              ? new ProofRequest(ProofMethod.VITALE.name(), null, null, code.value("vitale"))
              : new ProofRequest(
                  ProofMethod.CONTACT_CODE.name(),
                  code.value("code"),
                  challenge.challengeId(),
                  null);
      var strong =
          kiosk
              .server()
              .addProof(
                  kiosk.mediator(), s.person().identificationId(), proof, RequestKey.random());
      kiosk.sitting(s.withPerson(strong));
      return new ActionScreen(action, Step.CONFIRM, withDeletion, null, null, result, null);
    } catch (ServerProblem e) {
      return new ActionScreen(
          action,
          Step.STRONG_CODE,
          withDeletion,
          code.clear(challenge == null ? "vitale" : "code"),
          challenge,
          result,
          Say.problem(e.problem()));
    }
  }

  /**
   * Sends the confirmed action with its one idempotency key (the same after a network failure or a
   * restart), and says "done" only when the server said so.
   */
  private Screen send(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    String key = kiosk.pending().keyFor(s.targetId(), action.name(), kiosk.clock().instant());
    RequestKey k = new RequestKey(key);
    try {
      ActionResult done =
          kiosk
              .server()
              .act(
                  kiosk.mediator(),
                  s.delegation(),
                  new DelegatedAccess.Action(
                      action, withDeletion, code == null ? null : code.value("code")),
                  k);
      kiosk.pending().done(key);
      kiosk.sitting(s.withAccount(done.account()));
      return new ActionScreen(
          action,
          Step.DONE,
          withDeletion,
          code,
          challenge,
          done,
          Say.success("flow.sent", Map.of()));
    } catch (ServerProblem e) {
      if (e.problem().slug().equals("network")) {
        return to(Step.RETRY, new Say(View.Tone.WAIT, "flow.still-trying", Map.of()));
      }
      kiosk.pending().done(key); // the server answered: refused, nothing was done
      return new AccountScreen(Say.problem(e.problem()));
    }
  }

  private Screen printReceipt(Kiosk kiosk) {
    byte[] pdf =
        ActionReceipt.any(
            result.receipt(),
            Messages.of(kiosk.language()),
            Paper.A4,
            ReceiptLink.of(kiosk.server().address()));
    return to(Step.DONE, kiosk.print("recu-" + result.receipt().receiptId() + ".pdf", pdf));
  }

  @Override
  public String helpTopic() {
    return "action";
  }
}
