package fr.guichet.kiosk;

import fr.guichet.contract.Delegation;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The person is shown, in their language, who will do what with them, for how long, and that it is
 * all journaled, and answers; the mediator attests that the person is present. Only then is the
 * consent sent. The one consent screen: for the sitting's first consent (to look at the space), the
 * medical profile assistant's, and every consent asked on top (documents, journal). The first two
 * ask the person (1 yes, 2 no) then the mediator (Enter); the others ask both at once (Enter: the
 * mediator attests the person's yes).
 *
 * <pre>{@code
 * Screen s = new ConsentScreen(ConsentScreen.Purpose.ACCOUNT, false, null);
 * }</pre>
 *
 * @param attesting the person said yes; waiting for the mediator's attestation
 * @param from where a consent asked on the way of something else leads back to (the closure whose
 *     documents are taken first), or null: the account
 */
record ConsentScreen(Purpose purpose, boolean attesting, Say notice, Screen from)
    implements Screen {

  ConsentScreen(Purpose purpose, boolean attesting, Say notice) {
    this(purpose, attesting, notice, null);
  }

  /** What the consent is for: its words, and where a yes or a no leads. */
  enum Purpose {
    ACCOUNT(Consent.ACCOUNT, "consent.title", "consent.question", true, "consent"),
    PROFILE(Consent.PROFILE, "profile.consent.title", "consent.question", true, "profile.consent"),
    DOCUMENTS(Consent.DOCUMENTS, "documents.title", "documents.question", false, "documents"),
    JOURNAL(Consent.JOURNAL, "journal.screen.title", "journal.screen.question", false, "journal");

    private final Consent consent;
    private final String title;
    private final String question;
    private final boolean personFirst;
    private final String help;

    Purpose(Consent consent, String title, String question, boolean personFirst, String help) {
      this.consent = consent;
      this.title = title;
      this.question = question;
      this.personFirst = personFirst;
      this.help = help;
    }
  }

  static ConsentScreen asking(Purpose purpose) {
    return new ConsentScreen(purpose, false, null);
  }

  /**
   * The consent, if the sitting's delegation lacks it; else straight to what it allows, with that
   * delegation.
   */
  static Step first(Purpose purpose, Kiosk kiosk, Function<Delegation, Step> allowed) {
    return first(purpose, kiosk, null, allowed);
  }

  /** The same, on the way of something else: a no goes back to {@code from}. */
  static Step first(Purpose purpose, Kiosk kiosk, Screen from, Function<Delegation, Step> allowed) {
    return purpose.consent.given(kiosk.sitting())
        ? allowed.apply(kiosk.sitting().delegation())
        : new ConsentScreen(purpose, false, null, from);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Sitting s = kiosk.sitting();
    List<String> lines = new ArrayList<>();
    if (purpose == Purpose.PROFILE && s.target() != null) {
      lines.add(m.text("profile.consent.for", Map.of("name", s.displayName())));
    }
    lines.add(
        m.text(
            "consent.who",
            Map.of(
                "mediator",
                kiosk.mediator().mediatorName(),
                "structure",
                kiosk.mediator().structureName())));
    lines.addAll(purpose.consent.terms(m));
    lines.add(m.text("consent.journal"));
    Map<String, String> name = Map.of("name", s.person().firstName());
    if (attesting && purpose.consent.needsOpinion(s)) {
      lines.add(m.text("receipt.opinion-asked"));
    }
    lines.add(attesting ? m.text("consent.attest", name) : m.text(purpose.question, name));
    List<View.Tile> tiles;
    if (!purpose.personFirst) {
      tiles =
          List.of(
              new View.Tile(
                  m.text("key.enter"), Pictogram.YES.symbol(), m.text("flow.attest-and-send")),
              View.Tile.back(m));
    } else if (attesting) {
      tiles =
          List.of(
              new View.Tile(
                  m.text("key.enter"), Pictogram.YES.symbol(), m.text("consent.attest.yes")),
              new View.Tile(
                  m.text("key.escape"), Pictogram.BACK.symbol(), m.text("consent.attest.no")));
    } else {
      tiles =
          List.of(
              new View.Tile("1", Pictogram.YES.symbol(), m.text("consent.yes")),
              new View.Tile("2", Pictogram.NO.symbol(), m.text("consent.no")));
    }
    return kiosk
        .frame(m, m.text(purpose.title), true)
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    boolean escape = key.kind() == Key.Kind.ESCAPE;
    if (purpose.personFirst && !attesting) {
      if (key.digit() == 1) {
        return OpinionScreen.first(
            kiosk, purpose.consent, new ConsentScreen(purpose, true, null, from), this);
      }
      return key.digit() == 2 || escape ? no(kiosk) : this;
    }
    if (escape) {
      return purpose.personFirst ? new ConsentScreen(purpose, false, null, from) : no(kiosk);
    }
    if (key.kind() != Key.Kind.ENTER) {
      return this;
    }
    ConsentScreen asked = new ConsentScreen(purpose, attesting, null, from);
    return Step.of(
        asked,
        purpose.consent.record(
            kiosk,
            d -> yes(kiosk, d),
            problem -> new ConsentScreen(purpose, false, Say.problem(problem), from)));
  }

  /** The consent is recorded: what it was asked for, with the delegation it opened. */
  private Step yes(Kiosk kiosk, Delegation d) {
    return switch (purpose) {
      case ACCOUNT -> AccountScreen.load(kiosk, d);
      case PROFILE -> {
        Sitting s = kiosk.sitting();
        String helper =
            s.target() == null ? null : s.person().firstName() + " " + s.person().lastName();
        yield ProfileHubScreen.open(
            kiosk,
            new MedicalProfile(
                d,
                s.displayName(),
                s.target() == null ? s.person().firstName() : s.target().firstName(),
                s.birthYear(),
                helper,
                d.actingKind(),
                Map.of(),
                Set.of(),
                Set.of(),
                s.account().minor()));
      }
      case DOCUMENTS -> DocumentsScreen.load(kiosk, d, from);
      case JOURNAL -> JournalScreen.load(kiosk, d);
    };
  }

  /**
   * The person said no (or the mediator went back): nothing is recorded. A no to another space of
   * the same sitting goes back to the space before, as it was.
   */
  private Step no(Kiosk kiosk) {
    return switch (purpose) {
      case ACCOUNT ->
          kiosk.sitting().before() != null
              ? Step.of(
                  new AccountScreen(Say.info("consent.refused")),
                  new Effect.ChangeSitting(Sitting::before))
              : Step.of(
                  IdentifyScreen.fresh(Say.info("consent.refused")), Effect.Command.END_SITTING);
      case PROFILE -> new AccountScreen(Say.info("profile.consent.refused"));
      case DOCUMENTS, JOURNAL ->
          from != null ? from : AccountScreen.load(kiosk, kiosk.sitting().delegation());
    };
  }

  @Override
  public String helpTopic() {
    return purpose.help;
  }
}
