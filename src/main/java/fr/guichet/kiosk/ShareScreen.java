package fr.guichet.kiosk;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActingKind;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.Share;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sharing a child's profile with the child's other legal representative (DOMAIN.md). The parent the
 * child is attached to, acting for the child, names the other parent as a caregiver is named (NIR
 * with its key checked, birth name, first name, birth date); then the read-back, the person's yes
 * and the mediator's attestation (the consent to choose who has access, the first time); then the
 * result and its receipt. The invited parent, acting for themself, finds the invitation on their
 * account and accepts or refuses it, read back and attested the same way. The server owns the rules
 * (an open space for the other parent, one invitation at a time, 30 days to answer): its refusals
 * are said in plain words, and what was typed stays.
 *
 * <pre>{@code
 * if (ShareScreen.offered(account)) { next = ShareScreen.invite(); }
 * ShareScreen.waiting(account).stream().findFirst().map(ShareScreen::answer);
 * }</pre>
 *
 * @param form the other parent's details while they are typed (kept after a refusal), or null
 * @param invited the other parent named, once the form is checked, or null
 * @param answered the invitation being answered, or null
 * @param accept the answer given to it
 */
record ShareScreen(
    Stage step,
    Form form,
    Named invited,
    Share answered,
    boolean accept,
    ActionResult result,
    Say notice)
    implements Screen {

  /** Where the walk-through is. */
  enum Stage {
    FORM,
    ANSWER,
    CONFIRM,
    DONE
  }

  /** The consent to choose who has access, asked in the read-back the first time. */
  static final Consent CONSENT = Consent.widening(Scope.SHARING_MANAGE, "consent-share-v1");

  /** Whether the person at the counter may share this space's profile: its parent, open space. */
  static boolean offered(AccountStatus account) {
    return account.actingKind() == ActingKind.LEGAL_REPRESENTATION
        && account.minor()
        && AccountScreen.isOpen(account.spaceState());
  }

  /** The invitations of this child still waiting for the other parent's answer. */
  static List<Share> pending(AccountStatus child) {
    return child.shares().stream()
        .filter(s -> s.childId().equals(child.personId()) && "PENDING".equals(s.status()))
        .toList();
  }

  /** The invitations the person at the counter, acting for themself, is to answer. */
  static List<Share> waiting(AccountStatus account) {
    return account.actingKind() != ActingKind.SELF
        ? List.of()
        : account.shares().stream()
            .filter(s -> s.inviteeId().equals(account.personId()) && "PENDING".equals(s.status()))
            .toList();
  }

  static ShareScreen invite() {
    return new ShareScreen(Stage.FORM, Named.form("share"), null, null, false, null, null);
  }

  static ShareScreen answer(Share share) {
    return new ShareScreen(Stage.ANSWER, null, null, share, false, null, null);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    List<View.Field> fields = List.of();
    int focus = -1;
    String title = m.text(answered == null ? "share.title" : "share.answer.title");
    switch (step) {
      case FORM -> {
        lines.add(m.text("share.form.intro"));
        fields = form.fields(m);
        focus = form.focus();
      }
      case ANSWER -> {
        lines.add(m.text("share.invitation", invitation(answered)));
        lines.add(m.text("share.means"));
        lines.add(m.text("share.answer.until", Map.of("date", answered.expiresOn())));
        tiles.add(new View.Tile("1", Pictogram.YES.symbol(), m.text("share.accept")));
        tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("share.refuse")));
        tiles.add(View.Tile.back(m));
      }
      case CONFIRM -> {
        lines.add(m.text("flow.readback"));
        if (invited != null) {
          Map<String, Object> words = new HashMap<>(invited.words("parent", m));
          words.put("child", kiosk.sitting().shortName());
          lines.add("  " + m.text("share.readback.invite", words));
          lines.add(m.text("share.means.invited", Map.of("parent", invited.fullName())));
        } else {
          lines.add(
              "  "
                  + m.text(
                      accept ? "share.readback.accept" : "share.readback.refuse",
                      invitation(answered)));
        }
        lines.add(m.text("flow.question", Map.of("name", kiosk.sitting().person().firstName())));
        lines.addAll(CONSENT.underReadBack(kiosk.sitting(), m));
        tiles.addAll(ActionScreen.sendTiles(m, !CONSENT.given(kiosk.sitting())));
      }
      case DONE -> {
        title =
            m.text(
                invited != null
                    ? "share.invited.title"
                    : accept ? "share.accepted.title" : "share.refused.title");
        lines.addAll(ReceiptLines.of(result.receipt(), kiosk, m));
        if (invited != null) {
          Object until = result.receipt().payload().get("expiresOn");
          if (until != null) {
            lines.add(
                m.text(
                    "share.waiting",
                    Map.of(
                        "parent", invited.fullName(), "date", LocalDate.parse(until.toString()))));
          }
        }
        tiles.add(new View.Tile("1", Pictogram.PRINT.symbol(), m.text("flow.print-receipt")));
        tiles.add(new View.Tile("2", Pictogram.BACK.symbol(), m.text("flow.back-to-account")));
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

  /** How an invitation names the child and the parent who sent it. */
  private static Map<String, Object> invitation(Share share) {
    return Map.of(
        "inviter",
        share.inviterName(),
        "child",
        share.childName(),
        "year",
        String.valueOf(share.childBirthYear()));
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    boolean escape = key.kind() == Key.Kind.ESCAPE;
    return switch (step) {
      case FORM -> escape ? AccountScreen.load(kiosk) : fill(key, kiosk);
      case ANSWER ->
          escape
              ? AccountScreen.load(kiosk)
              : key.digit() == 1 || key.digit() == 2
                  ? new ShareScreen(
                      Stage.CONFIRM, null, null, answered, key.digit() == 1, null, null)
                  : this;
      case CONFIRM ->
          escape
              ? new ShareScreen(
                  invited != null ? Stage.FORM : Stage.ANSWER,
                  form,
                  null,
                  answered,
                  false,
                  null,
                  null)
              : key.kind() == Key.Kind.ENTER || key.digit() == 1 ? confirm(kiosk) : this;
      case DONE ->
          key.digit() == 1
              ? Step.of(withNotice(null), ActionScreen.receipt(kiosk, result.receipt()))
              : key.digit() == 2 || escape ? AccountScreen.load(kiosk) : this;
    };
  }

  /** Typing in the form; Enter on the last box checks it as the identification form is checked. */
  private Screen fill(Key key, Kiosk kiosk) {
    if (key.kind() != Key.Kind.ENTER) {
      return new ShareScreen(Stage.FORM, form.edit(key), null, null, false, null, notice);
    }
    if (!form.onLast()) {
      return new ShareScreen(Stage.FORM, form.next(), null, null, false, null, notice);
    }
    Named.Checked checked = Named.check(form, LocalDate.now(kiosk.clock()));
    return checked.named() == null
        ? new ShareScreen(Stage.FORM, checked.form(), null, null, false, null, checked.problem())
        : new ShareScreen(Stage.CONFIRM, form, checked.named(), null, false, null, null);
  }

  /**
   * The mediator confirms the read-back: the consent to choose who has access if the sitting lacks
   * it, then the invitation or the answer.
   */
  private Step confirm(Kiosk kiosk) {
    ShareScreen sending = withNotice(null);
    return CONSENT.thenSend(
        kiosk, sending, d -> sending.send(kiosk, d), problem -> refused(kiosk, problem));
  }

  /**
   * Sends it with its one idempotency key (the same after a network failure or a restart), and says
   * "done" only when the server said so.
   */
  private Step send(Kiosk kiosk, Delegation delegation) {
    Sitting s = kiosk.sitting();
    MediatorSession me = kiosk.mediator();
    String action = invited != null ? "SHARE_PROFILE" : accept ? "ACCEPT_SHARE" : "REFUSE_SHARE";
    return Step.of(
        this,
        Effect.Call.confirmed(
            new Effect.Confirmed(action, s.targetId(), s.shortName()),
            (server, key) ->
                invited != null
                    ? server.shareProfile(me, delegation, invited.asOtherParent(), key)
                    : server.answerShare(me, delegation, answered.shareId(), accept, key),
            done ->
                Step.of(
                    new ShareScreen(
                        Stage.DONE,
                        null,
                        invited,
                        answered,
                        accept,
                        done,
                        Say.success("flow.sent", Map.of())),
                    new Effect.ChangeSitting(t -> t.withAccount(done.account()))),
            problem -> refused(kiosk, problem)));
  }

  /**
   * The server refused: an invitation goes back to the form, what was typed kept (the NIR focused
   * when nobody matches); an answer goes back to the account, read again, with why.
   */
  private Step refused(Kiosk kiosk, Problem problem) {
    Say why = Say.problem(problem);
    if (invited != null) {
      Form kept = problem.slug().equals("share-parent-unknown") ? form.focusOn("nir") : form;
      return new ShareScreen(Stage.FORM, kept, null, null, false, null, why);
    }
    return AccountScreen.load(kiosk, why);
  }

  private ShareScreen withNotice(Say say) {
    return new ShareScreen(step, form, invited, answered, accept, result, say);
  }

  @Override
  public String helpTopic() {
    return "share";
  }

  @Override
  public boolean holdsPersonData() {
    return form != null && form.typedIn();
  }
}
