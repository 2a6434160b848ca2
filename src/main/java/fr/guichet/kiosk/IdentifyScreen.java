package fr.guichet.kiosk;

import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is being helped: the NIR and the birth date, then one proof, checked by the server (which
 * journals every attempt). The Carte Vitale serial number comes first; a person who has no card
 * with them shows the one-time code of the letter or e-mail that announced their space, or has a
 * code sent to the e-mail or phone the insurer holds. The arrow keys change the proof and keep what
 * is typed.
 *
 * <pre>{@code
 * Screen first = IdentifyScreen.fresh(null); // Carte Vitale; ◄ ► for the other proofs
 * }</pre>
 *
 * @param challenge the code sent to the person's contact, once sent (then the form asks for it)
 */
record IdentifyScreen(Proof proof, Form form, ContactChallenge challenge, Say notice)
    implements Screen {

  /** What the person shows, besides their NIR and birth date. */
  enum Proof {
    VITALE(Form.Entry.digits("vitale", "identify.field.vitale", "identify.help.vitale", 16, " ")),
    LETTER_CODE(Form.Entry.text("code", "flow.field.letter-code", "flow.help.letter-code", 12)),
    CONTACT_CODE(null);

    private final Form.Entry field;

    Proof(Form.Entry field) {
      this.field = field;
    }

    Proof next(int step) {
      Proof[] all = values();
      return all[(ordinal() + step + all.length) % all.length];
    }
  }

  static IdentifyScreen fresh(Say notice) {
    return withProof(Proof.VITALE, List.of(), notice);
  }

  /**
   * The form for this proof, keeping the NIR and birth date already typed (then the proof has the
   * focus).
   */
  private static IdentifyScreen withProof(Proof proof, List<Form.Entry> kept, Say notice) {
    List<Form.Entry> entries =
        new ArrayList<>(
            kept.isEmpty()
                ? List.of(
                    Form.Entry.digits(
                        "nir", "identify.field.nir", "identify.help.nir", 21, " AaBb"),
                    Form.Entry.digits(
                        "birth", "identify.field.birth", "identify.help.birth", 10, "/ .-"))
                : kept);
    if (proof.field != null) {
      entries.add(proof.field);
    }
    return new IdentifyScreen(
        proof, new Form(entries, kept.isEmpty() ? 0 : entries.size() - 1), null, notice);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    lines.add(m.text("identify.intro", Map.of("mediator", kiosk.mediator().mediatorName())));
    lines.add(m.text("identify.proof." + proof.name()));
    if (challenge != null) {
      lines.add(m.text("flow.strong.sent", Map.of("where", challenge.maskedDestination())));
    }
    List<View.Tile> tiles =
        challenge != null
            ? List.of()
            : List.of(
                new View.Tile("◄ ►", Pictogram.CARD.symbol(), m.text("identify.other-proof")));
    return View.titled(m.text("identify.title"))
        .lines(lines)
        .fields(form.fields(m), form.focus())
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, challenge != null))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return challenge != null ? withProof(proof, form.entries().subList(0, 2), null) : fresh(null);
    }
    if ((key.kind() == Key.Kind.LEFT || key.kind() == Key.Kind.RIGHT) && challenge == null) {
      return withProof(
          proof.next(key.kind() == Key.Kind.RIGHT ? 1 : -1), form.entries().subList(0, 2), null);
    }
    if (key.kind() != Key.Kind.ENTER) {
      return new IdentifyScreen(proof, form.edit(key), challenge, notice);
    }
    if (!form.onLast()) {
      return new IdentifyScreen(proof, form.next(), challenge, notice);
    }
    if (form.firstEmpty() >= 0) {
      return new IdentifyScreen(
          proof, form.focusAt(form.firstEmpty()), challenge, Say.error("form.missing"));
    }
    BirthDate birth;
    try {
      birth = BirthDate.read(form.value("birth"), LocalDate.now(kiosk.clock()));
    } catch (InvalidValue e) {
      return new IdentifyScreen(proof, form.focusOn("birth"), challenge, Say.error(e.messageKey()));
    }
    String nir = form.value("nir");
    MediatorSession me = kiosk.mediator();
    IdentifyScreen asked = new IdentifyScreen(proof, form, challenge, null);
    if (proof == Proof.CONTACT_CODE && challenge == null) {
      return Step.of(asked, sendCode(me, nir, birth));
    }
    IdentificationRequest request =
        switch (proof) {
          case VITALE -> IdentificationRequest.byVitale(nir, birth.iso(), form.value("vitale"));
          case LETTER_CODE -> IdentificationRequest.byLetterCode(nir, form.value("code"));
          case CONTACT_CODE ->
              IdentificationRequest.byContactCode(challenge.challengeId(), form.value("code"));
        };
    return Step.of(
        asked,
        Effect.Call.send(
            (server, k) -> server.identify(me, request, k),
            who ->
                Step.of(
                    who.represents().isEmpty()
                        ? ConsentScreen.asking(ConsentScreen.Purpose.ACCOUNT)
                        : ForWhomScreen.FIRST,
                    new Effect.ChangeSitting(none -> Sitting.of(who, nir, birth))),
            this::refused));
  }

  /** The server did not identify the person: the box to correct has the focus. */
  private IdentifyScreen refused(Problem problem) {
    String k = problem.messageKey();
    boolean codeTyped = challenge != null || proof == Proof.LETTER_CODE;
    String field =
        k.startsWith("invalid.vitale")
            ? "vitale"
            : codeTyped && !k.startsWith("invalid.nir") ? "code" : "nir";
    Form kept = challenge != null ? form.clear("code") : form; // a code sent is typed again
    return new IdentifyScreen(proof, kept.focusOn(field), challenge, Say.problem(problem));
  }

  /**
   * Sends a code to the person's e-mail or phone, then asks for it (a demo server says the message
   * it "sent").
   */
  private Effect sendCode(MediatorSession me, String nir, BirthDate birth) {
    List<Form.Entry> entries = new ArrayList<>(form.entries());
    entries.add(Form.Entry.digits("code", "flow.field.code", "flow.help.code", 6, ""));
    return Effect.Call.send(
        (server, k) -> {
          ContactChallenge sent =
              server.contactCode(me, new ContactCodeRequest(nir, birth.iso()), k);
          return new Sent(sent, server.demoMessage(me).orElse(null));
        },
        sent ->
            new IdentifyScreen(
                proof, new Form(entries, 2), sent.challenge(), Say.demoMessage(sent.demo())),
        this::refused);
  }

  /** A code sent, and what a demo server says it sent (or null). */
  record Sent(ContactChallenge challenge, String demo) {}

  @Override
  public String helpTopic() {
    return "identify";
  }

  @Override
  public boolean holdsPersonData() {
    return form.typedIn();
  }
}
