package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.Pdfs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpSheetCommandTest {
  @TempDir Path files;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void writesTheSheetInThePersonsLanguageWithFrenchUnderIt() throws Exception {
    Path pdf = files.resolve("aide-pt.pdf");
    assertThat(run("help-sheet", "--pdf", pdf.toString(), "--lang", "pt", "--paper", "80mm"))
        .isZero();
    assertThat(out.toString()).contains("written to " + pdf);
    byte[] sheet = Files.readAllBytes(pdf);
    assertThat(Pdfs.flowing(sheet))
        .contains(
            Messages.of(Language.PORTUGUESE).text("help-sheet.title"),
            Messages.of(Language.FRENCH).text("help-sheet.title"),
            "3422");
    assertThat(Pdfs.qr(sheet)).isEqualTo("https://www.monespacesante.fr");
  }

  @Test
  void neverReplacesAFileAndSaysWhatIsWrong() throws Exception {
    Path taken = Files.writeString(files.resolve("aide.pdf"), "kept");
    assertThat(run("help-sheet", "--pdf", taken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists");
    assertThat(taken).hasContent("kept");
    assertThat(run("help-sheet", "--pdf", files.resolve("a.pdf").toString(), "--lang", "xx"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Unknown language 'xx'");
    assertThat(run("help-sheet", "--pdf", files.resolve("b.pdf").toString(), "--paper", "a3"))
        .isEqualTo(2);
    assertThat(files.resolve("a.pdf")).doesNotExist();
    assertThat(run("help-sheet")).as("--pdf is required").isEqualTo(2);
  }
}
