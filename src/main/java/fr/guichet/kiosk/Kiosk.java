package fr.guichet.kiosk;

import fr.guichet.contract.MediatorSession;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.DocumentSink;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.ReceiptLink;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The kiosk: which screen is shown, the keys that work on every screen, and what the screens ask
 * for, done. A screen decides ({@link Screen#onKey} returns a {@link Step}: the next screen and its
 * {@link Effect}s); the kiosk acts: it asks the server through the {@link Runner} (off the UI
 * thread, a waiting screen at once, the answer handed back to the screen), prints ({@link
 * Printing}), begins and ends the sitting ({@link Session}), and watches the clock ({@link
 * Inactivity}). Terminal-free: the Lanterna adapter (or the plain linear mode) feeds it keys and
 * ticks and draws its {@link #view()}; tests do the same without a terminal.
 *
 * <pre>{@code
 * Kiosk kiosk = new Kiosk(DelegatedAccessOverHttp.at(url), new FileSink(dir), Language.ARABIC,
 *     Clock.systemUTC(), Kiosk.Options.DEFAULTS.withTheme(Theme.HIGH_CONTRAST));
 * kiosk.press(Key.of('c'));
 * kiosk.settle();          // often: the server's answers, back to the screens that asked
 * kiosk.tick();            // every 250 ms: the inactivity countdown, the next try of a call
 * View v = kiosk.view();   // Arabic, mirrored, with the French words small beside
 * }</pre>
 */
public final class Kiosk {
  /** How long the kiosk gives the server, when the program ends, to revoke and log out. */
  static final Duration LEAVING = Duration.ofSeconds(1);

  /**
   * How this kiosk is set up.
   *
   * @param mediatorLanguage the mediator's language, drawn small when the person's differs
   * @param inactivity how long without a key before a sitting ends on its own
   * @param warning how long before that end the countdown shows (at least 20 s, WCAG 2.2.1)
   * @param calls where the calls to the server run: worker threads, or the caller's thread in tests
   *     that want every answer at once
   * @param paper the printer's paper (the counter's time zone is its clock's)
   */
  public record Options(
      Language mediatorLanguage,
      Theme theme,
      Duration inactivity,
      Duration warning,
      Voice voice,
      Executor calls,
      Paper paper) {
    public static final Options DEFAULTS =
        new Options(
            Language.FRENCH,
            Theme.DEFAULT,
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Voice.espeak(),
            workers(),
            Paper.A4);

    public Options {
      if (warning.compareTo(Duration.ofSeconds(20)) < 0 || warning.compareTo(inactivity) >= 0) {
        throw new IllegalArgumentException(
            "The warning must last at least 20 seconds and less than the inactivity delay");
      }
    }

    public Options withMediatorLanguage(Language l) {
      return new Options(l, theme, inactivity, warning, voice, calls, paper);
    }

    public Options withTheme(Theme t) {
      return new Options(mediatorLanguage, t, inactivity, warning, voice, calls, paper);
    }

    public Options withInactivity(Duration delay, Duration before) {
      return new Options(mediatorLanguage, theme, delay, before, voice, calls, paper);
    }

    public Options withVoice(Voice v) {
      return new Options(mediatorLanguage, theme, inactivity, warning, v, calls, paper);
    }

    public Options withCalls(Executor e) {
      return new Options(mediatorLanguage, theme, inactivity, warning, voice, e, paper);
    }

    public Options withPaper(Paper p) {
      return new Options(mediatorLanguage, theme, inactivity, warning, voice, calls, p);
    }
  }

  /** Daemon threads for the calls: they never keep a program that ends alive. */
  private static ExecutorService workers() {
    return Executors.newCachedThreadPool(
        work -> {
          Thread t = new Thread(work, "kiosk-call");
          t.setDaemon(true);
          return t;
        });
  }

  private final DelegatedAccess server;
  private final Clock clock;
  private final Options options;
  private final Session session = new Session();
  private final Printing printing;
  private final Inactivity inactivity;
  private final Runner runner;
  private Language language;
  private Language other;
  private Theme theme;
  private Screen screen = LoginScreen.fresh();
  private ReceiptLink link = ReceiptLink.NONE;
  private boolean quit;
  private long screenChanges;
  private Say flash;
  private Runnable afterFirstScreen = () -> {};
  private volatile boolean typedAsLines;

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
    this.clock = clock;
    this.options = options;
    this.language = language;
    this.theme = options.theme();
    this.other =
        language != options.mediatorLanguage()
            ? options.mediatorLanguage()
            : language == Language.ENGLISH ? Language.FRENCH : Language.ENGLISH;
    this.printing = new Printing(output);
    this.inactivity = new Inactivity(clock, options.inactivity(), options.warning());
    this.runner = new Runner(server, clock, options.calls());
  }

  /**
   * One key press: it stops a reading aloud and counts as activity; during the inactivity warning
   * any key only extends the sitting; otherwise the keys of every screen first, then the current
   * screen's. While the kiosk waits for the server, the waiting screen answers every key at once
   * (Esc stops waiting), and only the keys that need no screen of their own work (F2, F5, F7, F8,
   * F10, F12).
   */
  public synchronized void press(Key key) {
    options.voice().stop();
    inactivity.touch();
    flash = null;
    Screen before = unwaited(screen);
    if (screen instanceof StillThereScreen still) {
      screen = still.back();
    } else if (!everywhere(key)) {
      apply(screen.onKey(key, this));
    }
    settle();
    counted(before);
  }

  /** The keys of every screen; false when the key is the screen's. */
  private boolean everywhere(Key key) {
    boolean waiting = screen instanceof WaitScreen;
    if (key.isFunction(KeyMap.LANGUAGE)) {
      choose(other);
    } else if (key.isFunction(KeyMap.LISTEN)) {
      readAloud();
    } else if (key.isFunction(KeyMap.THEME)) {
      theme = theme.next();
      flash =
          new Say(
              View.Tone.INFO,
              "theme.changed",
              Map.of("theme", new Say.Word("theme." + theme.id())));
    } else if (key.isFunction(KeyMap.SAVE) && printing.holdsUnprinted()) {
      flash = printing.saveUnprinted();
    } else if (key.isFunction(KeyMap.END_SITTING) && session.sitting() != null) {
      endSitting();
      screen = new EndedScreen();
    } else if (key.isFunction(KeyMap.LOGOUT) && session.mediator() != null) {
      logout();
    } else if (waiting) {
      return false;
    } else if (key.isFunction(KeyMap.LANGUAGES) && !(screen instanceof LanguageScreen)) {
      screen = LanguageScreen.over(screen, language);
    } else if (key.isFunction(KeyMap.HELP) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, screen.helpTopic());
    } else if (key.isFunction(KeyMap.SUPPORT) && !(screen instanceof HelpScreen)) {
      screen = new HelpScreen(screen, "support");
    } else if (key.isFunction(KeyMap.LEGEND) && !(screen instanceof LegendScreen)) {
      screen = new LegendScreen(screen, 0);
    } else if (key.isFunction(KeyMap.PHONE)
        && !(screen instanceof QrScreen)
        && session.mediator() != null) {
      screen = new QrScreen(screen);
    } else {
      return false;
    }
    return true;
  }

  /** Shows the step's screen and does its effects, in order. */
  private void apply(Step step) {
    screen = step.screen();
    for (Effect effect : step.effects()) {
      act(effect);
    }
  }

  private void act(Effect effect) {
    if (effect instanceof Effect.Call<?> call) {
      runner.start(call);
      screen = new WaitScreen(screen, null);
    } else if (effect instanceof Effect.Print print) {
      flash = printing.print(print.fileName(), print.pdf());
    } else if (effect instanceof Effect.ChangeSitting change) {
      session.change(change.change());
    } else if (effect instanceof Effect.LogIn login) {
      logIn(login);
    } else if (effect instanceof Effect.Choose choice) {
      choose(choice.language());
    } else if (effect instanceof Effect.Command command) {
      switch (command) {
        case END_SITTING -> endSitting();
        case QUIT -> quit = true;
        case STOP_WAITING -> {
          flash = Say.info(runner.confirmed() ? "wait.stopped.pending" : "wait.stopped");
          runner.stop();
        }
        case RETRY_NOW -> runner.retryNow();
      }
    }
  }

  /**
   * Hands the server's answers to the screens that asked; the UI loops call it often. Returns
   * whether the view changed.
   */
  public synchronized boolean settle() {
    Runner.Waiting waited = runner.waiting();
    boolean changed = false;
    Step next;
    while ((next = runner.settle()) != null) {
      Screen before = unwaited(screen);
      boolean stillThere = screen instanceof StillThereScreen;
      apply(next);
      if (stillThere) {
        screen = new StillThereScreen(screen); // the countdown stays up until a key
      }
      counted(before);
      changed = true;
    }
    return changed || !Objects.equals(waited, runner.waiting());
  }

  /**
   * The clock moves on: the next try of a call the network failed; and the inactivity watch, only
   * while something of a person is on this computer: it warns when the sitting has been idle for
   * {@code inactivity - warning}, and ends it (delegation revoked, screen cleared) at {@code
   * inactivity}. Returns whether the view changed (a countdown did).
   */
  public synchronized boolean tick() {
    boolean changed = settle();
    changed |= runner.tick();
    changed |= settle();
    if (session.sitting() == null && !screen.holdsPersonData()) {
      return changed;
    }
    switch (inactivity.now()) {
      case END -> {
        options.voice().stop();
        boolean hadSitting = session.sitting() != null;
        endSitting();
        screen = hadSitting ? new EndedScreen(true) : IdentifyScreen.fresh(Say.info("ended.idle"));
        flash = null;
        screenChanges++;
        return true;
      }
      case WARN -> {
        if (!(screen instanceof StillThereScreen)) {
          screen = new StillThereScreen(screen);
          screenChanges++;
        }
        return true;
      }
      default -> {
        return changed;
      }
    }
  }

  /** The screen under the waiting screen: waiting is not a new screen to clear the terminal for. */
  private static Screen unwaited(Screen s) {
    return s instanceof WaitScreen w ? w.from() : s;
  }

  private void counted(Screen before) {
    if (unwaited(screen).getClass() != before.getClass()) {
      screenChanges++;
    }
  }

  /** Seconds left before an idle sitting ends, rounded up (for the countdown). */
  long secondsLeft() {
    return inactivity.secondsLeft();
  }

  /**
   * What is on screen: in the person's language, mirrored if right-to-left, the mediator's words
   * beside when the mediator needs them (not between French and easy-to-read French).
   */
  public synchronized View view() {
    View v = present(Messages.of(language)).withDirection(language.rightToLeft());
    Language mediatorLanguage = options.mediatorLanguage();
    if (language.needsTranslationFor(mediatorLanguage)) {
      v =
          v.withAside(
              present(Messages.of(mediatorLanguage)).withDirection(mediatorLanguage.rightToLeft()));
    }
    return v;
  }

  private View present(Messages m) {
    View v = screen.view(this, m);
    return flash == null ? v : v.withNotice(flash.in(m));
  }

  /** The same screen in the person's language only, in logical order (linear mode, read aloud). */
  public synchronized View personView() {
    return present(Messages.of(language));
  }

  /** The person's view as plain text, top to bottom. */
  public String text() {
    return personView().asText();
  }

  /** The person's language becomes {@code next}; the one left is a key press away (F2). */
  private void choose(Language next) {
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
    if (printing.holdsUnprinted()) {
      // Room for F8 in 80 columns: F4 and F5 still work and F1 lists them.
      hints.add(new View.Hint("F8", m.text("key.save")));
    } else {
      hints.add(new View.Hint("F4", m.text("key.legend")));
      hints.add(new View.Hint("F5", m.text("key.listen")));
    }
    if (session.sitting() != null) {
      hints.add(new View.Hint("F10", m.text("key.end")));
    } else if (session.mediator() != null) {
      hints.add(new View.Hint("F12", m.text("key.logout")));
    }
    if (back) {
      hints.add(new View.Hint(m.text("key.escape"), m.text("key.back")));
    }
    return hints;
  }

  /**
   * Ends the sitting: stops waiting for the server, forgets the person and their documents, and
   * ends the sitting on the server in the background: every delegation of it is revoked there, and
   * its identification gives no consent any more (the delegations expire on their own if the server
   * does not answer). Called on the end key, on logout, on inactivity, when the person says no;
   * safe to call twice.
   */
  public synchronized void endSitting() {
    runner.stop();
    Sitting ending = session.endSitting();
    printing.endSitting();
    MediatorSession me = session.mediator();
    if (ending != null && me != null) {
      String identification = ending.person().identificationId();
      runner.background(
          (s, key) -> {
            s.endSitting(me, identification, key);
            return null;
          });
    }
  }

  /**
   * Ends the sitting and the mediator's session: on quitting, on Ctrl+C and from the shutdown hook.
   * Gives the server {@link #LEAVING} to answer, no more: the session ends on its own anyway.
   */
  public void logoutOnExit() {
    synchronized (this) {
      options.voice().stop();
      logout();
    }
    runner.awaitQuiet(LEAVING);
  }

  private void logout() {
    endSitting();
    MediatorSession leaving = session.logOut();
    runner.pending().lock();
    if (leaving != null) {
      runner.background(
          (s, key) -> {
            s.logout(leaving, key);
            return null;
          });
    }
    screen = LoginScreen.fresh();
  }

  /**
   * Logs the mediator in, then opens the identification, saying first which confirmed actions may
   * be unconfirmed; their names are unlocked on the worker, with the password, which is not kept.
   */
  private void logIn(Effect.LogIn login) {
    PendingActions pending = runner.pending();
    act(
        Effect.Call.send(
            (s, key) -> {
              MediatorSession me = s.login(login.login());
              pending.unlock(login.login().password());
              return new LoggedIn(me, s.verifyPage());
            },
            in -> {
              session.logIn(in.session());
              link = ReceiptLink.to(in.verifyPage());
              return IdentifyScreen.fresh(pendingNotice());
            },
            login.refused()));
  }

  /** The mediator's session, and the page the QR codes of this server's receipts name. */
  private record LoggedIn(MediatorSession session, String verifyPage) {}

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

  /** The keys come as lines ({@link PlainKiosk}): the help says which line is which key. */
  void typeAsLines() {
    typedAsLines = true;
  }

  boolean typedAsLines() {
    return typedAsLines;
  }

  /** Where confirmed actions wait for the server's answer (a file survives a restart). */
  public void usePendingActions(PendingActions store) {
    runner.use(store);
  }

  /** Whether a call to the server is under way (the adapters' tests wait for its answer). */
  public synchronized boolean busy() {
    return runner.busy();
  }

  /**
   * What the mediator must know after login: actions confirmed before that may not have reached the
   * server, and for whom when this mediator confirmed it.
   */
  Say pendingNotice() {
    List<PendingActions.Pending> all = runner.pending().all();
    if (all.isEmpty()) {
      return null;
    }
    PendingActions.Pending first = all.get(0);
    Map<String, Object> args = new HashMap<>();
    args.put("count", all.size());
    args.put("action", new Say.Word("action." + first.action()));
    args.put(
        "when",
        DateTimeFormatter.ofPattern("dd/MM HH:mm").format(first.at().atZone(clock.getZone())));
    if (first.name() == null) {
      return new Say(View.Tone.WAIT, "flow.pending", args);
    }
    args.put("name", first.name());
    return new Say(View.Tone.WAIT, "flow.pending.named", args);
  }

  /** What the kiosk waits for from the server, or null. */
  Runner.Waiting waiting() {
    return runner.waiting();
  }

  /** Seconds before the next try of a call the network failed. */
  long secondsToRetry() {
    return runner.secondsToRetry();
  }

  /**
   * How many documents of the last sitting stay on disk because the operator chose a save folder.
   */
  int keptFiles() {
    return printing.keptFiles();
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

  /** Whether the server answered the last call: the network indicator on every screen. */
  public boolean online() {
    return server.reachable();
  }

  /** Whether a sitting (a person's consent and delegation) is in progress. */
  public boolean inSitting() {
    return session.sitting() != null;
  }

  /**
   * How this counter prints, for the person's language of the moment: the paper, the counter's time
   * zone (the clock's, the screen's too), the mediator's language beside, and the verification page
   * the server named at login in every QR code.
   */
  PrintSettings printSettings() {
    return PrintSettings.of(language)
        .withPaper(options.paper())
        .withZone(clock.getZone())
        .withMediator(options.mediatorLanguage())
        .withLink(link);
  }

  Clock clock() {
    return clock;
  }

  Voice voice() {
    return options.voice();
  }

  MediatorSession mediator() {
    return session.mediator();
  }

  Sitting sitting() {
    return session.sitting();
  }

  /** The "for whom" line of the current sitting, or null. */
  String forWhom(Messages m) {
    Sitting sitting = session.sitting();
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
