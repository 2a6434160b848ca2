package fr.guichet.cli;

import fr.guichet.print.ReceiptLink;
import fr.guichet.sandbox.SandboxServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code guichet journal verify}: checks a server's journal entry by entry against the server's
 * signatures, and against what was kept outside the machine (checkpoints, receipts).
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "The reference server's journal of actions.",
    subcommands = JournalCommand.Verify.class)
public final class JournalCommand {
  /** Exit codes of {@code journal verify}. */
  static final int INTACT = 0;

  static final int BROKEN = 1;
  static final int USAGE = 2;

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check that no journal entry was altered, added, removed or reordered, and that no chain"
            + " was cut short or dropped: each entry's hash must be signed with the server's key,"
            + " and the checkpoints and receipts given must still match the journal.",
        "Exit code 0: the journal holds; 1: it was changed (each finding names the chain and the"
            + " entry); 2: usage error."
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

    @Option(
        names = "--public-key",
        paramLabel = "KEY",
        description =
            "The server's public key (base 64, from GET /v1/keys), or @FILE. Default: the one in"
                + " the data directory; give the copy kept elsewhere, since whoever can change the"
                + " machine can change that one too.")
    String publicKey;

    @Option(
        names = "--checkpoints",
        paramLabel = "FILE|DIR",
        description =
            "Checkpoint streams (.jsonl files, or a directory of them), repeatable. Default: the"
                + " data directory's checkpoints/; give the copies kept elsewhere.")
    List<Path> checkpoints;

    @Option(
        names = "--receipt",
        paramLabel = "TEXT|@FILE",
        description =
            "A receipt or a journal extract, as its QR code holds it, repeatable: the entry it"
                + " names must still be in the journal as it was.")
    List<String> receipts = new ArrayList<>();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (jdbcUrl == null && !Files.exists(data.resolve("guichet.db"))) {
        err.println("No journal here: " + data.resolve("guichet.db") + " does not exist.");
        return USAGE;
      }
      List<String> signed = new ArrayList<>();
      for (String r : receipts) {
        signed.add(ReceiptLink.signedPart(read(r)));
      }
      SandboxServer.JournalVerdict verdict;
      try {
        verdict =
            SandboxServer.verifyJournal(
                data, jdbcUrl, publicKey == null ? null : read(publicKey), checkpoints, signed);
      } catch (IllegalArgumentException e) {
        err.println("Cannot check the signatures: " + e.getMessage() + ". Give --public-key.");
        return USAGE;
      }
      if (!verdict.findings().isEmpty()) {
        verdict.findings().forEach(f -> out.println("BROKEN " + f));
        out.println(
            verdict.findings().size() + " finding(s) in " + verdict.entries() + " entries.");
        return BROKEN;
      }
      out.println(
          "Journal intact: "
              + verdict.entries()
              + " entries in "
              + verdict.chains()
              + " chains, every chain holds and every entry is signed by the server's key; "
              + verdict.checkpoints()
              + " checkpoint(s) in "
              + verdict.checkpointFiles()
              + " file(s) and "
              + verdict.receipts()
              + " receipt(s) agree with it.");
      if (verdict.checkpointFiles() == 0) {
        out.println(
            "No checkpoint was given: a chain cut short or dropped would not show. Keep a copy"
                + " of the data directory's checkpoints/ elsewhere, and give it with --checkpoints.");
      }
      return INTACT;
    }

    private static String read(String valueOrFile) throws IOException {
      return valueOrFile.startsWith("@")
          ? Files.readString(Path.of(valueOrFile.substring(1)), StandardCharsets.UTF_8).strip()
          : valueOrFile.strip();
    }
  }
}
