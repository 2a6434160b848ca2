package fr.guichet.kiosk;

import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.SpaceState;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consent the medical profile assistant needs, on top of the account's: the person is told, in
 * their language, that the profile will be read and filled in (nothing sent before they have read
 * it back), for how long; they answer; the mediator attests they are present. The profile is that
 * of the person chosen at the start of the sitting ({@link ForWhomScreen}): the person themself, or
 * a child, a protected adult, a person cared for. Only then is a second delegation opened, with
 * {@code profile:read} and {@code profile:write}; it is revoked with the sitting.
 *
 * <pre>{@code
 * Screen next = ProfileConsentScreen.start(); // from the account screen's profile tile
 * }</pre>
 *
 * @param step asking the person, or waiting for the mediator's attestation
 */
record ProfileConsentScreen(Step step, Say notice) implements Screen {
  /** Version of the consent text below; recorded with the consent. */
  static final String TEXT_VERSION = "consent-profile-v1";

  static final int MINUTES = 30;

  enum Step {
    ASK,
    ATTEST
  }

  /** A medical profile is filled in only in a space that exists and is open. */
  static boolean offered(SpaceState state) {
    return state == SpaceState.ACTIVE || state == SpaceState.ACTIVE_NOT_ACTIVATED;
  }

  static Screen start() {
    return new ProfileConsentScreen(Step.ASK, null);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Sitting s = kiosk.sitting();
    List<String> lines = new ArrayList<>();
    if (s.target() != null) {
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
    lines.add("  " + Pictogram.SEE.symbol() + " " + m.text("profile.consent.scope.read"));
    lines.add("  " + ProfilePictogram.NOTE.symbol() + " " + m.text("profile.consent.scope.write"));
    lines.add(m.text("consent.duration", Map.of("minutes", MINUTES)));
    lines.add(m.text("consent.journal"));
    lines.add(
        m.text(
            step == Step.ATTEST ? "consent.attest" : "consent.question",
            Map.of("name", s.person().firstName())));
    List<View.Tile> tiles =
        step == Step.ATTEST
            ? List.of(
                new View.Tile(
                    m.text("key.enter"), Pictogram.YES.symbol(), m.text("consent.attest.yes")),
                new View.Tile(
                    m.text("key.escape"), Pictogram.BACK.symbol(), m.text("consent.attest.no")))
            : List.of(
                new View.Tile("1", Pictogram.YES.symbol(), m.text("consent.yes")),
                new View.Tile("2", Pictogram.NO.symbol(), m.text("consent.no")));
    return kiosk
        .frame(m, m.text("profile.consent.title"), true)
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .build();
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    if (step == Step.ASK) {
      if (key.digit() == 1) {
        return new ProfileConsentScreen(Step.ATTEST, null);
      }
      if (key.digit() == 2 || key.kind() == Key.Kind.ESCAPE) {
        return new AccountScreen(Say.info("profile.consent.refused"));
      }
      return this;
    }
    if (key.kind() == Key.Kind.ESCAPE) {
      return start();
    }
    return key.kind() == Key.Kind.ENTER ? consent(kiosk) : this;
  }

  private Screen consent(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    Delegation d;
    try {
      d =
          kiosk
              .server()
              .consent(
                  kiosk.mediator(),
                  new ConsentRequest(
                      s.person().identificationId(),
                      s.target() == null ? null : s.target().personId(),
                      List.of(Scope.PROFILE_READ.wire(), Scope.PROFILE_WRITE.wire()),
                      MINUTES,
                      kiosk.language().tag(),
                      TEXT_VERSION,
                      true,
                      true),
                  RequestKey.random());
    } catch (ServerProblem e) {
      return new ProfileConsentScreen(Step.ASK, Say.problem(e.problem()));
    }
    if (s.profile() != null) {
      try {
        kiosk
            .server()
            .revoke(kiosk.mediator(), s.profile(), RequestKey.random()); // one profile at a time
      } catch (ServerProblem e) {
        // It expires on its own; the new one replaces it here.
      }
    }
    kiosk.sitting(s.withProfile(d));
    String helper =
        s.target() == null ? null : s.person().firstName() + " " + s.person().lastName();
    MedicalProfile profile =
        new MedicalProfile(
            d,
            s.displayName(),
            s.birthYear(),
            helper,
            d.actingKind(),
            Map.of(),
            Set.of(),
            Set.of(),
            null);
    return ProfileHubScreen.open(kiosk, profile);
  }

  @Override
  public String helpTopic() {
    return "profile.consent";
  }
}
