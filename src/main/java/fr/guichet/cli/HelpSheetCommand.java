package fr.guichet.cli;

import fr.guichet.i18n.Language;
import fr.guichet.print.ActivationHelpSheet;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code guichet help-sheet}: the activation help sheet as a PDF, for a person who will open their
 * space at home (what they need, where the number is on each Carte Vitale, the 3422 line, a QR code
 * to the official site). It names nobody: a counter prints a few in advance, in each language it
 * meets.
 *
 * <pre>
 * guichet help-sheet --pdf aide-pt.pdf --lang pt --paper 80mm
 * </pre>
 */
@Command(
    name = "help-sheet",
    mixinStandardHelpOptions = true,
    description = {
      "Write the activation help sheet as a PDF: how to open the space at home, where the Carte",
      "Vitale's number is, the 3422 line. The person's language large, French small under it.",
      "It names nobody: print some in advance. Exit code 0: written; 2: usage error."
    })
public final class HelpSheetCommand implements Callable<Integer> {
  @Option(
      names = "--pdf",
      required = true,
      paramLabel = "FILE",
      description = "The PDF to write; a file already there is never replaced.")
  Path pdf;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "The person's language: fr, fr-x-falc, en, ar, pt, tr, es, ro, ht (default: fr).",
      defaultValue = "fr")
  String lang;

  @Option(
      names = "--paper",
      paramLabel = "PAPER",
      converter = PrintOptions.PaperConverter.class,
      description = "The paper: a4 or 80mm (a receipt printer's roll) (default: a4).")
  Paper paper = Paper.A4;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Language language = Language.fromTag(lang).orElse(null);
    if (language == null) {
      err.println("Unknown language '" + lang + "': use one of " + Language.tags() + ".");
      return 2;
    }
    try {
      Files.write(
          pdf,
          ActivationHelpSheet.render(PrintSettings.of(language).withPaper(paper)),
          StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      err.println(
          Files.exists(pdf)
              ? "The file " + pdf + " already exists: it is not replaced. Give another name."
              : "Cannot write " + pdf + ": " + e.getMessage());
      return 2;
    }
    spec.commandLine().getOut().println("Activation help sheet written to " + pdf + ".");
    return 0;
  }
}
