package fr.guichet.kiosk;

import fr.guichet.contract.ActingKind;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Messages;
import fr.guichet.print.DocumentName;
import fr.guichet.print.EmergencyCard;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.ProfileSummary;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The medical profile at a glance: every section with where it stands on the server, the next one
 * to fill in, and the two documents to print (the summary, the wallet-size emergency card), offered
 * only to whom may take a copy. Letters open a section (there are eleven: more than the digits), as
 * do the arrows and Enter; digits do the rest. Every section is read from the server when the
 * assistant opens, nothing is kept after it.
 *
 * <pre>{@code
 * Step hub = ProfileHubScreen.open(kiosk, profile); // reads the eleven sections
 * }</pre>
 *
 * @param focus the section under the cursor
 */
record ProfileHubScreen(MedicalProfile profile, int focus, Say notice) implements Screen {

  /** Reads every section from the server, then shows them (or why it could not). */
  static Step open(Kiosk kiosk, MedicalProfile profile) {
    MediatorSession me = kiosk.mediator();
    return Step.of(
        new AccountScreen(null),
        Effect.Call.read(
            (server, key) -> {
              MedicalProfile loaded = profile;
              for (SectionForm form : MedicalProfile.forms().forms()) {
                loaded =
                    loaded.withSection(
                        server.profileSection(me, profile.delegation(), form.section()));
              }
              return loaded;
            },
            loaded -> new ProfileHubScreen(loaded, 0, null),
            problem -> new ProfileHubScreen(profile, 0, Say.problem(problem))));
  }

  static String letter(int index) {
    return String.valueOf((char) ('A' + index));
  }

  /** The first section neither sent nor left for later during this sitting, or -1. */
  int next() {
    List<SectionForm> forms = MedicalProfile.forms().forms();
    for (int i = 0; i < forms.size(); i++) {
      String s = forms.get(i).section();
      if (!profile.sent().contains(s) && !profile.seen().contains(s)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<SectionForm> forms = MedicalProfile.forms().forms();
    List<View.Tile> tiles = new ArrayList<>();
    for (int i = 0; i < forms.size(); i++) {
      SectionForm f = forms.get(i);
      String state =
          ReadBack.summary(f, profile.content(f), m)
              + (profile.sent().contains(f.section()) ? " · ✓ " + m.text("profile.hub.sent") : "");
      tiles.add(
          new View.Tile(
              letter(i),
              ProfilePictogram.named(f.pictogram()).symbol(),
              m.text(f.titleKey()) + " · " + state,
              i == focus));
    }
    int next = next();
    tiles.add(
        next < 0
            ? new View.Tile("1", Pictogram.YES.symbol(), m.text("profile.hub.done"))
            : new View.Tile(
                "1",
                Pictogram.NEXT.symbol(),
                m.text("profile.hub.next", Map.of("section", m.text(forms.get(next).titleKey())))));
    List<String> lines = new ArrayList<>();
    if (profile.mayTakeACopy()) {
      tiles.add(new View.Tile("2", Pictogram.PRINT.symbol(), m.text("profile.hub.print")));
      tiles.add(new View.Tile("3", ProfilePictogram.CARD.symbol(), m.text("profile.hub.card")));
    } else if (profile.actingAs() == ActingKind.CAREGIVING) {
      lines.add(m.text("profile.print.caregiver")); // why there is nothing to print
    }
    return View.titled(m.text("profile.title"))
        .forWhom(profile.forWhom(m))
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, true))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    List<SectionForm> forms = MedicalProfile.forms().forms();
    if (key.kind() == Key.Kind.CHARACTER) {
      int letter = Character.toUpperCase(key.character()) - 'A';
      if (letter >= 0 && letter < forms.size()) {
        return ProfileQuestionScreen.start(kiosk, profile, forms.get(letter));
      }
      switch (key.digit()) {
        case 1 -> {
          int next = next();
          return next < 0 ? this : ProfileQuestionScreen.start(kiosk, profile, forms.get(next));
        }
        case 2 -> {
          return print(kiosk, false);
        }
        case 3 -> {
          return print(kiosk, true);
        }
        default -> {
          return this;
        }
      }
    }
    return switch (key.kind()) {
      case DOWN, TAB -> new ProfileHubScreen(profile, (focus + 1) % forms.size(), null);
      case UP, BACK_TAB ->
          new ProfileHubScreen(profile, (focus + forms.size() - 1) % forms.size(), null);
      case ENTER -> ProfileQuestionScreen.start(kiosk, profile, forms.get(focus));
      case ESCAPE -> new AccountScreen(null);
      default -> this;
    };
  }

  /**
   * The profile summary, with the server's signed statement of the whole profile in its QR code, or
   * the wallet-size emergency card, printed (F8 saves it if need be), each named after the person.
   */
  private Step print(Kiosk kiosk, boolean card) {
    if (!profile.mayTakeACopy()) {
      return this; // not offered: the key is unused
    }
    PrintSettings settings = kiosk.printSettings();
    ZonedDateTime now = ZonedDateTime.now(kiosk.clock());
    Map<String, SectionContent> contents = new LinkedHashMap<>();
    for (SectionForm f : MedicalProfile.forms().forms()) {
      contents.put(f.section(), profile.content(f));
    }
    ProfileHubScreen here = new ProfileHubScreen(profile, focus, null);
    if (card) {
      return Step.of(
          here,
          new Effect.Print(
              DocumentName.of("carte-urgence", profile.name(), now),
              EmergencyCard.render(
                  new EmergencyCard.Content(profile.name(), profile.birthYear(), contents),
                  settings)));
    }
    MediatorSession me = kiosk.mediator();
    return Step.of(
        here,
        Effect.Call.send(
            (server, key) -> {
              Receipt statement = server.profileStatement(me, profile.delegation(), key);
              return new Effect.Print(
                  DocumentName.of("profil-medical", profile.name(), now),
                  ProfileSummary.render(
                      new ProfileSummary.Content(
                          profile.name(),
                          profile.birthYear(),
                          contents,
                          statement,
                          now.toLocalDate(),
                          me.mediatorName(),
                          me.structureName()),
                      settings));
            },
            print -> Step.of(here, print),
            problem -> new ProfileHubScreen(profile, focus, Say.problem(problem))));
  }

  @Override
  public String helpTopic() {
    return "profile.hub";
  }
}
