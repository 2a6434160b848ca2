package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.Guichet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The help of {@code guichet account} and of {@code guichet} itself: French unless asked, English
 * with {@code --lang en}, the exit codes in every footer of the family; the other commands keep
 * their own words.
 */
class LanguageOptionTest {
  static final List<String> COMMANDS =
      List.of(
          "status",
          "oppose",
          "withdraw-opposition",
          "request-creation",
          "activate",
          "close",
          "request-deletion",
          "reopen",
          "send-code",
          "journal");

  final Shell shell = new Shell();

  @BeforeEach
  void noLanguageFromTheEnvironment() {
    assumeTrue(
        System.getenv(LanguageOption.ENVIRONMENT) == null,
        "GUICHET_LANG is set in this environment");
  }

  @Test
  void helpIsInFrenchByDefaultWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(shell.run("account", "--help")).isZero();
    } finally {
      Locale.setDefault(before);
    }
    assertThat(shell.out.toString())
        .startsWith("Utilisation : guichet account")
        .contains(
            "Options :",
            "Commandes :",
            "Afficher cette aide, puis quitter.",
            "status ",
            "Regarder l’état de l’espace",
            "send-code ",
            "Codes de sortie :",
            "0 : fait",
            "1 : refusé",
            "2 : erreur d’utilisation",
            "3 : connexion",
            "4 : serveur injoignable",
            "5 : la personne n’a pas confirmé",
            "Aide en anglais : --lang en")
        .doesNotContain("Usage:", "Exit codes");
  }

  @Test
  void helpIsInEnglishWithLangEnBeforeOrAfterHelp() {
    assertThat(shell.run("account", "close", "--lang", "en", "--help")).isZero();
    String after = shell.out.toString();
    shell.out.getBuffer().setLength(0);
    assertThat(shell.run("account", "close", "--help", "--lang", "en")).isZero();
    assertThat(shell.out.toString()).isEqualTo(after);
    assertThat(after)
        .startsWith("Usage: guichet account close [OPTIONS]")
        .contains(
            "Close the space, with or without a deletion request (--delete).",
            "--challenge=ID",
            "--code=CODE",
            "--delete",
            "--yes",
            "--receipt-out=FILE",
            "--for=PERSON_ID",
            "Exit codes:",
            "5: the person did not confirm: nothing was done.")
        .doesNotContain("Utilisation", "Fermer");
  }

  @Test
  void langOnTheFamilyTranslatesTheHelpOfItsCommands() {
    assertThat(shell.run("account", "--lang", "en", "status", "--help")).isZero();
    assertThat(shell.out.toString())
        .startsWith("Usage: guichet account status [OPTIONS]")
        .contains(
            "Check the state of the space",
            "Consent asked: check the state of the space (account:read).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void everyCommandHasItsOwnDescriptionAndTheExitCodes(String lang) {
    java.util.ResourceBundle bundle =
        LanguageOption.helpBundle(fr.guichet.i18n.Language.fromTag(lang).orElseThrow());
    for (String command : COMMANDS) {
      shell.out.getBuffer().setLength(0);
      CommandLine cli = Guichet.commandLine();
      cli.setOut(new PrintWriter(shell.out));
      assertThat(cli.execute("account", command, "--help", "--lang", lang)).isZero();
      String help = shell.out.toString().replaceAll("\\s+", " ");
      // The annotation's one-line description is only a fallback: the bundle's is the one shown.
      Object userObject =
          cli.getSubcommands().get("account").getSubcommands().get(command).getCommand();
      String fallback =
          userObject.getClass().getAnnotation(CommandLine.Command.class).description()[0];
      String described = bundle.getString("guichet.account." + command + ".usage.description.0");
      assertThat(help).as(command).doesNotContain(fallback).contains(described.substring(0, 40));
      assertThat(help)
          .as(command)
          .contains(lang.equals("fr") ? "Codes de sortie :" : "Exit codes:")
          .contains("--api=URL", "--nir=NIR", "--birth-date=DATE", "--lang=LANG", "--json");
    }
  }

  @Test
  void theOtherLanguagesHaveTheirSentencesAndFrenchHelp() {
    assertThat(shell.run("account", "oppose", "--help", "--lang", "ar")).isZero();
    assertThat(shell.out.toString()).startsWith("Utilisation : guichet account oppose");
  }

  @Test
  void theFamilyAloneAsksForACommand() {
    assertThat(shell.run("account")).isEqualTo(2);
    assertThat(shell.err.toString()).contains("Choisissez une commande : status, oppose");
    shell.err.getBuffer().setLength(0);
    assertThat(shell.run("account", "--lang", "en")).isEqualTo(2);
    assertThat(shell.err.toString()).contains("Choose a command: status, oppose");
  }

  @Test
  void theRootListsTheFamily() {
    assertThat(shell.run("--help")).isZero();
    assertThat(shell.out.toString()).contains("account");
  }

  @Test
  void theRootsHelpIsInFrenchByDefaultWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(shell.run("--help")).isZero();
    } finally {
      Locale.setDefault(before);
    }
    assertThat(shell.out.toString())
        .startsWith("Utilisation : guichet [-hV] [--lang=LANG] [COMMAND]")
        .contains(
            "Aider une personne avec Mon Espace Santé, au guichet, avec son accord.",
            "Options :",
            "Afficher cette aide, puis quitter.",
            "Langue de cette aide",
            "Commandes :",
            "Ouvrir le guichet : plein écran, au clavier seulement.",
            "L’espace Mon Espace Santé d’une personne",
            "Les reçus remis aux personnes.",
            "Aide en anglais : guichet --lang en --help")
        .containsPattern("(?m)^  kiosk +Ouvrir le guichet")
        .doesNotContain("Usage:", "Show this help", "Open the kiosk", "Codes de sortie");
  }

  @Test
  void theRootsHelpIsInEnglishWithLangEnAndItsAccountFamilyFollows() {
    assertThat(shell.run("--lang", "en", "--help")).isZero();
    assertThat(shell.out.toString())
        .startsWith("Usage: guichet [-hV] [--lang=LANG] [COMMAND]")
        .contains(
            "Help a person with Mon Espace Santé, at the counter, with their consent.",
            "Commands:",
            "Open the kiosk: full screen, keyboard only.",
            "A person's Mon Espace Santé, from a command prompt",
            "Help in French: guichet --help")
        .containsPattern("(?m)^  account +A person's")
        .doesNotContain("Utilisation", "Ouvrir", "Exit codes");
    shell.out.getBuffer().setLength(0);
    assertThat(shell.run("--lang", "en", "account", "--help")).isZero();
    assertThat(shell.out.toString()).startsWith("Usage: guichet account");
  }

  @Test
  void theRootLendsItsWordsToNoCommandOutsideTheAccountFamily() {
    for (String lang : List.of("fr", "en")) {
      shell.out.getBuffer().setLength(0);
      assertThat(shell.run("--lang", lang, "kiosk", "--help")).isZero();
      assertThat(shell.out.toString())
          .as(lang)
          .startsWith("Usage: guichet kiosk")
          .contains("Address of a running delegated-access server.", "Show this help message")
          .doesNotContain("Utilisation", "GUICHET_API", "Afficher cette aide", "Show this help,");
    }
  }

  @Test
  void anUnknownLanguageOnTheRootIsAUsageError() {
    assertThat(shell.run("--lang", "xx", "--help")).isEqualTo(2);
    assertThat(shell.err.toString())
        .contains("Unknown language 'xx': use one of fr, fr-x-falc, en");
  }

  @Test
  void bothBundlesHaveTheSameKeys() {
    assertThat(LanguageOption.helpBundle(fr.guichet.i18n.Language.ENGLISH).keySet())
        .containsExactlyInAnyOrderElementsOf(
            LanguageOption.helpBundle(fr.guichet.i18n.Language.FRENCH).keySet());
    assertThat(LanguageOption.helpBundle(fr.guichet.i18n.Language.ARABIC).getLocale())
        .isEqualTo(Locale.FRENCH);
  }
}
