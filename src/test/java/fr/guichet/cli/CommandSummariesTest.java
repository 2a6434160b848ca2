package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import fr.guichet.i18n.Language;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandSummariesTest {
  @Command(
      name = "root",
      subcommands = {Plain.class, Summarized.class})
  static final class Root {}

  @Command(name = "plain", description = "Its own words.")
  static final class Plain {}

  @Command(name = "kiosk", description = "Its own words too.")
  static final class Summarized {}

  @Test
  void everyCommandOfTheRootHasItsSummaryInFrenchAndInEnglish() {
    for (Language language : new Language[] {Language.FRENCH, Language.ENGLISH}) {
      ResourceBundle words = LanguageOption.helpBundle(language);
      for (String command : Guichet.commandLine().getSubcommands().keySet()) {
        assertThat(words.containsKey("command." + command))
            .as(language.tag() + ": command." + command)
            .isTrue();
      }
    }
  }

  @Test
  void aSummaryComesFromTheRootsBundleAndOtherwiseFromTheCommandsOwnWords() {
    CommandLine root = new CommandLine(new Root());
    root.getCommandSpec().resourceBundle(LanguageOption.ownHelp(Language.FRENCH));
    CommandSummaries.install(root);
    StringWriter out = new StringWriter();
    root.usage(new PrintWriter(out));
    assertThat(out.toString())
        .contains("plain   Its own words.", "kiosk   Ouvrir le guichet : plein écran")
        .doesNotContain("Its own words too.");
  }
}
