package fr.guichet.kiosk;

import fr.guichet.api.ApiException;
import fr.guichet.api.ConsentRequest;
import fr.guichet.api.Delegation;
import fr.guichet.api.IdempotencyKey;
import fr.guichet.api.Identification;
import fr.guichet.api.Represented;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consent the medical profile assistant needs, on top of the account's: the person is told, in
 * their language, that the profile will be read and filled in (nothing sent before they have read
 * it back), for how long; they answer; the mediator attests they are present. A person who acts for
 * others (a parent, a guardian, a caregiver) first says whose profile it is. Only then is a second
 * delegation opened, with {@code profile:read} and {@code profile:write}; it is revoked with the
 * sitting.
 *
 * <pre>{@code
 * Screen next = ProfileConsentScreen.start(kiosk); // from the account screen, key 3
 * }</pre>
 *
 * @param step choosing whose profile, asking the person, or waiting for the mediator's attestation
 * @param whom the chosen person: 0 the identified person, 1.. someone they represent
 */
record ProfileConsentScreen(Step step, int whom, Say notice) implements Screen {
  /** Version of the consent text below; recorded with the consent. */
  static final String TEXT_VERSION = "consent-profile-v1";
  static final int MINUTES = 30;

  enum Step { WHOM, ASK, ATTEST }

  /** Someone whose profile can be opened: the identified person, or one they represent. */
  record Choice(String personId, String name, int birthYear, String kind) {}

  /** A medical profile is filled in only in a space that exists and is open. */
  static boolean offered(fr.guichet.domain.AccountState state) {
    return state == fr.guichet.domain.AccountState.ACTIVE || state == fr.guichet.domain.AccountState.ACTIVE_NOT_ACTIVATED;
  }

  static Screen start(Kiosk kiosk) {
    Sitting s = kiosk.sitting();
    return s.person().represents() == null || s.person().represents().isEmpty()
        ? new ProfileConsentScreen(Step.ASK, 0, null) : new ProfileConsentScreen(Step.WHOM, 0, null);
  }

  static List<Choice> choices(Identification who) {
    List<Choice> out = new ArrayList<>();
    out.add(new Choice(who.personId(), who.firstName() + " " + who.lastName(), who.birthYear(), "SELF"));
    if (who.represents() != null) {
      for (Represented r : who.represents()) {
        out.add(new Choice(r.personId(), r.firstName() + " " + r.lastName(), r.birthYear(), r.kind()));
      }
    }
    return out;
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    Sitting s = kiosk.sitting();
    List<Choice> choices = choices(s.person());
    Say shown = notice;
    if (step == Step.WHOM) {
      List<View.Tile> tiles = new ArrayList<>();
      for (int i = 0; i < choices.size() && i < 9; i++) {
        Choice c = choices.get(i);
        tiles.add(new View.Tile(String.valueOf(i + 1), ProfilePictogram.ENTOURAGE.symbol(),
            m.text("profile.consent.person." + c.kind(), Map.of("name", c.name(), "year", String.valueOf(c.birthYear())))));
      }
      tiles.add(new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("key.back")));
      return new View(m.text("profile.consent.title"), kiosk.forWhom(m), ProfilePictogram.ENTOURAGE.lines(),
          List.of(m.text("profile.consent.whom")), List.of(), -1, tiles, shown == null ? null : shown.in(m),
          kiosk.hints(m, true));
    }
    Choice c = choices.get(whom);
    List<String> lines = new ArrayList<>();
    if (whom > 0) {
      lines.add(m.text("profile.consent.for", Map.of("name", c.name())));
    }
    lines.add(m.text("consent.who", Map.of("mediator", kiosk.mediator().mediatorName(),
        "structure", kiosk.mediator().structureName())));
    lines.add("  " + Pictogram.SEE.symbol() + " " + m.text("profile.consent.scope.read"));
    lines.add("  " + ProfilePictogram.NOTE.symbol() + " " + m.text("profile.consent.scope.write"));
    lines.add(m.text("consent.duration", Map.of("minutes", MINUTES)));
    lines.add(m.text("consent.journal"));
    lines.add(m.text(step == Step.ATTEST ? "consent.attest" : "consent.question", Map.of("name", s.person().firstName())));
    List<View.Tile> tiles = step == Step.ATTEST
        ? List.of(new View.Tile(m.text("key.enter"), Pictogram.YES.symbol(), m.text("consent.attest.yes")),
            new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("consent.attest.no")))
        : List.of(new View.Tile("1", Pictogram.YES.symbol(), m.text("consent.yes")),
            new View.Tile("2", Pictogram.NO.symbol(), m.text("consent.no")));
    return new View(m.text("profile.consent.title"), kiosk.forWhom(m), List.of(), lines, List.of(), -1, tiles,
        shown == null ? null : shown.in(m), kiosk.hints(m, true));
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    List<Choice> choices = choices(kiosk.sitting().person());
    switch (step) {
      case WHOM -> {
        if (key.kind() == Key.Kind.ESCAPE) {
          return new AccountScreen(null);
        }
        int d = key.digit();
        return d >= 1 && d <= Math.min(choices.size(), 9) ? new ProfileConsentScreen(Step.ASK, d - 1, null) : this;
      }
      case ASK -> {
        if (key.digit() == 1) {
          return new ProfileConsentScreen(Step.ATTEST, whom, null);
        }
        if (key.digit() == 2 || key.kind() == Key.Kind.ESCAPE) {
          return new AccountScreen(Say.info("profile.consent.refused"));
        }
        return this;
      }
      case ATTEST -> {
        if (key.kind() == Key.Kind.ESCAPE) {
          return new ProfileConsentScreen(Step.ASK, whom, null);
        }
        if (key.kind() != Key.Kind.ENTER) {
          return this;
        }
        return consent(kiosk, choices.get(whom));
      }
    }
    return this;
  }

  private Screen consent(Kiosk kiosk, Choice c) {
    Sitting s = kiosk.sitting();
    Delegation d;
    try {
      d = kiosk.api().consent(kiosk.mediator(), new ConsentRequest(s.person().identificationId(),
          whom == 0 ? null : c.personId(), List.of(Scope.PROFILE_READ.wire(), Scope.PROFILE_WRITE.wire()), MINUTES,
          kiosk.language().tag(), TEXT_VERSION, true, true), IdempotencyKey.random());
    } catch (ApiException e) {
      return new ProfileConsentScreen(Step.ASK, whom, Say.problem(e.problem()));
    }
    if (s.profile() != null) {
      try {
        kiosk.api().revoke(kiosk.mediator(), s.profile(), IdempotencyKey.random()); // one profile at a time
      } catch (ApiException e) {
        // It expires on its own; the new one replaces it here.
      }
    }
    kiosk.sitting(s.withProfile(d));
    MedicalProfile profile = new MedicalProfile(d, c.name(), c.birthYear(),
        whom == 0 ? null : s.displayName(), d.actingAs(), Map.of(), java.util.Set.of(), java.util.Set.of(), null);
    return ProfileHubScreen.open(kiosk, profile);
  }

  @Override
  public String helpTopic() {
    return "profile.consent";
  }
}
