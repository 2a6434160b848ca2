package fr.guichet.cli;

import fr.guichet.i18n.Language;
import fr.guichet.print.ActivationHelpSheet;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Mixin PdfFile file;

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
    Language language = file.language(err).orElse(null);
    if (language == null
        || file.taken(err)
        || !file.write(
            ActivationHelpSheet.render(PrintSettings.of(language).withPaper(paper)), err)) {
      return 2;
    }
    spec.commandLine().getOut().println("Activation help sheet written to " + file.pdf + ".");
    return 0;
  }
}
