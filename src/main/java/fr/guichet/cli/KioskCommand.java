package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.kiosk.PlainKiosk;
import fr.guichet.kiosk.Theme;
import fr.guichet.kiosk.http.DelegatedAccessOverHttp;
import fr.guichet.kiosk.lanterna.LanternaKiosk;
import fr.guichet.print.DocumentSink;
import fr.guichet.print.FileSink;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.PrinterSink;
import fr.guichet.print.ReceiptLink;
import fr.guichet.sandbox.SandboxServer;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code guichet kiosk}: the full-screen kiosk, against a running server ({@code --api}) or an
 * embedded one with the demo people ({@code --demo}); in the person's language with the mediator's
 * beside, in a theme, in a large-text window ({@code --window}) or as plain lines for screen
 * readers ({@code --plain}). A counter PC keeps these settings in a file ({@code --config}, see
 * {@link KioskConfig}); an option on the command line wins over the file.
 */
@Command(
    name = "kiosk",
    mixinStandardHelpOptions = true,
    description = {
      "Open the kiosk: full screen, keyboard only.",
      "With --demo, an embedded reference server with fictional people starts first (see the README)."
    })
public final class KioskCommand implements Callable<Integer> {
  /** The embedded demo server's folder: this prefix, the kiosk's process id, a random part. */
  private static final String DEMO_PREFIX = "guichet-demo-";

  static final class Target {
    @Option(
        names = "--demo",
        required = true,
        description =
            "Start an embedded reference server on a free loopback port, with the demo people.")
    boolean demo;

    @Option(
        names = "--api",
        required = true,
        description = "Address of a running delegated-access server.")
    String api;
  }

