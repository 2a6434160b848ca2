package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.contract.Json;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guichet receipt verify}: checks a receipt (the text of its QR code), offline with the
 * public key.
 */
@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    description = "Receipts given to people.",
    subcommands = ReceiptCommand.Verify.class)
public final class ReceiptCommand {
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check a receipt: the text its QR code holds, signed by the server.",
        "The text may be the verification link the QR code holds (.../verify?r=...).",
        "Offline with --public-key (from GET /v1/keys), or with the keys a server publishes (--server).",
        "Exit code 0: genuine (its content is printed); 1: forged, altered or from another server; 2: usage error."
      })
  static final class Verify implements Callable<Integer> {
    static final class Key {
      @Option(
          names = "--public-key",
          description = {
            "A public key of the server (base 64), or @FILE of keys (one a line, or PEM).",
            "Repeat it for the keys of before a rotation: the receipt names the key that signed it."
          })
      List<String> publicKeys;

      @Option(names = "--server", description = "Address of the server whose public key to fetch.")
      String server;
    }

    @Parameters(
        index = "0",
        paramLabel = "RECEIPT",
        description = "The receipt as its QR code holds it, or @FILE.")
    String receipt;

    @ArgGroup(multiplicity = "1")
    Key key;

    @Option(names = "--json", description = "Print the verdict as JSON, for scripts.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      ReceiptVerifier verifier;
      try {
        List<String> keys = new ArrayList<>();
        if (key.publicKeys != null) {
          for (String k : key.publicKeys) {
            keys.add(read(k));
          }
        } else {
          new ApiClient(key.server).publicKeys().keys().forEach(k -> keys.add(k.publicKey()));
        }
        verifier = ReceiptVerifier.forKeys(keys);
      } catch (IllegalArgumentException | ApiException e) {
        spec.commandLine().getErr().println("Cannot get the public key: " + e.getMessage());
        return 2;
      }
      ReceiptCheck check = verifier.check(fr.guichet.print.ReceiptLink.signedPart(read(receipt)));
      if (json) {
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(check));
      } else if (check.valid()) {
        spec.commandLine().getOut().println("Genuine receipt, signed by this server:");
        check.payload().forEach((k, v) -> spec.commandLine().getOut().println("  " + k + ": " + v));
      } else {
        spec.commandLine()
            .getOut()
            .println("NOT a genuine receipt of this server (" + check.reason() + ").");
      }
      return check.valid() ? 0 : 1;
    }

    private static String read(String valueOrFile) throws IOException {
      return valueOrFile.startsWith("@")
          ? Files.readString(Path.of(valueOrFile.substring(1)), StandardCharsets.UTF_8).strip()
          : valueOrFile.strip();
    }
  }
}
