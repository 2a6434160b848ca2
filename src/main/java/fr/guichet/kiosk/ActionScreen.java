package fr.guichet.kiosk;

import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.ProofMethod;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import fr.guichet.print.ActionReceipt;
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
    Stage step,
    boolean withDeletion,
    Form code,
    ContactChallenge challenge,
    ActionResult result,
    Say notice)
    implements Screen {

  /** Where the walk-through is. */
  enum Stage {
    EXPLAIN,
    STRONG_SEND,
    STRONG_CODE,
    CONFIRM,
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
    return new ActionScreen(action, Stage.EXPLAIN, false, code, null, null, null);
  }

  private ActionScreen to(Stage next, Say say) {
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
        if (action == AccountAction.CLOSE) { // 2 ✗ says no here too, as on every screen
          tiles.add(new View.Tile("1", Pictogram.CLOSED.symbol(), m.text("flow.CLOSE.keep")));
          tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("flow.no")));
          tiles.add(
              new View.Tile(
                  "3", Pictogram.CLOSED_DELETION_REQUESTED.symbol(), m.text("flow.CLOSE.delete")));
          tiles.add(new View.Tile("4", Pictogram.PRINT.symbol(), m.text("flow.print-first")));
        } else if (code != null) { // digits and letters go into the code: Enter says yes
          lines.add(m.text("flow.question", Map.of("name", kiosk.sitting().person().firstName())));
          fields = code.fields(m);
          focus = code.focus();
          tiles.add(new View.Tile(m.text("key.enter"), Pictogram.YES.symbol(), m.text("flow.yes")));
          tiles.add(
              new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("flow.no")));
        } else {
          lines.add(m.text("flow.question", Map.of("name", kiosk.sitting().person().firstName())));
          tiles.add(new View.Tile("1", Pictogram.YES.symbol(), m.text("flow.yes")));
          tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("flow.no")));
        }
      }
      case STRONG_SEND -> {
        lines.add(m.text("flow.strong.explain"));
        tiles.add(
            new View.Tile(
                m.text("key.enter"), Pictogram.PHONE.symbol(), m.text("flow.strong.send")));
        tiles.add(View.Tile.back(m));
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
        lines.addAll(consent().underReadBack(kiosk.sitting(), m));
        tiles.addAll(sendTiles(m, !consent().given(kiosk.sitting())));
      }
      case DONE -> {
        title = m.text("flow." + id + ".done");
        picture = Pictogram.of(result.account().spaceState()).lines();
        lines.addAll(ReceiptLines.of(result.receipt(), kiosk, m));
        tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("flow.print-receipt")));
        tiles.add(new View.Tile("2", Pictogram.BACK.symbol(), m.text("flow.back-to-account")));
      }
    }
    return kiosk
        .frame(m, title, step != Stage.DONE)
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
        View.Tile.back(m));
  }

  /** The consent to this action, asked in the read-back when the sitting lacks it. */
  private Consent consent() {
    return Consent.widening(action.requiredScope(), TEXT_VERSION);
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
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
              ? to(Stage.EXPLAIN, null)
              : key.kind() == Key.Kind.ENTER || key.digit() == 1 ? confirm(kiosk) : this;
      case DONE ->
          key.digit() == 1
              ? Step.of(to(Stage.DONE, null), receipt(kiosk, result.receipt()))
              : key.digit() == 2 || escape ? AccountScreen.load(kiosk) : this;
    };
  }

  private Step explain(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE || (code == null && key.digit() == 2)) {
      return AccountScreen.load(kiosk);
    }
    if (code != null && key.kind() != Key.Kind.ENTER) { // a code holds digits: they are typed
      return new ActionScreen(
          action, step, withDeletion, code.edit(key), challenge, result, notice);
    }
    boolean deletion = false;
    if (action == AccountAction.CLOSE) {
      if (key.digit() == 4) { // the person's documents first: they are archived after it
        return DocumentsScreen.beforeClosing(kiosk, to(step, null));
      }
      if (key.digit() != 1 && key.digit() != 3) {
        return this;
      }
      deletion = key.digit() == 3;
    } else if (code == null && key.digit() != 1) {
      return this;
    }
    if (code != null && code.value("code").isBlank()) {
      return to(Stage.EXPLAIN, Say.error("form.missing"));
    }
    ActionScreen chosen = new ActionScreen(action, step, deletion, code, challenge, result, null);
    return chosen.afterYes(kiosk);
  }

  /**
   * After the person's yes: a tutor's word that the protected person's opinion was asked, the
   * strong identification if needed, then the read-back.
   */
  private Screen afterYes(Kiosk kiosk) {
    return OpinionScreen.first(kiosk, consent(), proven(kiosk), to(Stage.EXPLAIN, null));
  }

  /** The strong identification if needed, then the read-back. */
  private ActionScreen proven(Kiosk kiosk) {
    if (action.requiredScope() == Scope.RECORD_CLOSE && !kiosk.sitting().strong()) {
      if (kiosk.sitting().person().proofMethods().contains(ProofMethod.CONTACT_CODE)) {
        // Identified by a code sent to the contact: the second proof is the Carte Vitale.
        Form serial =
            new Form(
                List.of(
                    Form.Entry.digits(
                        "vitale", "identify.field.vitale", "identify.help.vitale", 16, " ")),
                0);
        return new ActionScreen(
            action, Stage.STRONG_CODE, withDeletion, serial, null, result, null);
      }
      return to(Stage.STRONG_SEND, null);
    }
    return to(Stage.CONFIRM, null);
  }

  /**
   * The mediator confirms the read-back: the consent to this action if the sitting lacks it, then
   * the action.
   */
  private Step confirm(Kiosk kiosk) {
    ActionScreen sending = to(Stage.CONFIRM, null);
    return consent()
        .thenSend(
            kiosk,
            sending,
            d -> sending.send(kiosk, d),
            problem -> to(Stage.EXPLAIN, Say.problem(problem)));
  }

  private Step sendCode(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    Form codeForm =
        new Form(List.of(Form.Entry.digits("code", "flow.field.code", "flow.help.code", 6, "")), 0);
    return Step.of(
        to(Stage.STRONG_SEND, null),
        Effect.Call.send(
            (server, key) ->
                new IdentifyScreen.Sent(
                    server.contactCode(
                        me, new ContactCodeRequest(s.nir(), s.birthDate().iso()), key),
                    server.demoMessage(me).orElse(null)),
            sent ->
                new ActionScreen(
                    action,
                    Stage.STRONG_CODE,
                    withDeletion,
                    codeForm,
                    sent.challenge(),
                    result,
                    Say.demoMessage(sent.demo())),
            problem -> to(Stage.STRONG_SEND, Say.problem(problem))));
  }

  private Step checkCode(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    ProofRequest proof =
        challenge == null
            ? new ProofRequest(ProofMethod.VITALE.name(), null, null, code.value("vitale"))
            : new ProofRequest(
                ProofMethod.CONTACT_CODE.name(), code.value("code"), challenge.challengeId(), null);
    return Step.of(
        this,
        Effect.Call.send(
            (server, key) -> server.addProof(me, s.person().identificationId(), proof, key),
            strong ->
                Step.of(
                    new ActionScreen(action, Stage.CONFIRM, withDeletion, null, null, result, null),
                    new Effect.ChangeSitting(t -> t.withPerson(strong))),
            problem ->
                new ActionScreen(
                    action,
                    Stage.STRONG_CODE,
                    withDeletion,
                    code.clear(challenge == null ? "vitale" : "code"),
                    challenge,
                    result,
                    Say.problem(problem))));
  }

  /**
   * Sends the confirmed action with its one idempotency key (the same after a network failure or a
   * restart: the runner tries again by itself), and says "done" only when the server said so.
   */
  private Step send(Kiosk kiosk, Delegation delegation) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    DelegatedAccess.Action what =
        new DelegatedAccess.Action(action, withDeletion, code == null ? null : code.value("code"));
    return Step.of(
        this,
        Effect.Call.confirmed(
            new Effect.Confirmed(action.name(), s.targetId(), s.shortName()),
            (server, key) -> server.act(me, delegation, what, key),
            done ->
                Step.of(
                    new ActionScreen(
                        action,
                        Stage.DONE,
                        withDeletion,
                        code,
                        challenge,
                        done,
                        Say.success("flow.sent", Map.of())),
                    new Effect.ChangeSitting(t -> t.withAccount(done.account()))),
            problem -> new AccountScreen(Say.problem(problem))));
  }

  /** The receipt of an action (of a caregiver's access too), in the person's language. */
  static Effect receipt(Kiosk kiosk, Receipt receipt) {
    byte[] pdf = ActionReceipt.any(receipt, kiosk.printSettings());
    return new Effect.Print("recu-" + receipt.receiptId() + ".pdf", pdf);
  }

  @Override
  public String helpTopic() {
    return "action";
  }
}
