package fr.guichet.kiosk;

import fr.guichet.contract.MediatorSession;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.DocumentSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kiosk's state and its global keys: which screen is shown, who is logged in, the sitting in
 * progress, the person's language and the mediator's, the colours, the reading aloud, and the
 * inactivity watch. Terminal-free: the Lanterna adapter (or the plain linear mode) feeds it keys
 * and ticks and draws its {@link #view()}; tests do the same without a terminal.
 *
 * <pre>{@code
 * Kiosk kiosk = new Kiosk(DelegatedAccessOverHttp.at(url), new FileSink(dir), Language.ARABIC, Clock.systemUTC(),
 *     Kiosk.Options.DEFAULTS.withTheme(Theme.HIGH_CONTRAST));
 * kiosk.press(Key.of('c'));
 * kiosk.tick();            // every 250 ms: the inactivity countdown
 * View v = kiosk.view();   // Arabic, mirrored, with the French words small beside
 * }</pre>
 */
public final class Kiosk {
  /**
   * How this kiosk is set up.
   *
   * @param mediatorLanguage the mediator's language, drawn small when the person's differs
   * @param inactivity how long without a key before a sitting ends on its own
   * @param warning how long before that end the countdown shows (at least 20 s, WCAG 2.2.1)
   */
  public record Options(
      Language mediatorLanguage, Theme theme, Duration inactivity, Duration warning, Voice voice) {
    public static final Options DEFAULTS =
        new Options(
            Language.FRENCH,
            Theme.DEFAULT,
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Voice.espeak());

    public Options {
      if (warning.compareTo(Duration.ofSeconds(20)) < 0 || warning.compareTo(inactivity) >= 0) {
        throw new IllegalArgumentException(
            "The warning must last at least 20 seconds and less than the inactivity delay");
      }
    }

    public Options withMediatorLanguage(Language l) {
      return new Options(l, theme, inactivity, warning, voice);
    }

    public Options withTheme(Theme t) {
      return new Options(mediatorLanguage, t, inactivity, warning, voice);
    }

    public Options withInactivity(Duration delay, Duration before) {
      return new Options(mediatorLanguage, theme, delay, before, voice);
    }

    public Options withVoice(Voice v) {
      return new Options(mediatorLanguage, theme, inactivity, warning, v);
    }
  }

  private final DelegatedAccess server;
  private final DocumentSink output;
  private final Clock clock;
  private final Options options;
  private Language language;
  private Language other;
  private Theme theme;
  private Screen screen = LoginScreen.fresh();
  private MediatorSession mediator;
  private Sitting sitting;
  private boolean quit;
  private long screenChanges;
  private int keptFiles;
  private Instant lastKey;
  private Say flash;
  private PendingActions pending = PendingActions.inMemory();

  /** A document the printer refused, kept in memory until it is saved or the sitting ends. */
  private Unprinted unprinted;

  private fr.guichet.print.FileSink fallback;
  private Runnable afterFirstScreen = () -> {};

  private record Unprinted(String fileName, byte[] pdf) {}

  public Kiosk(DelegatedAccess server, DocumentSink output, Language language, Clock clock) {
    this(server, output, language, clock, Options.DEFAULTS);
  }

  public Kiosk(
      DelegatedAccess server,
      DocumentSink output,
      Language language,
      Clock clock,
      Options options) {
    this.server = server;
    this.output = output;
    this.language = language;
    this.clock = clock;
    this.options = options;
    this.theme = options.theme();
    this.other =
        language != options.mediatorLanguage()
            ? options.mediatorLanguage()
            : language == Language.ENGLISH ? Language.FRENCH : Language.ENGLISH;
    this.lastKey = clock.instant();
  }

  /**
   * One key press: it stops a reading aloud and counts as activity; during the inactivity warning
   * any key only extends the sitting; otherwise global keys first, then the current screen's.
   */
  public synchronized void press(Key key) {
    options.voice().stop();
    lastKey = clock.instant();
    flash = null;
    Screen before = screen;
    if (screen instanceof StillThereScreen still) {
      screen = still.back();
    } else if (key.isFunction(KeyMap.LANGUAGE)) {
      choose(other);
    } else if (key.isFunction(KeyMap.LANGUAGES) && !(screen instanceof LanguageScreen)) {
      screen = LanguageScreen.over(screen, language);
    } else if (key.isFunction(KeyMap.HELP) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, screen.helpTopic());
    } else if (key.isFunction(KeyMap.SUPPORT) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, "support");
    } else if (key.isFunction(KeyMap.LEGEND) && !(screen instanceof LegendScreen)) {
      screen = new LegendScreen(screen, 0);
    } else if (key.isFunction(KeyMap.LISTEN)) {
      readAloud();
    } else if (key.isFunction(KeyMap.THEME)) {
      theme = theme.next();
      flash =
          new Say(
              View.Tone.INFO,
              "theme.changed",
              Map.of("theme", new Say.Word("theme." + theme.id())));
    } else if (key.isFunction(KeyMap.PHONE) && !(screen instanceof QrScreen) && mediator != null) {
      screen = new QrScreen(screen);
    } else if (key.isFunction(KeyMap.SAVE) && unprinted != null) {
      flash = saveUnprinted();
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

  /**
   * The clock moves on: warns when the sitting has been idle for {@code inactivity - warning}, and
   * ends it (delegation revoked, screen cleared) at {@code inactivity}. Only while something of a
   * person is on this computer. Returns whether the view changed (the countdown did).
   */
  public synchronized boolean tick() {
    if (sitting == null && !screen.holdsPersonData()) {
      return false;
    }
    Duration idle = Duration.between(lastKey, clock.instant());
    if (idle.compareTo(options.inactivity()) >= 0) {
      options.voice().stop();
      boolean hadSitting = sitting != null;
      endSitting();
      screen = hadSitting ? new EndedScreen(true) : IdentifyScreen.fresh(Say.info("ended.idle"));
      flash = null;
      screenChanges++;
      return true;
    }
    if (idle.compareTo(options.inactivity().minus(options.warning())) >= 0) {
      if (!(screen instanceof StillThereScreen)) {
        screen = new StillThereScreen(screen);
        screenChanges++;
      }
      return true;
    }
    return false;
  }

  /** Seconds left before an idle sitting ends, rounded up (for the countdown). */
  long secondsLeft() {
    Duration left = options.inactivity().minus(Duration.between(lastKey, clock.instant()));
    return Math.max(0, (left.toMillis() + 999) / 1000);
  }

  /**
   * What is on screen: in the person's language, mirrored if right-to-left, the mediator's words
   * beside.
   */
  public synchronized View view() {
    View v = screen.view(this, Messages.of(language)).withDirection(language.rightToLeft());
    Language mediatorLanguage = options.mediatorLanguage();
    if (mediatorLanguage != language) {
      v =
          v.withAside(
              screen
                  .view(this, Messages.of(mediatorLanguage))
                  .withDirection(mediatorLanguage.rightToLeft()));
    }
    if (flash != null) {
      v = v.withNotice(flash.in(Messages.of(language)));
    }
    return v;
  }

  /** The same screen in the person's language only, in logical order (linear mode, read aloud). */
  public synchronized View personView() {
    View v = screen.view(this, Messages.of(language));
    return flash == null ? v : v.withNotice(flash.in(Messages.of(language)));
  }

  /** The person's view as plain text, top to bottom. */
  public String text() {
    return personView().asText();
  }

  /** The person's language becomes {@code next}; the one left is a key press away (F2). */
  void choose(Language next) {
    if (next != language) {
      other = language;
      language = next;
    }
  }

  private void readAloud() {
    Messages m = Messages.of(language);
    Voice.Reading r = options.voice().read(screen.view(this, m).asText(), language);
    flash =
        switch (r.outcome()) {
          case READING -> Say.info(r.fallback() ? "listen.fallback" : "listen.reading");
          case MISSING -> Say.error("listen.missing");
          case FAILED -> Say.error("listen.failed");
        };
  }

  /**
   * The frame every screen of a sitting shares: its title, the "for whom" line, the key reminders
   * (with Esc "back" when {@code back}).
   */
  View.Builder frame(Messages m, String title, boolean back) {
    return View.titled(title).forWhom(forWhom(m)).hints(hints(m, back));
  }

  /** The keys reminded at the bottom of every screen, according to what is possible now. */
  List<View.Hint> hints(Messages m, boolean back) {
    List<View.Hint> hints = new ArrayList<>();
    hints.add(new View.Hint("F1", m.text("key.help")));
    hints.add(new View.Hint("F2", m.text("key.language")));
    hints.add(new View.Hint("F3", m.text("key.support")));
    if (unprinted != null) {
      // Room for F8 in 80 columns: F4 and F5 still work and F1 lists them.
      hints.add(new View.Hint("F8", m.text("key.save")));
    } else {
      hints.add(new View.Hint("F4", m.text("key.legend")));
      hints.add(new View.Hint("F5", m.text("key.listen")));
    }
    if (sitting != null) {
      hints.add(new View.Hint("F10", m.text("key.end")));
    } else if (mediator != null) {
      hints.add(new View.Hint("F12", m.text("key.logout")));
    }
    if (back) {
      hints.add(new View.Hint(m.text("key.escape"), m.text("key.back")));
    }
    return hints;
  }

  /**
   * Ends the sitting: revokes the delegation on the server and forgets the person. Called on the
   * end key, on logout, and by the shutdown hook; safe to call twice.
   */
  public void endSitting() {
    Sitting ending = sitting;
    sitting = null;
    keptFiles = output.endSitting().size();
    unprinted = null;
    if (fallback != null) {
      fallback.endSitting();
    }
    if (ending != null && mediator != null) {
      for (fr.guichet.contract.Delegation d :
          ending.delegations()) { // the account's, and the profile assistant's
        try {
          server.revoke(mediator, d, RequestKey.random());
        } catch (ServerProblem e) {
          // The delegation expires on its own within the hour; the person's data is gone from here
          // anyway.
        }
      }
    }
  }

  /** Ends the sitting and the mediator's session: on quitting, and from the shutdown hook. */
  public synchronized void logoutOnExit() {
    options.voice().stop();
    logout();
  }

  void logout() {
    endSitting();
    MediatorSession leaving = mediator;
    mediator = null;
    if (leaving != null) {
      try {
        server.logout(leaving, RequestKey.random());
      } catch (ServerProblem e) {
        // The session ends on its own after inactivity.
      }
    }
    screen = LoginScreen.fresh();
  }

  /**
   * Prints a document, or says why not and keeps it for F8 (save to a file instead): a printer out
   * of paper never loses a receipt.
   */
  Say print(String fileName, byte[] pdf) {
    try {
      fr.guichet.print.Delivery d = output.deliver(fileName, pdf);
      unprinted = null;
      return Say.success(
          "print.done." + d.kind().name().toLowerCase(java.util.Locale.ROOT),
          Map.of("where", d.where()));
    } catch (fr.guichet.print.PrintFailure e) {
      unprinted = new Unprinted(fileName, pdf);
      return new Say(
          View.Tone.ERROR, "print.failed-save", Map.of("why", new Say.Word(e.messageKey())));
    }
  }

  private Say saveUnprinted() {
    try {
      if (fallback == null) {
        fallback =
            fr.guichet.print.FileSink.workingCopies(
                java.nio.file.Files.createTempDirectory("guichet-saved-"));
      }
      fr.guichet.print.Delivery d = fallback.deliver(unprinted.fileName(), unprinted.pdf());
      unprinted = null;
      return Say.success("print.done.file", Map.of("where", d.where()));
    } catch (fr.guichet.print.PrintFailure | java.io.IOException e) {
      return Say.error("print.error.file");
    }
  }

  /**
   * Work the first screen must not wait for (building the API client's JSON mapping), done once the
   * adapter has shown it: the mediator reads and types meanwhile.
   */
  public void afterFirstScreen(Runnable work) {
    this.afterFirstScreen = work;
  }

  /** Called by the adapters once the first screen is on view; does the work given above, once. */
  public void firstScreenShown() {
    Runnable work = afterFirstScreen;
    afterFirstScreen = () -> {};
    work.run();
  }

  /** Where confirmed actions wait for the server's answer (a file survives a restart). */
  public void usePendingActions(PendingActions store) {
    this.pending = store;
  }

  PendingActions pending() {
    return pending;
  }

  /**
   * What the mediator must know after login: actions confirmed before that may not have reached the
   * server.
   */
  Say pendingNotice() {
    List<PendingActions.Pending> all = pending.all();
    if (all.isEmpty()) {
      return null;
    }
    PendingActions.Pending first = all.get(0);
    return new Say(
        View.Tone.WAIT,
        "flow.pending",
        Map.of(
            "count",
            all.size(),
            "action",
            new Say.Word("action." + first.action()),
            "when",
            java.time.format.DateTimeFormatter.ofPattern("dd/MM HH:mm")
                .format(first.at().atZone(clock.getZone()))));
  }

  /**
   * Records the person's consent to one more scope for the rest of the sitting (the mediator has
   * just attested their yes): a new delegation with the scopes so far plus this one replaces the
   * old, which is revoked. Null when recorded, else why not.
   */
  Say widenConsent(String scope, String textVersion) {
    java.util.Set<String> scopes = new java.util.LinkedHashSet<>(sitting.delegation().scopes());
    scopes.add(scope);
    try {
      fr.guichet.contract.Delegation d =
          server.consent(
              mediator,
              new fr.guichet.contract.ConsentRequest(
                  sitting.person().identificationId(),
                  sitting.target() == null ? null : sitting.target().personId(),
                  List.copyOf(scopes),
                  ConsentScreen.MINUTES,
                  language.tag(),
                  textVersion,
                  true,
                  true),
              RequestKey.random());
      fr.guichet.contract.Delegation old = sitting.delegation();
      sitting = sitting.withDelegation(d);
      revokeQuietly(old);
      return null;
    } catch (ServerProblem e) {
      return Say.problem(e.problem());
    }
  }

  /**
   * On a demo server only (one that answers its demo outbox), the message it has just "sent" with a
   * one-time code, said as a demo message so that the code can be typed; null on a real server.
   */
  Say demoOutbox() {
    return server
        .demoMessage(mediator)
        .map(message -> new Say(View.Tone.INFO, "demo.outbox", Map.of("message", message)))
        .orElse(null);
  }

  /**
   * Revokes a delegation replaced by a wider one; it expires on its own if the server does not
   * answer.
   */
  void revokeQuietly(fr.guichet.contract.Delegation old) {
    if (old == null || mediator == null) {
      return;
    }
    try {
      server.revoke(mediator, old, RequestKey.random());
    } catch (ServerProblem e) {
      // It expires within the hour anyway, and the new delegation is the one in use.
    }
  }

  /**
   * How many documents of the last sitting stay on disk because the operator chose a save folder.
   */
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

  public Language mediatorLanguage() {
    return options.mediatorLanguage();
  }

  public Theme theme() {
    return theme;
  }

  Voice voice() {
    return options.voice();
  }

  /** Whether the server answered the last call: the network indicator on every screen. */
  public boolean online() {
    return server.reachable();
  }

  /** Whether a sitting (a person's consent and delegation) is in progress. */
  public boolean inSitting() {
    return sitting != null;
  }

  void requestQuit() {
    quit = true;
  }

  DelegatedAccess server() {
    return server;
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
    String line =
        m.text(
            "sitting.for-whom",
            Map.of("name", sitting.displayName(), "year", String.valueOf(sitting.birthYear())));
    if (sitting.target() == null) {
      return line;
    }
    return line
        + " · "
        + m.text(
            "sitting.by." + sitting.target().actingKind(),
            Map.of("name", sitting.person().firstName() + " " + sitting.person().lastName()));
  }
}
