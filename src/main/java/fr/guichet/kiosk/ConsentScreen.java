package fr.guichet.kiosk;

import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.util.List;
import java.util.Map;

/**
 * The person is shown, in their language, what will be done, by whom and for how long, and answers;
 * then the mediator attests that the person is present. Only then is the consent sent.
 *
 * @param attesting the person said yes; waiting for the mediator's attestation
 */
record ConsentScreen(boolean attesting, Say notice) implements Screen {
  /** Version of the consent text below; recorded with the consent. */
  static final String TEXT_VERSION = "consent-account-read-v1";

  static final int MINUTES = 30;

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Sitting s = kiosk.sitting();
    List<String> lines =
        List.of(
            m.text(
                "consent.who",
                Map.of(
                    "mediator",
                    kiosk.mediator().mediatorName(),
                    "structure",
                    kiosk.mediator().structureName())),
            "  " + Pictogram.SEE.symbol() + " " + m.text("consent.scope.account-read"),
            m.text("consent.duration", Map.of("minutes", MINUTES)),
            m.text("consent.journal"),
            "",
            m.text(
                attesting ? "consent.attest" : "consent.question",
                Map.of("name", s.person().firstName())));
    List<View.Tile> tiles =
        attesting
            ? List.of(
                new View.Tile(
                    m.text("key.enter"), Pictogram.YES.symbol(), m.text("consent.attest.yes")),
                new View.Tile(
                    m.text("key.escape"), Pictogram.BACK.symbol(), m.text("consent.attest.no")))
            : List.of(
                new View.Tile("1", Pictogram.YES.symbol(), m.text("consent.yes")),
                new View.Tile("2", Pictogram.NO.symbol(), m.text("consent.no")));
    return kiosk
        .frame(m, m.text("consent.title"), true)
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    if (!attesting) {
      if (key.digit() == 1) {
        return new ConsentScreen(true, null);
      }
      if (key.digit() == 2 || key.kind() == Key.Kind.ESCAPE) {
        kiosk.endSitting();
        return IdentifyScreen.fresh(Say.info("consent.refused"));
      }
      return this;
    }
    if (key.kind() == Key.Kind.ESCAPE) {
      return new ConsentScreen(false, null);
    }
    if (key.kind() != Key.Kind.ENTER) {
      return this;
    }
    Sitting s = kiosk.sitting();
    try {
      Delegation d =
          kiosk
              .server()
              .consent(
                  kiosk.mediator(),
                  new ConsentRequest(
                      s.person().identificationId(),
                      s.target() == null ? null : s.target().personId(),
                      List.of(Scope.ACCOUNT_READ.wire()),
                      MINUTES,
                      kiosk.language().tag(),
                      TEXT_VERSION,
                      true,
                      true),
                  RequestKey.random());
      kiosk.sitting(s.withDelegation(d));
      return AccountScreen.load(kiosk);
    } catch (ServerProblem e) {
      return new ConsentScreen(false, Say.problem(e.problem()));
    }
  }

  @Override
  public String helpTopic() {
    return "consent";
  }
}