  /** Either here or in the configuration file ({@code api = URL}, {@code demo = true}). */
  @ArgGroup(multiplicity = "0..1")
  Target target;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read the settings from FILE: 'key = value' lines,"
              + " each key a long option without its dashes (see kiosk/guichet.conf.example). Options given here win.")
  Path config;

  @Option(
      names = "--lang",
      description =
          "The person's language at start: fr, fr-x-falc (easy-to-read French), en, ar,"
              + " pt, tr, es, ro, ht (default: ${DEFAULT-VALUE}). F6 lists them all; F2 goes back to the one before.",
      defaultValue = "fr")
  String lang;

  @Option(
      names = "--mediator-lang",
      description =
          "The mediator's language, drawn small under the person's when they"
              + " differ (default: ${DEFAULT-VALUE}).",
      defaultValue = "fr")
  String mediatorLang;

  @Option(
      names = "--theme",
      description =
          "Colours: default, high-contrast (7:1 and more), monochrome (the terminal's"
              + " own colours, bold and reverse video). F7 changes them (default: ${DEFAULT-VALUE}).",
      defaultValue = "default")
  String theme;

  @Option(
      names = "--window",
      description =
          "Large text: open the kiosk in a window of its own, maximised, with a font"
              + " sized so that 80x24 fills the screen. Needs a graphical display.")
  boolean window;

  @Option(
      names = "--plain",
      description =
          "Plain lines for screen readers and braille displays: no full-screen"
              + " drawing; each screen is printed once, and keys are typed as lines (/f1 ... /f12, /esc; see F1).")
  boolean plain;

  @Option(
      names = "--idle-minutes",
      description =
          "Minutes without a key before a sitting ends on its own, the"
              + " delegation revoked and the screen cleared (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int idleMinutes;

  @Option(
      names = "--idle-warning-seconds",
      description =
          "Seconds of visible countdown before that end; any key"
              + " extends the sitting, as often as needed (default: ${DEFAULT-VALUE}, at least 20).",
      defaultValue = "60")
  int idleWarningSeconds;

  @Option(names = "--printer", description = "Name of the printer (CUPS) for documents.")
  String printer;

  @Option(
      names = "--paper",
      paramLabel = "PAPER",
      converter = PrintOptions.PaperConverter.class,
      description =
          "The printer's paper: a4, or 80mm for a receipt printer's roll (default: ${DEFAULT-VALUE}).",
      defaultValue = "a4")
  Paper paper;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = PrintOptions.ZoneConverter.class,
      description =
          "The counter's time zone, e.g. Europe/Paris or America/Cayenne, for the screen, the"
              + " paper and the consent (default: the machine's zone).")
  ZoneId zone;

  @Option(
      names = "--save-dir",
      description =
          "Directory where documents are saved and kept when no printer is named."
              + " Without it, documents are working copies in a temporary folder, deleted at the end of each sitting.")
  Path saveDir;

  @Option(
      names = "--pending-file",
      paramLabel = "FILE",
      description =
          "Where actions confirmed but not yet answered by"
              + " the server are kept, so that after a restart the mediator is told which one may be unconfirmed"
              + " (default: $XDG_STATE_HOME/guichet/pending-actions, or ~/.local/state/guichet/pending-actions; none with --demo).")
  Path pendingFile;

  @Spec CommandSpec spec;

  /**
   * How this counter prints, from {@code --paper}, {@code --zone} and the languages: the kiosk lays
   * its documents out on this paper and writes their times in this zone (its clock's), and names in
   * their QR codes the verification page the server gives at login.
   */
  PrintSettings printSettings;

  @Override
  public Integer call() throws IOException {
    applyConfig();
    Language language = language(lang);
    Language mediatorLanguage = language(mediatorLang);
    Theme colours =
        Theme.fromName(theme)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "Unknown theme '" + theme + "': use " + Theme.names() + "."));
    if (window && plain) {
      throw new ParameterException(
          spec.commandLine(), "--window and --plain do not go together: choose one.");
    }
    Kiosk.Options options;
    try {
      options =
          Kiosk.Options.DEFAULTS
              .withMediatorLanguage(mediatorLanguage)
              .withTheme(colours)
              .withInactivity(
                  Duration.ofMinutes(idleMinutes), Duration.ofSeconds(idleWarningSeconds));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--idle-warning-seconds must be at least 20 and shorter than" + " --idle-minutes.");
    }
    if (window && GraphicsEnvironment.isHeadless()) {
      spec.commandLine()
          .getErr()
          .println(
              "--window needs a graphical display, and there is none here"
                  + (System.getenv("DISPLAY") == null ? " (DISPLAY is not set)" : "")
                  + ". Run the kiosk in a text terminal without --window, or start it from the desktop.");
      return 2;
    }
    Path demoData = null;
    SandboxServer server = null;
    String url = target.api;
    if (target.demo) {
      // Named by this process, so that the next kiosk removes it if this one is killed.
      Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
      FileSink.clearLeftovers(temporary, DEMO_PREFIX);
      demoData =
          Files.createTempDirectory(temporary, DEMO_PREFIX + ProcessHandle.current().pid() + "-");
      // Nothing may write over the kiosk's screen: the embedded server logs to a file.
      System.setProperty(
          "org.slf4j.simpleLogger.logFile", demoData.resolve("sandbox.log").toString());
      server = SandboxServer.start(SandboxServer.Options.demo(demoData));
      url = server.url();
    }
    ApiClient api = new ApiClient(url);
    // Whether the server answers, asked on a thread of its own while the terminal is set up (the
    // JSON mapping is not needed for that); nothing is drawn before the answer.
    FutureTask<ApiException> ping =
        new FutureTask<>(
            () -> {
              try {
                api.ping();
                return null;
              } catch (ApiException e) {
                return e;
              }
            });
    Thread pinging = new Thread(ping, "api-ping");
    pinging.setDaemon(true);
    pinging.start();
    // A person's documents left by a kiosk that was killed or lost power go first.
    FileSink.clearLeftovers();
    DocumentSink sink =
        printer != null
            ? new PrinterSink(printer)
            : saveDir != null ? FileSink.kept(saveDir) : FileSink.temporary();
    ZoneId counter = zone != null ? zone : ZoneId.systemDefault();
    printSettings =
        PrintSettings.of(language)
            .withPaper(paper)
            .withZone(counter)
            .withMediator(mediatorLanguage)
            .withLink(ReceiptLink.of(url));
    Kiosk kiosk =
        new Kiosk(
            DelegatedAccessOverHttp.at(url),
            sink,
            language,
            Clock.system(printSettings.zone()),
            options.withPaper(printSettings.paper()));
    Path pending = pendingFile != null ? pendingFile : target.demo ? null : defaultPendingFile();
    kiosk.usePendingActions(
        pending == null ? PendingActions.inMemory() : PendingActions.inFile(pending));
    kiosk.afterFirstScreen(() -> warmUp(api));
    Thread cleanup = new Thread(kiosk::logoutOnExit, "kiosk-shutdown");
    ApiException unanswered = null;
    try {
      if (plain) {
        unanswered = answer(ping);
        if (unanswered == null) {
          // Whatever ends the program (a key, Ctrl+C, a kill), the delegation is revoked.
          Runtime.getRuntime().addShutdownHook(cleanup);
          new PlainKiosk(
                  kiosk,
                  new InputStreamReader(System.in, StandardCharsets.UTF_8),
                  new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
              .run();
        }
      } else {
        LanternaKiosk opened;
        try {
          opened = window ? LanternaKiosk.inWindow(kiosk) : LanternaKiosk.onSystemTerminal(kiosk);
        } catch (IOException | RuntimeException e) {
          // No terminal to draw on: a server that does not answer is still what is said first.
          unanswered = answer(ping);
          if (unanswered == null) {
            throw e;
          }
          opened = null;
        }
        if (opened != null) {
          try (LanternaKiosk ui = opened) {
            unanswered = answer(ping);
            if (unanswered == null) {
              Runtime.getRuntime().addShutdownHook(cleanup);
              ui.run();
            }
          }
        }
      }
    } catch (LanternaKiosk.NoDisplay e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    } finally {
      kiosk.logoutOnExit();
      Runtime.getRuntime().removeShutdownHook(cleanup); // false when it was not added
      if (server != null) {
        server.close();
        deleteTree(demoData);
      }
    }
    if (unanswered != null) {
      // Said once the full screen is left, so that it stays on the terminal.
      spec.commandLine()
          .getErr()
          .println("The server at " + url + " does not answer: " + unanswered.getMessage());
      return 2;
    }
    return 0;
  }

  /**
   * Takes from the configuration file every setting the command line did not give. The file is
   * checked whole first: a bad line stops the kiosk before anything starts.
   */
  private void applyConfig() {
    if (config == null) {
      if (target == null) {
        throw missingTarget("");
      }
      return;
    }
    KioskConfig file;
    try {
      file = KioskConfig.read(config);
    } catch (KioskConfig.Invalid e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ParseResult given = spec.commandLine().getParseResult();
    if (target == null) {
      Target fromFile = new Target();
      fromFile.demo = file.flag(KioskConfig.DEMO).orElse(false);
      fromFile.api = file.text(KioskConfig.API).orElse(null);
      if (!fromFile.demo && fromFile.api == null) {
        throw missingTarget(" (the file " + config + " has neither 'api = URL' nor 'demo = true')");
      }
      target = fromFile;
    }
    if (!given.hasMatchedOption("--pending-file")) {
      file.path(KioskConfig.PENDING_FILE).ifPresent(p -> pendingFile = p);
    }
    if (!given.hasMatchedOption("--lang")) {
      file.language(KioskConfig.LANG).ifPresent(l -> lang = l.tag());
    }
    if (!given.hasMatchedOption("--mediator-lang")) {
      file.language(KioskConfig.MEDIATOR_LANG).ifPresent(l -> mediatorLang = l.tag());
    }
    if (!given.hasMatchedOption("--paper")) {
      file.paper().ifPresent(p -> paper = p);
    }
    if (!given.hasMatchedOption("--zone")) {
      file.zone().ifPresent(z -> zone = z);
    }
    if (!given.hasMatchedOption("--theme")) {
      file.theme().ifPresent(t -> theme = t.id());
    }
    if (!given.hasMatchedOption("--idle-minutes")) {
      file.whole(KioskConfig.IDLE_MINUTES).ifPresent(n -> idleMinutes = n);
    }
    if (!given.hasMatchedOption("--idle-warning-seconds")) {
      file.whole(KioskConfig.IDLE_WARNING_SECONDS).ifPresent(n -> idleWarningSeconds = n);
    }
    if (!given.hasMatchedOption("--window") && !given.hasMatchedOption("--plain")) {
      file.flag(KioskConfig.WINDOW).ifPresent(b -> window = b);
      file.flag(KioskConfig.PLAIN).ifPresent(b -> plain = b);
    }
    // A printer or a folder named on the command line replaces the file's choice of output.
    if (!given.hasMatchedOption("--printer") && !given.hasMatchedOption("--save-dir")) {
      file.text(KioskConfig.PRINTER).ifPresent(p -> printer = p);
      file.path(KioskConfig.SAVE_DIR).ifPresent(p -> saveDir = p);
    }
    file.text(KioskConfig.STRUCTURE)
        .ifPresent(
            s ->
                spec.commandLine()
                    .getErr()
                    .println(
                        "guichet kiosk: "
                            + s
                            + ", server "
                            + (target.demo ? "embedded (demo)" : target.api)
                            + ", settings from "
                            + config
                            + "."));
    spec.commandLine().getErr().flush();
  }

  /** The ping's failure, or null when the server answered. */
  private static ApiException answer(FutureTask<ApiException> ping) {
    try {
      return ping.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the server's answer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("The server's ping failed unexpectedly", e.getCause());
    }
  }

  /**
   * A first typed call in the background, once the login screen is shown: it builds the JSON
   * mapping, so that the mediator's login does not wait for it. A failure is for the network
   * indicator, which it updates, to show.
   */
  private static void warmUp(ApiClient api) {
    Thread warmUp =
        new Thread(
            () -> {
              try {
                api.health();
              } catch (ApiException e) {
                // The network indicator now says the server is unreachable; the next call tries
                // again.
              }
            },
            "api-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** The XDG state directory: what must survive a restart, and is no one's document. */
  static Path defaultPendingFile() {
    String state = System.getenv("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("guichet").resolve("pending-actions");
  }

  private ParameterException missingTarget(String why) {
    return new ParameterException(
        spec.commandLine(),
        "Missing the server: give --demo or --api URL"
            + (config == null ? ", or --config FILE with 'api = URL'" : why)
            + ".");
  }

  private Language language(String tag) {
    return Language.fromTag(tag)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "Unknown language '" + tag + "': use one of " + Language.tags() + "."));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the demo data in " + dir, e);
    }
  }
}
