package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.Pdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpSheetCommandTest {
  @TempDir Path files;
  final Shell shell = new Shell();

  @Test
  void writesTheSheetInThePersonsLanguageWithFrenchUnderIt() throws Exception {
    Path pdf = files.resolve("aide-pt.pdf");
    assertThat(shell.run("help-sheet", "--pdf", pdf.toString(), "--lang", "pt", "--paper", "80mm"))
        .isZero();
    assertThat(shell.out.toString()).contains("written to " + pdf);
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
    assertThat(shell.run("help-sheet", "--pdf", taken.toString())).isEqualTo(2);
    assertThat(shell.err.toString()).contains("already exists");
    assertThat(taken).hasContent("kept");
    assertThat(shell.run("help-sheet", "--pdf", files.resolve("a.pdf").toString(), "--lang", "xx"))
        .isEqualTo(2);
    assertThat(shell.err.toString()).contains("Unknown language 'xx'");
    assertThat(shell.run("help-sheet", "--pdf", files.resolve("b.pdf").toString(), "--paper", "a3"))
        .isEqualTo(2);
    assertThat(files.resolve("a.pdf")).doesNotExist();
    assertThat(shell.run("help-sheet")).as("--pdf is required").isEqualTo(2);
  }
}
