package fr.guichet.cli;

import fr.guichet.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code guichet journal verify}: checks every hash chain of a server's journal. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "The reference server's journal of actions.",
    subcommands = JournalCommand.Verify.class)
public final class JournalCommand {
  /** Exit codes of {@code journal verify}. */
  static final int INTACT = 0;

  static final int BROKEN = 1;

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check that no journal entry was altered, removed or reordered.",
        "Exit code 0: every chain holds; 1: a chain is broken (each break is listed); 2: usage error."
      })
  static final class Verify implements Callable<Integer> {
    @Option(
        names = "--data",
        description = "The server's data directory (default: ${DEFAULT-VALUE}).",
        defaultValue = "var/sandbox")
    Path data;

    @Option(
        names = "--database",
        description = "JDBC URL of the server's database, when it is not the SQLite file.")
    String jdbcUrl;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (jdbcUrl == null && !Files.exists(data.resolve("guichet.db"))) {
        spec.commandLine()
            .getErr()
            .println("No journal here: " + data.resolve("guichet.db") + " does not exist.");
        return 2;
      }
      List<String> breaks = SandboxServer.verifyJournal(data, jdbcUrl);
      long entries = SandboxServer.journalSize(data, jdbcUrl);
      if (breaks.isEmpty()) {
        spec.commandLine()
            .getOut()
            .println("Journal intact: " + entries + " entries, every chain holds.");
        return INTACT;
      }
      breaks.forEach(b -> spec.commandLine().getOut().println("BROKEN " + b));
      spec.commandLine().getOut().println(breaks.size() + " break(s) in " + entries + " entries.");
      return BROKEN;
    }
  }
}
