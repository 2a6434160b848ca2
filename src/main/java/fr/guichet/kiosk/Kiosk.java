package fr.guichet.kiosk;

import fr.guichet.api.ApiClient;
import fr.guichet.api.ApiException;
import fr.guichet.api.IdempotencyKey;
import fr.guichet.api.MediatorSession;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.DocumentSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk's state and its global keys: which screen is shown, who is logged in, the sitting
 * in progress, the person's language. Terminal-free: the Lanterna adapter feeds it keys and
 * draws its {@link #view()}; tests do the same without a terminal.
 *
 * <pre>{@code
 * Kiosk kiosk = new Kiosk(new ApiClient(url), new FileSink(dir), Language.FRENCH, Clock.systemUTC());
 * kiosk.press(Key.of('c'));
 * View v = kiosk.view();
 * }</pre>
 */
public final class Kiosk {
  private final ApiClient api;
  private final DocumentSink output;
  private final Clock clock;
  private Language language;
  private Screen screen = LoginScreen.fresh();
  private MediatorSession mediator;
  private Sitting sitting;
  private boolean quit;
  private long screenChanges;
  private int keptFiles;

  public Kiosk(ApiClient api, DocumentSink output, Language language, Clock clock) {
    this.api = api;
    this.output = output;
    this.language = language;
    this.clock = clock;
  }

  /** One key press: global keys first, then the current screen's. */
  public void press(Key key) {
    Screen before = screen;
    if (key.isFunction(KeyMap.LANGUAGE)) {
      language = language.next();
    } else if (key.isFunction(KeyMap.HELP) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, screen.helpTopic());
    } else if (key.isFunction(KeyMap.SUPPORT) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, "support");
    } else if (key.isFunction(KeyMap.END_SITTING) && sitting != null) {
      endSitting();
      screen = new EndedScreen();
    } else if (key.isFunction(KeyMap.LOGOUT) && mediator != null) {
      logout();
    } else {
      screen = screen.onKey(key, this);
    }
    if (screen.getClass() != before.getClass()) {
      screenChanges++;
    }
  }

  public View view() {
    return screen.view(this, Messages.of(language));
  }

  /** The keys reminded at the bottom of every screen, according to what is possible now. */
  List<View.Hint> hints(Messages m, boolean back) {
    List<View.Hint> hints = new ArrayList<>();
    hints.add(new View.Hint("F1", m.text("key.help")));
    hints.add(new View.Hint("F2", m.text("key.language")));
    hints.add(new View.Hint("F3", m.text("key.support")));
    if (sitting != null) {
      hints.add(new View.Hint("F10", m.text("key.end-sitting")));
    } else if (mediator != null) {
      hints.add(new View.Hint("F12", m.text("key.logout")));
    }
    if (back) {
      hints.add(new View.Hint(m.text("key.escape"), m.text("key.back")));
    }
    return hints;
  }

  /**
   * Ends the sitting: revokes the delegation on the server and forgets the person. Called on
   * the end key, on logout, and by the shutdown hook; safe to call twice.
   */
  public void endSitting() {
    Sitting ending = sitting;
    sitting = null;
    keptFiles = output.endSitting().size();
    if (ending != null && ending.delegation() != null && mediator != null) {
      try {
        api.revoke(mediator, ending.delegation(), IdempotencyKey.random());
      } catch (ApiException e) {
        // The delegation expires on its own within the hour; the person's data is gone from here anyway.
      }
    }
  }

  /** Ends the sitting and the mediator's session: on quitting, and from the shutdown hook. */
  public synchronized void logoutOnExit() {
    logout();
  }

  void logout() {
    endSitting();
    MediatorSession leaving = mediator;
    mediator = null;
    if (leaving != null) {
      try {
        api.logout(leaving, IdempotencyKey.random());
      } catch (ApiException e) {
        // The session ends on its own after inactivity.
      }
    }
    screen = LoginScreen.fresh();
  }

  /** How many documents of the last sitting stay on disk because the operator chose a save folder. */
  int keptFiles() {
    return keptFiles;
  }

  /** Whether the person asked to leave the program (from the login screen only). */
  public boolean quitRequested() {
    return quit;
  }

  /** Counts screen changes, so the adapter knows when to clear the terminal completely. */
  public long screenChanges() {
    return screenChanges;
  }

  public Language language() {
    return language;
  }

  void requestQuit() {
    quit = true;
  }

  ApiClient api() {
    return api;
  }

  DocumentSink output() {
    return output;
  }

  Clock clock() {
    return clock;
  }

  MediatorSession mediator() {
    return mediator;
  }

  void loggedIn(MediatorSession session) {
    this.mediator = session;
  }

  Sitting sitting() {
    return sitting;
  }

  void sitting(Sitting s) {
    this.sitting = s;
  }

  /** The "for whom" line of the current sitting, or null. */
  String forWhom(Messages m) {
    if (sitting == null) {
      return null;
    }
    return m.text("sitting.for-whom", java.util.Map.of("name", sitting.displayName(), "year", String.valueOf(sitting.person().birthYear())));
  }
}
