package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.contract.Json;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.i18n.Language;
import fr.guichet.print.ActionReceipt;
import fr.guichet.print.ReceiptLink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guichet receipt verify}: checks a receipt (the text of its QR code), offline with the
 * public key. {@code guichet receipt print}: checks it the same way, then writes its paper as a PDF
 * in the person's language (a receipt lost, or kept by a script with {@code --receipt-out}).
 *
 * <pre>
 * guichet receipt print @recu.txt --server http://127.0.0.1:8470/ --pdf recu.pdf --lang ar --paper 80mm
 * </pre>
 */
@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    description = "Receipts given to people.",
    subcommands = {ReceiptCommand.Verify.class, ReceiptCommand.Print.class})
public final class ReceiptCommand {
  /** Where the server's public keys come from: given, or asked of the server. */
  static final class Key {
    @Option(
        names = "--public-key",
        description = {
          "A public key of the server (base 64), or @FILE of keys (one a line, or PEM).",
          "Repeat it for the keys of before a rotation: the receipt names the key that signed it."
        })
    List<String> publicKeys;

    @Option(names = "--server", description = "Address of the server whose public keys to fetch.")
    String server;

    ReceiptVerifier verifier() throws IOException {
      List<String> keys = new ArrayList<>();
      if (publicKeys != null) {
        for (String k : publicKeys) {
          keys.add(read(k));
        }
      } else {
        new ApiClient(server).publicKeys().keys().forEach(k -> keys.add(k.publicKey()));
      }
      return ReceiptVerifier.forKeys(keys);
    }
  }

  /** A value, or the content of the file after {@code @}. */
  static String read(String valueOrFile) throws IOException {
    return valueOrFile.startsWith("@")
        ? Files.readString(Path.of(valueOrFile.substring(1)), StandardCharsets.UTF_8).strip()
        : valueOrFile.strip();
  }

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
        verifier = key.verifier();
      } catch (IllegalArgumentException | ApiException e) {
        spec.commandLine().getErr().println("Cannot get the public key: " + e.getMessage());
        return 2;
      }
      ReceiptCheck check = verifier.check(ReceiptLink.signedPart(read(receipt)));
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
  }

  @Command(
      name = "print",
      mixinStandardHelpOptions = true,
      description = {
        "Write the paper of a receipt as a PDF: the person's language large, French small under it.",
        "The receipt is checked first, as 'verify' does: a forged or altered one is refused.",
        "Its QR code names the server's verification page (with --server), or the one of the link given.",
        "Exit code 0: written; 1: not a genuine receipt; 2: usage error (no key, a file already there...)."
      })
  static final class Print implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "RECEIPT",
        description = "The receipt as its QR code holds it, or @FILE (what --receipt-out kept).")
    String receipt;

    @ArgGroup(multiplicity = "1")
    Key key;

    @Mixin PdfFile file;

    @Mixin PrintOptions print;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Language language = file.language(err).orElse(null);
      if (language == null || file.taken(err)) {
        return 2;
      }
      String text = read(receipt);
      ReceiptCheck check;
      ReceiptLink link;
      try {
        check = key.verifier().check(ReceiptLink.signedPart(text));
        link =
            key.server != null
                ? ReceiptLink.to(new ApiClient(key.server).verifyPage())
                : ReceiptLink.in(text);
      } catch (IllegalArgumentException | ApiException e) {
        err.println("Cannot get the public key: " + e.getMessage());
        return 2;
      }
      if (!check.valid()) {
        err.println(
            "NOT a genuine receipt of this server ("
                + check.reason()
                + "): no paper is written for it.");
        return 1;
      }
      Receipt signed = Receipt.fromSigned(ReceiptLink.signedPart(text));
      byte[] paper;
      try {
        paper = ActionReceipt.any(signed, print.settings(language, link));
      } catch (IllegalArgumentException unknownKind) {
        err.println("This version cannot print a receipt of kind '" + signed.kind() + "'.");
        return 2;
      }
      if (!file.write(paper, err)) {
        return 2;
      }
      spec.commandLine()
          .getOut()
          .println("Receipt " + signed.receiptId() + " written to " + file.pdf + ".");
      return 0;
    }
  }
}
