package fr.guichet.cli;

import fr.guichet.api.ApiClient;
import fr.guichet.api.ApiException;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.lanterna.LanternaKiosk;
import fr.guichet.print.DocumentSink;
import fr.guichet.print.FileSink;
import fr.guichet.print.PrinterSink;
import fr.guichet.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code guichet kiosk}: the full-screen kiosk, against a running server ({@code --api}) or an
 * embedded one with the demo people ({@code --demo}).
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
    description = {"Open the kiosk: full screen, keyboard only.",
        "With --demo, an embedded reference server with fictional people starts first (see the README)."})
public final class KioskCommand implements Callable<Integer> {
  static final class Target {
    @Option(names = "--demo", required = true,
        description = "Start an embedded reference server on a free loopback port, with the demo people.")
    boolean demo;

    @Option(names = "--api", required = true, description = "Address of a running delegated-access server.")
    String api;
  }

  @ArgGroup(multiplicity = "1")
  Target target;

  @Option(names = "--lang", description = "Language at start: fr or en (default: ${DEFAULT-VALUE}). F2 changes it.",
      defaultValue = "fr")
  String lang;

  @Option(names = "--printer", description = "Name of the printer (CUPS) for documents.")
  String printer;

  @Option(names = "--save-dir", description = "Directory where documents are saved and kept when no printer is named."
      + " Without it, documents are working copies in a temporary folder, deleted at the end of each sitting.")
  Path saveDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Language language = Language.fromTag(lang).orElseThrow(() -> new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Unknown language '" + lang + "': use fr or en."));
    Path demoData = null;
    SandboxServer server = null;
    String url = target.api;
    if (target.demo) {
      demoData = Files.createTempDirectory("guichet-demo-");
      // Nothing may write over the kiosk's screen: the embedded server logs to a file.
      System.setProperty("org.slf4j.simpleLogger.logFile", demoData.resolve("sandbox.log").toString());
      server = SandboxServer.start(SandboxServer.Options.demo(demoData));
      url = server.url();
    }
    ApiClient api = new ApiClient(url);
    try {
      api.health();
    } catch (ApiException e) {
      spec.commandLine().getErr().println("The server at " + url + " does not answer: " + e.getMessage());
      return 2;
    }
    DocumentSink sink = printer != null ? new PrinterSink(printer)
        : saveDir != null ? FileSink.kept(saveDir)
        : FileSink.workingCopies(Files.createTempDirectory("guichet-documents-"));
    Kiosk kiosk = new Kiosk(api, sink, language, Clock.systemDefaultZone());
    // Whatever ends the program (a key, Ctrl+C, a kill), the delegation is revoked.
    Thread cleanup = new Thread(kiosk::logoutOnExit, "kiosk-shutdown");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try (LanternaKiosk ui = LanternaKiosk.onSystemTerminal(kiosk)) {
      ui.run();
    } finally {
      kiosk.logoutOnExit();
      Runtime.getRuntime().removeShutdownHook(cleanup);
      if (server != null) {
        server.close();
        deleteTree(demoData);
      }
    }
    return 0;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the demo data in " + dir, e);
    }
  }
}
