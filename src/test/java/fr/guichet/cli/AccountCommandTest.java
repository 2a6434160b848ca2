package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.testing.DemoSandbox;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guichet account}: every subcommand against the demo server, as a mediator at a prompt (a
 * scripted terminal) and as a script (no terminal, {@code --yes}, {@code --json}), with its output,
 * its exit code, and what the server holds afterwards.
 */
class AccountCommandTest {
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @TempDir Path data;
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  final Shell shell = new Shell();
  final StringWriter out = shell.out;
  final StringWriter err = shell.err;

  /** The terminal of the next run; null: none, as for a script. */
  ScriptedPrompt terminal;

  /** Sessions the test opened itself, to read the demo outbox. */
  long testSessions;

  int run(List<String> args) {
    return shell.run(terminal, args);
  }

  /** {@code guichet account COMMAND} for a demo person, logged in as the demo mediator. */
  int account(String command, String personId, String... more) {
    return account(command, Shell.papers(personId), more);
  }

  /** {@code guichet account COMMAND} with the person's papers as typed, a mistake included. */
  int account(String command, List<String> papers, String... more) {
    return run(
        Shell.join(List.of("account", command), Shell.login(sandbox), papers, List.of(more)));
  }

  /**
   * The options {@code --ROLE-nir}, {@code --ROLE-last-name}, {@code --ROLE-first-name} and {@code
   * --ROLE-birth-date} naming a demo person as on their Carte Vitale, then {@code more}.
   */
  static String[] named(
      String role, String personId, String lastName, String firstName, String... more) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    String option = "--" + role + "-";
    List<String> args =
        List.of(
            option + "nir",
            p.nir(),
            option + "last-name",
            lastName,
            option + "first-name",
            firstName,
            option + "birth-date",
            Shell.dayFirst(p));
    return Shell.join(args, List.of(more)).toArray(String[]::new);
  }

  String state(String personId) {
    return column("SELECT state FROM person WHERE id = ?", personId).get(0);
  }

  /** The first column of what {@code sql} selects in the sandbox's database, as text. */
  List<String> column(String sql, Object... params) {
    return sandbox.query(sql, r -> r.getString(1), params);
  }

  /** The code the demo server just sent to a person, read when the command asks for it. */
  Supplier<String> codeSentTo(String personId) {
    return () -> lastCode(personId);
  }

  /** Reads the demo outbox, with a session of the test's own (which stays open). */
  String lastCode(String personId) {
    testSessions = 1;
    return sandbox.lastCode(personId);
  }

  JsonNode json() throws Exception {
    return Json.mapper().readTree(out.toString());
  }

  void assertSittingClosed() {
    assertSittingClosed(sandbox, testSessions);
  }

  /**
   * Nothing stays open: every delegation revoked, every session the command opened ended ({@code
   * testSessions}: those the test opened itself).
   */
  static void assertSittingClosed(DemoSandbox sandbox, long testSessions) {
    assertThat(
            sandbox.query(
                "SELECT count(*) FROM delegation WHERE revoked_at IS NULL", r -> r.getLong(1)))
        .containsExactly(0L);
    assertThat(
            sandbox.query(
                "SELECT count(*) FROM mediator_session WHERE ended_at IS NULL", r -> r.getLong(1)))
        .containsExactly(testSessions);
  }

  @Nested
  class Status {
    @Test
    void saysTheStateTheDatesTheDaysLeftAndWhatCanBeDone() {
      assertThat(account("status", "p-jeanne")).isZero();
      assertThat(out.toString())
          .isEqualTo(
              String.join(
                  "\n",
                  "Pour : Jeanne Martin (naissance en 1950)",
                  "État : Espace bientôt créé. Votre espace va être créé. Vous pouvez encore le refuser.",
                  "Date limite pour refuser : 31 décembre 2026.",
                  "Il reste 32 jours.",
                  "Ce que vous pouvez faire :",
                  "- refuser la création de l’espace : guichet account oppose",
                  "- ouvrir votre espace : guichet account activate",
                  "Personne d’autre n’a accès à cet espace.",
                  "L’accord donné pour cette action est annulé, et la séance est fermée.",
                  ""));
      assertThat(err.toString()).isEmpty();
      assertThat(sandbox.count("delegation")).isOne();
      assertSittingClosed();
    }

    @Test
    void asksOnlyToReadTheAccountForOneCommand() {
      assertThat(account("status", "p-jeanne")).isZero();
      assertThat(
              sandbox.query(
                  "SELECT scopes, duration_minutes, language, text_version FROM consent",
                  r ->
                      r.getString(1)
                          + " "
                          + r.getInt(2)
                          + " "
                          + r.getString(3)
                          + " "
                          + r.getString(4)))
          .containsExactly("account:read 5 fr cli-v1");
      assertThat(sandbox.journal("person:p-jeanne"))
          .containsSubsequence(
              "IDENTIFY OK", "CONSENT OK", "ACCOUNT_READ OK", "DELEGATION_REVOKED OK");
    }

    @Test
    void speaksThePersonsLanguage() {
      assertThat(account("status", "p-jeanne", "--lang", "en")).isZero();
      assertThat(out.toString())
          .contains("State: ", "32 days", "Nobody else has access to this space.")
          .doesNotContain("État");
      assertThat(column("SELECT language FROM consent")).containsExactly("en");
    }

    @Test
    void listsTheChildrenAParentManagesAndHowToActForThem() {
      assertThat(account("status", "p-louis")).isZero();
      assertThat(out.toString())
          .contains(
              "État : Espace ouvert. Votre espace existe et vous l’utilisez.",
              "- fermer votre espace : guichet account close",
              "Profils que cette personne gère (pour agir pour eux : --for et l’identifiant) :",
              "- Emma Petit (représentation légale), année de naissance 2015 : --for p-emma",
              "- Hugo Petit (représentation légale), année de naissance 2019 : --for p-hugo");
    }

    @Test
    void aParentActsForTheirChildAndSeesWhoHasAccess() {
      assertThat(account("status", "p-louis", "--for", "p-emma")).isZero();
      assertThat(out.toString())
          .contains(
              "Pour : Emma Petit (naissance en 2015)",
              "Louis Petit agit pour cette personne, au titre de : représentation légale.",
              "Personne mineure : ses parents agissent pour elle jusqu’à ses 18 ans, le 12 septembre 2033.",
              "Personnes qui ont accès à cet espace :",
              "- Louis Petit (représentation légale), année de naissance 1985");
    }

    @Test
    void aCaregiverIsNotOfferedWhatACaregiverCannotDo() {
      assertThat(account("status", "p-alain", "--for", "p-georgette")).isZero();
      assertThat(out.toString())
          .contains("Alain Roux agit pour cette personne, au titre de : aidant.")
          .doesNotContain("guichet account close");
    }

    @Test
    void aSuspendedSpaceSendsToThe3422() {
      assertThat(account("status", "p-yves")).isZero();
      assertThat(out.toString())
          .contains(
              "État : Espace suspendu. Votre espace est suspendu : il est bloqué pour le moment. Appelez le 3422.")
          .doesNotContain("Ce que vous pouvez faire");
    }

    @Test
    void givesScriptsOneJsonObject() throws Exception {
      assertThat(account("status", "p-jeanne", "--json")).isZero();
      JsonNode json = json();
      assertThat(json.get("outcome").asText()).isEqualTo("done");
      assertThat(json.get("exitCode").asInt()).isZero();
      assertThat(json.get("command").asText()).isEqualTo("status");
      assertThat(json.at("/account/state").asText()).isEqualTo("ANNOUNCED");
      assertThat(json.at("/account/oppositionDeadline").asText()).isEqualTo("2026-12-31");
      assertThat(json.at("/account/daysLeftToOppose").asInt()).isEqualTo(32);
      assertThat(json.at("/person/personId").asText()).isEqualTo("p-jeanne");
      assertThat(json.at("/consentReceipt/kind").asText()).isEqualTo("consent");
      assertThat(json.get("text").get(1).asText()).startsWith("État : Espace bientôt créé.");
      assertThat(json.has("receipt")).isFalse();
    }

    @Test
    void someoneTheServerDoesNotKnowAsARepresentativeIsRefused() {
      assertThat(account("status", "p-jeanne", "--for", "p-emma")).isEqualTo(1);
      assertThat(err.toString()).contains("Cette personne ne représente pas la personne choisie.");
      assertSittingClosed();
    }

    @Test
    void papersThatDoNotMatchAreRefused() {
      assertThat(account("status", Shell.papers(DemoSandbox.JEANNE_NIR, "15/03/1950", "12345678")))
          .isEqualTo(1);
      assertThat(err.toString()).contains("Personne ne correspond à ces informations.");
    }
  }

  @Nested
  class Opposition {
    @Test
    void aScriptRecordsItWithYesAndKeepsTheSignedReceipt() throws Exception {
      Path receipt = data.resolve("opposition.txt");
      assertThat(account("oppose", "p-jeanne", "--yes", "--receipt-out", receipt.toString()))
          .isZero();
      assertThat(out.toString())
          .contains(
              "Pour : Jeanne Martin (naissance en 1950)",
              "Reçu : vous avez refusé la création de votre espace",
              "État : Vous avez refusé l’espace. Vous avez dit non. Votre espace ne sera pas créé.",
              "Vous pouvez annuler ce refus jusqu’au 31 décembre 2026.",
              "Référence du reçu : rcp-",
              "Reçu signé enregistré dans " + receipt + ".");
      assertThat(state("p-jeanne")).isEqualTo("OPPOSED");
      String signed = Files.readString(receipt).strip();
      assertThat(ReceiptVerifier.forKey(sandbox.api().publicKey()).check(signed).valid()).isTrue();
      assertThat(column("SELECT scopes FROM consent")).containsExactly("opposition:write");
      assertSittingClosed();
    }

    @Test
    void readsBackWhatWillBeSentAndAsksTheMediatorToConfirm() {
      terminal = new ScriptedPrompt("o");
      assertThat(account("oppose", "p-jeanne")).isZero();
      assertThat(terminal.transcript())
          .isEqualTo(
              String.join(
                  "\n",
                  "Ce qui va être envoyé au serveur " + sandbox.server().url() + " :",
                  "- personne présente : Jeanne Martin, année de naissance 1950 ;",
                  "- action : refuser la création de l’espace ;",
                  "- accord pour 5 minutes : refuser la création de votre espace, ou annuler ce refus ;",
                  "En confirmant, vous attestez que la personne est à côté de vous et qu’elle est d’accord.",
                  "Confirmer ? [o/N] o",
                  ""));
      assertThat(state("p-jeanne")).isEqualTo("OPPOSED");
    }

    @Test
    void asksInEnglishWithLangEn() {
      terminal = new ScriptedPrompt("y");
      assertThat(account("oppose", "p-jeanne", "--lang", "en")).isZero();
      assertThat(terminal.transcript())
          .contains("- action: refuse the creation of the space;", "Confirm? [y/N] y");
    }

    @Test
    void anythingButYesLeavesTheSpaceAsItWas() {
      terminal = new ScriptedPrompt("n");
      assertThat(account("oppose", "p-jeanne")).isEqualTo(5);
      assertThat(err.toString())
          .contains("La personne n’a pas donné son accord. Rien n’a été fait.");
      assertThat(state("p-jeanne")).isEqualTo("ANNOUNCED");
      assertThat(sandbox.count("consent")).isZero();
      assertThat(
              sandbox.query(
                  "SELECT count(*) FROM mediator_session WHERE ended_at IS NULL",
                  r -> r.getLong(1)))
          .containsExactly(0L);
    }

    @Test
    void theEndOfInputIsNotAYes() {
      terminal = new ScriptedPrompt();
      assertThat(account("oppose", "p-jeanne")).isEqualTo(5);
      assertThat(state("p-jeanne")).isEqualTo("ANNOUNCED");
    }

    @Test
    void withoutATerminalAChangeNeedsYesAndNothingIsSent() {
      assertThat(account("oppose", "p-jeanne")).isEqualTo(2);
      assertThat(err.toString()).contains("il n’y a pas de terminal pour la demander", "--yes");
      assertThat(sandbox.count("mediator_session")).isZero();
      assertThat(state("p-jeanne")).isEqualTo("ANNOUNCED");
    }

    @Test
    void afterTheDeadlineItIsRefused() {
      sandbox.clock().advance(Duration.ofDays(33));
      assertThat(account("oppose", "p-jeanne", "--yes")).isEqualTo(1);
      assertThat(err.toString())
          .contains("La date limite pour refuser est passée (31 décembre 2026).");
      assertThat(out.toString()).isEmpty();
      assertSittingClosed();
    }

    @Test
    void aRefusalIsJsonForScripts() throws Exception {
      sandbox.clock().advance(Duration.ofDays(33));
      assertThat(account("oppose", "p-jeanne", "--yes", "--json")).isEqualTo(1);
      JsonNode json = json();
      assertThat(json.get("outcome").asText()).isEqualTo("refused");
      assertThat(json.get("exitCode").asInt()).isEqualTo(1);
      assertThat(json.at("/problem/slug").asText()).isEqualTo("opposition-period-over");
      assertThat(json.at("/problem/status").asInt()).isEqualTo(409);
      assertThat(json.at("/problem/params/deadline").asText()).isEqualTo("2026-12-31");
      assertThat(json.get("message").asText())
          .isEqualTo("La date limite pour refuser est passée (31 décembre 2026).");
      assertThat(err.toString()).isEmpty();
    }

    @Test
    void isWithdrawnWhileThePeriodRuns() {
      assertThat(account("withdraw-opposition", "p-ahmed", "--yes")).isZero();
      assertThat(out.toString())
          .contains(
              "Reçu : vous avez annulé votre refus",
              "Vous avez annulé votre refus. Votre espace sera créé.",
              "Vous pouvez encore refuser jusqu’au 21 décembre 2026.");
      assertThat(state("p-ahmed")).isEqualTo("ANNOUNCED");
    }

    @Test
    void afterThePeriodTheSpaceIsAskedFor() {
      sandbox.clock().advance(Duration.ofDays(23));
      assertThat(account("withdraw-opposition", "p-ahmed", "--yes")).isEqualTo(1);
      assertThat(account("request-creation", "p-ahmed", "--yes", "--json")).isZero();
      assertThat(state("p-ahmed")).isEqualTo("ACTIVE_NOT_ACTIVATED");
    }

    @Test
    void creationCannotBeAskedWhileThePeriodRuns() {
      assertThat(account("request-creation", "p-ahmed", "--yes")).isEqualTo(1);
      assertThat(err.toString())
          .contains("Cette action n’est pas possible dans l’état actuel de l’espace.");
    }
  }

  @Nested
  class Activation {
    @Test
    void opensTheSpaceWithTheLettersCode() throws Exception {
      assertThat(account("activate", "p-maria", "--letter-code", "MD8R-3T6W", "--yes", "--json"))
          .isZero();
      assertThat(json().at("/account/state").asText()).isEqualTo("ACTIVE");
      assertThat(json().at("/receipt/kind").asText()).isEqualTo("activate");
      assertThat(state("p-maria")).isEqualTo("ACTIVE");
      assertThat(column("SELECT scopes FROM consent")).containsExactly("account:activate");
    }

    @Test
    void asksForTheCodeWhenItIsLeftOut() {
      terminal = new ScriptedPrompt("md8r 3t6w", "oui");
      assertThat(account("activate", "p-maria")).isZero();
      assertThat(terminal.transcript())
          .contains(
              "Code de la lettre ou de l’e-mail : md8r 3t6w", "- action : ouvrir votre espace ;");
      assertThat(out.toString())
          .contains("Reçu : votre espace est ouvert", "État : Espace ouvert.");
    }

    @Test
    void aWrongCodeIsRefused() {
      assertThat(account("activate", "p-maria", "--letter-code", "MD8R-3T6X", "--yes"))
          .isEqualTo(1);
      assertThat(err.toString()).contains("Le code ne correspond pas à celui de la lettre.");
      assertThat(state("p-maria")).isEqualTo("ACTIVE_NOT_ACTIVATED");
    }
  }

  @Nested
  class Closure {
    @Test
    void sendsACodeToThePersonAndAsksForIt() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-louis"));
      assertThat(account("close", "p-louis")).isZero();
      assertThat(terminal.transcript())
          .contains(
              "- action : fermer votre espace ;",
              "- effacement des données : non, elles sont gardées 10 ans ;",
              "- accord pour 5 minutes : fermer votre espace, demander l’effacement, le rouvrir ;",
              "Un code a été envoyé par e-mail à l***@example.org. Il est valable jusqu’à ",
              "Code reçu par la personne (6 chiffres) : ");
      assertThat(out.toString())
          .contains(
              "Reçu : votre espace est fermé",
              "État : Espace fermé. Votre espace est fermé. Vos données sont gardées 10 ans.",
              "Vos données sont gardées jusqu’au 29 novembre 2036.",
              "Vous pouvez rouvrir votre espace à tout moment. Vos données reviendront.");
      assertThat(state("p-louis")).isEqualTo("CLOSED");
      assertThat(column("SELECT proofs FROM identification"))
          .containsExactly("CONTACT_CODE VITALE");
    }

    @Test
    void aMistypedCodeIsAskedAgain() {
      terminal = new ScriptedPrompt("o", "000000", codeSentTo("p-louis"));
      assertThat(account("close", "p-louis", "--delete")).isZero();
      assertThat(terminal.transcript())
          .contains(
              "- effacement des données : oui, dans les 3 mois ;",
              "Ce code ne correspond pas. Encore 2 essais.");
      assertThat(state("p-louis")).isEqualTo("CLOSED_DELETION_REQUESTED");
    }

    @Test
    void noCodeMeansNothingIsDone() {
      terminal = new ScriptedPrompt("o", "");
      assertThat(account("close", "p-louis")).isEqualTo(5);
      assertThat(state("p-louis")).isEqualTo("ACTIVE");
    }

    @Test
    void aScriptSendsTheCodeFirstThenGivesChallengeAndCode() throws Exception {
      List<String> louis = List.of("--nir", DemoSandbox.PEOPLE.get("p-louis").nir());
      assertThat(account("send-code", louis, "--birth-date", "30/05/1985", "--json")).isZero();
      JsonNode sent = json();
      assertThat(sent.at("/challenge/channel").asText()).isEqualTo("EMAIL");
      assertThat(sent.at("/challenge/maskedDestination").asText()).isEqualTo("l***@example.org");
      String challenge = sent.at("/challenge/challengeId").asText();

      out.getBuffer().setLength(0);
      Path receipt = data.resolve("closure.txt");
      assertThat(
              account(
                  "close",
                  "p-louis",
                  "--delete",
                  "--yes",
                  "--json",
                  "--challenge",
                  challenge,
                  "--code",
                  lastCode("p-louis"),
                  "--receipt-out",
                  receipt.toString()))
          .isZero();
      JsonNode closed = json();
      assertThat(closed.at("/account/state").asText()).isEqualTo("CLOSED_DELETION_REQUESTED");
      assertThat(closed.at("/account/deletionDue").asText()).isEqualTo("2027-02-28");
      assertThat(closed.at("/receipt/kind").asText()).isEqualTo("close");
      assertThat(closed.at("/person/strength").asText()).isEqualTo("STANDARD");
      assertThat(closed.get("receiptFile").asText()).isEqualTo(receipt.toString());
      assertThat(Files.readString(receipt).strip())
          .isEqualTo(closed.at("/receipt/signed").asText());
      assertSittingClosed();
    }

    @Test
    void sendCodeSaysWhereTheCodeWent() {
      List<String> marcel = List.of("--nir", DemoSandbox.PEOPLE.get("p-marcel").nir());
      assertThat(account("send-code", marcel, "--birth-date", "01/12/1940")).isZero();
      assertThat(out.toString())
          .contains(
              "Un code a été envoyé par SMS à 06 ** ** ** 09.",
              "Référence de l’envoi, pour --challenge : chl-");
    }

    @Test
    void withoutATerminalAScriptMustGiveChallengeAndCode() {
      assertThat(account("close", "p-louis", "--yes")).isEqualTo(2);
      assertThat(err.toString()).contains("guichet account send-code", "--challenge", "--code");
      assertThat(sandbox.count("mediator_session")).isZero();
    }

    @Test
    void challengeAndCodeGoTogether() {
      assertThat(account("close", "p-louis", "--yes", "--challenge", "chl-x")).isEqualTo(2);
      assertThat(err.toString()).contains("--challenge et --code vont ensemble");
    }

    @Test
    void aClosedSpaceCannotBeClosedAgain() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-fatima"));
      assertThat(account("close", "p-fatima")).isEqualTo(1);
      assertThat(err.toString())
          .contains("Cette action n’est pas possible dans l’état actuel de l’espace.");
      assertThat(state("p-fatima")).isEqualTo("CLOSED");
      assertSittingClosed();
    }

    @Test
    void aCaregiverCannotCloseThePersonsSpace() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-alain"));
      assertThat(account("close", "p-alain", "--for", "p-georgette")).isEqualTo(1);
      assertThat(terminal.transcript()).contains("- pour : Georgette Roux (1936, aidant) ;");
      assertThat(err.toString())
          .contains(
              "Un aidant ne peut pas faire cette action (fermer votre espace, demander"
                  + " l’effacement, le rouvrir).");
      assertThat(state("p-georgette")).isEqualTo("ACTIVE");
      assertThat(sandbox.journal("person:p-georgette"))
          .contains("CONSENT REFUSED caregiver-forbidden");
    }

    @Test
    void aGuardianClosesForTheProtectedAdultHavingAskedTheirOpinion() {
      terminal = new ScriptedPrompt("o", "o", codeSentTo("p-sophie"));
      assertThat(account("close", "p-sophie", "--for", "p-marcel")).isZero();
      assertThat(terminal.transcript())
          .contains(
              "Avez-vous demandé son avis à la personne protégée ? [o/N]",
              "- avis de la personne protégée : demandé ;");
      assertThat(out.toString())
          .contains(
              "Pour : Marcel Dubois (naissance en 1940)",
              "Sophie Lambert agit pour cette personne, au titre de : tutelle.",
              "L’avis de la personne protégée a été demandé avant cette action.");
      assertThat(state("p-marcel")).isEqualTo("CLOSED");
      assertThat(state("p-sophie")).isEqualTo("ACTIVE");
    }

    @Test
    void deletionIsAskedForAClosedSpace() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-fatima"));
      assertThat(account("request-deletion", "p-fatima")).isZero();
      assertThat(out.toString())
          .contains(
              "Reçu : vous avez demandé l’effacement de vos données",
              "Vos données seront effacées au plus tard le 28 février 2027.",
              "Tant que l’effacement n’est pas fait, et au plus tard jusqu’au 28 février 2027, vous pouvez rouvrir votre espace : vos données reviendront.");
      assertThat(state("p-fatima")).isEqualTo("CLOSED_DELETION_REQUESTED");
      assertThat(column("SELECT scopes FROM consent")).containsExactly("record:close");
    }

    @Test
    void aClosedSpaceIsReopenedWithItsData() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-pierre"));
      assertThat(account("reopen", "p-pierre")).isZero();
      assertThat(out.toString())
          .contains(
              "Reçu : votre espace est rouvert",
              "Vos données gardées sont revenues dans votre espace.",
              "État : Espace ouvert.");
      assertThat(state("p-pierre")).isEqualTo("ACTIVE");
    }

    @Test
    void anOpenSpaceCannotBeReopened() {
      terminal = new ScriptedPrompt("o", codeSentTo("p-louis"));
      assertThat(account("reopen", "p-louis")).isEqualTo(1);
      assertThat(err.toString()).contains("Cette action n’est pas possible");
    }
  }

  @Nested
  class TypedValues {
    @Test
    void aWrongNirKeyIsExplainedBeforeAnythingIsSent() {
      assertThat(account("status", Shell.papers("2 50 03 75 056 123 73", "14/03/1950", "12345678")))
          .isEqualTo(2);
      assertThat(err.toString().strip())
          .isEqualTo(
              "Le numéro de sécurité sociale contient une erreur : les 2"
                  + " derniers"
                  + " chiffres ne correspondent pas. Vérifiez chaque chiffre.");
      assertThat(sandbox.count("mediator_session")).isZero();
    }

    @Test
    void aWrongNirKeyIsUsageInJsonToo() throws Exception {
      List<String> papers = Shell.papers("2500375056123 73", "14/03/1950", "12345678");
      assertThat(account("status", papers, "--json", "--lang", "en")).isEqualTo(2);
      assertThat(json().get("outcome").asText()).isEqualTo("usage");
      assertThat(json().get("message").asText())
          .startsWith("The social security number has a mistake");
    }

    @Test
    void anImpossibleBirthDateIsExplained() {
      assertThat(account("status", Shell.papers(DemoSandbox.JEANNE_NIR, "31/02/1950", "12345678")))
          .isEqualTo(2);
      assertThat(err.toString()).contains("Cette date de naissance n’existe pas.");
    }

    @Test
    void whatIsLeftOutIsAskedOnTheTerminalAndAMistakeAskedAgain() {
      String totp = sandbox.freshTotp();
      terminal =
          new ScriptedPrompt(
              DemoSandbox.PASSWORD,
              totp,
              "2 50 03 75 056 123 73",
              DemoSandbox.JEANNE_NIR,
              "14/03/1950",
              "12345678");
      assertThat(
              run(
                  List.of(
                      "account",
                      "status",
                      "--api",
                      sandbox.server().url(),
                      "--login",
                      DemoSandbox.LOGIN)))
          .isZero();
      assertThat(terminal.transcript())
          .isEqualTo(
              String.join(
                  "\n",
                  "Mot de passe (il ne s’affiche pas) : <secret>",
                  "Code à 6 chiffres de votre application : " + totp,
                  "Numéro de sécurité sociale de la personne : 2 50 03 75 056 123 73",
                  "Le numéro de sécurité sociale contient une erreur : les 2 derniers chiffres ne correspondent pas."
                      + " Vérifiez chaque chiffre.",
                  "Numéro de sécurité sociale de la personne : " + DemoSandbox.JEANNE_NIR,
                  "Date de naissance (jour/mois/année) : 14/03/1950",
                  "Numéro de série de la carte Vitale : 12345678",
                  ""));
      assertThat(out.toString()).contains("État : Espace bientôt créé.");
    }

    @Test
    void withoutATerminalEveryMissingValueIsNamed() {
      assertThat(
              run(
                  List.of(
                      "account",
                      "status",
                      "--api",
                      sandbox.server().url(),
                      "--login",
                      DemoSandbox.LOGIN,
                      "--password",
                      DemoSandbox.PASSWORD,
                      "--birth-date",
                      "14/03/1950")))
          .isEqualTo(2);
      assertThat(err.toString()).contains("Il manque : --totp, --nir, --vitale.");
    }

    @Test
    void theServersAddressIsNeeded() {
      assumeTrue(System.getenv("GUICHET_API") == null, "GUICHET_API is set in this environment");
      List<String> args = new ArrayList<>(List.of("account", "status"));
      args.addAll(Shell.papers("p-jeanne"));
      assertThat(run(args)).isEqualTo(2);
      assertThat(err.toString()).contains("--api URL", "GUICHET_API");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
      assertThat(account("status", "p-jeanne", "--lang", "xx")).isEqualTo(2);
      assertThat(err.toString()).contains("Unknown language 'xx'");
    }
  }

  @Nested
  class Failures {
    @Test
    void aRefusedLoginIsExitCode3() {
      List<String> login =
          Shell.login(sandbox.server().url(), "not-the-password", sandbox.freshTotp());
      assertThat(run(Shell.join(List.of("account", "status"), login, Shell.papers("p-jeanne"))))
          .isEqualTo(3);
      assertThat(err.toString()).contains("La connexion n’a pas marché.");
    }

    @Test
    void aServerThatDoesNotAnswerIsExitCode4() throws Exception {
      String url;
      try (ServerSocket closedSoon = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        url = "http://127.0.0.1:" + closedSoon.getLocalPort() + "/";
      }
      List<String> login = Shell.login(url, DemoSandbox.PASSWORD, "123456");
      List<String> oppose = List.of("account", "oppose", "--yes", "--json");
      assertThat(run(Shell.join(oppose, login, Shell.papers("p-jeanne")))).isEqualTo(4);
      assertThat(json().get("outcome").asText()).isEqualTo("unreachable");
      assertThat(json().get("message").asText())
          .isEqualTo(
              "Le serveur ne répond pas. Vérifiez le réseau, puis réessayez. Rien n’est perdu.");
    }

    @Test
    void anAddressThatIsNotOneIsAUsageError() {
      List<String> login = Shell.login("not a url", "y", "123456");
      assertThat(run(Shell.join(List.of("account", "status"), login, Shell.papers("p-jeanne"))))
          .isEqualTo(2);
      assertThat(err.toString()).contains("Cette adresse de serveur n’est pas valable : not a url");
    }

    @Test
    void aReceiptFileInAFolderThatDoesNotExistIsRefusedBeforehand() {
      assertThat(
              account(
                  "oppose",
                  "p-jeanne",
                  "--yes",
                  "--receipt-out",
                  data.resolve("no/such/folder.txt").toString()))
          .isEqualTo(2);
      assertThat(state("p-jeanne")).isEqualTo("ANNOUNCED");
    }
  }

  /**
   * {@code add-caregiver} and {@code remove-caregiver}: who may help the person with their space.
   */
  @Nested
  class Caregivers {
    String[] caregiver(String personId, String lastName, String firstName, String... more) {
      return named("caregiver", personId, lastName, firstName, more);
    }

    String link(String caregiver, String person) {
      List<String> status =
          column(
              "SELECT status FROM representation WHERE representative_id = ?"
                  + " AND represented_id = ? AND kind = 'CAREGIVING'",
              caregiver,
              person);
      return status.isEmpty() ? "none" : status.get(status.size() - 1);
    }

    @Test
    void aCaregiverIsGivenAccessShownByStatusThenTakenAway() throws Exception {
      assertThat(
              account("add-caregiver", "p-louis", caregiver("p-alain", "Roux", "Alain", "--yes")))
          .isZero();
      assertThat(out.toString())
          .contains(
              "Pour : Louis Petit (naissance en 1985)",
              "Reçu : un aidant a accès à votre espace",
              "Aidant : Alain R. (1962)",
              "Vous pouvez retirer cet accès à tout moment.",
              "Pour retirer cet accès : guichet account remove-caregiver --caregiver p-alain",
              "Référence du reçu : rcp-");
      assertThat(err.toString()).isEmpty();
      assertThat(link("p-alain", "p-louis")).isEqualTo("ACCEPTED");
      assertThat(column("SELECT scopes FROM delegation"))
          .singleElement()
          .asString()
          .as("the one scope this command needs")
          .contains("sharing:manage")
          .doesNotContain("account:read");
      assertThat(sandbox.journal("person:p-louis"))
          .containsSubsequence("CONSENT OK", "CAREGIVER_ADDED OK");
      assertSittingClosed();

      out.getBuffer().setLength(0);
      assertThat(account("status", "p-louis")).isZero();
      assertThat(out.toString())
          .contains(
              "Personnes qui ont accès à cet espace :",
              "- Alain Roux (aidant), année de naissance 1962 : --caregiver p-alain");

      out.getBuffer().setLength(0);
      assertThat(
              account("remove-caregiver", "p-louis", "--caregiver", "p-alain", "--yes", "--json"))
          .isZero();
      JsonNode json = json();
      assertThat(json.get("outcome").asText()).isEqualTo("done");
      assertThat(json.get("command").asText()).isEqualTo("remove-caregiver");
      assertThat(json.at("/receipt/kind").asText()).isEqualTo("caregiver-removed");
      assertThat(json.at("/account/access")).isEmpty();
      assertThat(json.get("text").toString())
          .contains("Pour redonner cet accès : guichet account add-caregiver");
      assertThat(
              ReceiptVerifier.forKey(sandbox.api().publicKey())
                  .check(json.at("/receipt/signed").asText())
                  .valid())
          .isTrue();
      assertThat(link("p-alain", "p-louis")).isEqualTo("REVOKED");
      assertThat(sandbox.journal("person:p-louis")).contains("CAREGIVER_REMOVED OK");
    }

    @Test
    void readsBackTheCaregiverAndAsksTheMediatorToConfirm() {
      terminal = new ScriptedPrompt("o");
      assertThat(
              account(
                  "add-caregiver",
                  "p-louis",
                  caregiver("p-alain", "Roux", "Alain", "--for", "p-emma")))
          .isZero();
      assertThat(terminal.transcript())
          .isEqualTo(
              String.join(
                  "\n",
                  "Ce qui va être envoyé au serveur " + sandbox.server().url() + " :",
                  "- personne présente : Louis Petit, année de naissance 1985 ;",
                  "- pour : Emma Petit (2015, représentation légale) ;",
                  "- action : donner accès à un aidant ;",
                  "- aidant : Alain Roux, date de naissance 8 octobre 1962, numéro 1 62 10 97 611 150 29 ;",
                  "- accord pour 5 minutes : choisir qui peut vous aider (aidants) ;",
                  "En confirmant, vous attestez que la personne est à côté de vous et qu’elle est d’accord.",
                  "Confirmer ? [o/N] o",
                  ""));
      assertThat(link("p-alain", "p-emma")).isEqualTo("ACCEPTED");
    }

    @Test
    void anythingButYesGivesNoAccess() {
      terminal = new ScriptedPrompt("n");
      assertThat(account("add-caregiver", "p-louis", caregiver("p-alain", "Roux", "Alain")))
          .isEqualTo(5);
      assertThat(link("p-alain", "p-louis")).isEqualTo("none");
      assertThat(sandbox.count("consent")).isZero();
    }

    @Test
    void asksForTheCaregiverWhenLeftOutAndExplainsAWrongNumber() {
      DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
      String wrongKey = alain.nir().substring(0, 13) + (alain.nir().endsWith("00") ? "01" : "00");
      terminal = new ScriptedPrompt(wrongKey, alain.nir(), "Roux", "Alain", "08/10/1962", "o");
      assertThat(account("add-caregiver", "p-louis")).isZero();
      assertThat(terminal.transcript())
          .contains(
              "Numéro de sécurité sociale de l’aidant : " + wrongKey,
              "les 2 derniers chiffres ne correspondent pas",
              "Nom de naissance de l’aidant : Roux",
              "- aidant : Alain Roux, date de naissance 8 octobre 1962");
      assertThat(link("p-alain", "p-louis")).isEqualTo("ACCEPTED");
    }

    @Test
    void aWrongNumberOnTheCommandLineIsAUsageErrorAndNothingIsSent() {
      DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
      String wrongKey = alain.nir().substring(0, 13) + (alain.nir().endsWith("00") ? "01" : "00");
      assertThat(
              account(
                  "add-caregiver",
                  "p-louis",
                  "--caregiver-nir",
                  wrongKey,
                  "--caregiver-last-name",
                  "Roux",
                  "--caregiver-first-name",
                  "Alain",
                  "--caregiver-birth-date",
                  "08/10/1962",
                  "--yes"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("les 2 derniers chiffres ne correspondent pas");
      assertThat(sandbox.count("mediator_session")).isZero();
    }

    @Test
    void aFourthCaregiverIsRefusedWithWhatToDoInstead() throws Exception {
      for (String[] c :
          List.of(
              new String[] {"p-sophie", "Lambert", "Sophie"},
              new String[] {"p-alain", "Roux", "Alain"},
              new String[] {"p-marcel", "Dubois", "Marcel"})) {
        assertThat(account("add-caregiver", "p-louis", caregiver(c[0], c[1], c[2], "--yes")))
            .isZero();
      }
      out.getBuffer().setLength(0);
      assertThat(
              account(
                  "add-caregiver",
                  "p-louis",
                  caregiver("p-georgette", "Roux", "Georgette", "--yes")))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "Une personne peut avoir 3 aidants au plus. "
                  + "Retirez d’abord l’accès d’un de vos aidants, puis ajoutez le nouveau.");
      assertThat(out.toString()).isEmpty();
      assertThat(link("p-georgette", "p-louis")).isEqualTo("none");
      assertThat(sandbox.journal("person:p-louis"))
          .contains("CAREGIVER_ADDED REFUSED caregiver-limit-person");
      assertSittingClosed();

      assertThat(
              account(
                  "add-caregiver",
                  "p-louis",
                  caregiver("p-georgette", "Roux", "Georgette", "--yes", "--json")))
          .isEqualTo(1);
      JsonNode json = json();
      assertThat(json.get("outcome").asText()).isEqualTo("refused");
      assertThat(json.at("/problem/slug").asText()).isEqualTo("caregiver-limit-person");
      assertThat(json.at("/problem/params/max").asInt()).isEqualTo(3);
    }

    @Test
    void aCaregiverActingForSomeoneCannotChooseHerCaregivers() {
      assertThat(
              account(
                  "add-caregiver",
                  "p-alain",
                  caregiver("p-sophie", "Lambert", "Sophie", "--for", "p-georgette", "--yes")))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "Un aidant ne peut pas faire cette action",
              "Seule la personne, son représentant légal ou son tuteur peut choisir ses aidants.");
      assertThat(link("p-sophie", "p-georgette")).isEqualTo("none");
    }

    @Test
    void removingSomeoneWhoIsNotACaregiverIsRefused() {
      assertThat(account("remove-caregiver", "p-louis", "--caregiver", "p-sophie", "--yes"))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains("Personne ne correspond à ces informations pour l’aidant.");
    }

    @Test
    void aTutorChangesNothingWithoutSayingTheProtectedPersonsOpinionWasAsked() {
      String[] alain = caregiver("p-alain", "Roux", "Alain", "--for", "p-marcel", "--yes");
      assertThat(account("add-caregiver", "p-sophie", alain)).isEqualTo(1);
      assertThat(err.toString())
          .contains("Avant d’agir pour une personne en tutelle, demandez-lui son avis");
      assertThat(link("p-alain", "p-marcel")).isEqualTo("none");
      terminal = new ScriptedPrompt("n");
      assertThat(account("add-caregiver", "p-sophie", alain)).isEqualTo(5);
      terminal = null;
      String[] attested =
          caregiver(
              "p-alain", "Roux", "Alain", "--for", "p-marcel", "--yes", "--person-opinion-asked");
      assertThat(account("add-caregiver", "p-sophie", attested)).isZero();
      assertThat(out.toString()).contains("L’avis de la personne protégée a été demandé");
      assertThat(link("p-alain", "p-marcel")).isEqualTo("ACCEPTED");
    }

    @Test
    void aCaregiverWhoseCivilStatusGivesOnlyAYearIsNamedWithZeros() {
      assertThat(
              account(
                  "add-caregiver", "p-louis", caregiver("p-zainaba", "Madi", "Zaïnaba", "--yes")))
          .isZero();
      assertThat(link("p-zainaba", "p-louis")).isEqualTo("ACCEPTED");
    }

    @Test
    void hasItsHelpInEnglish() {
      assertThat(run(List.of("account", "add-caregiver", "--help", "--lang", "en"))).isZero();
      assertThat(out.toString())
          .contains(
              "Give a caregiver access to the person's space", "--caregiver-nir", "sharing:manage");
    }
  }

  @Nested
  class Shares {
    /** The options naming Claire Morel, Emma's other parent. */
    String[] claire(String... more) {
      return named("parent", "p-claire", "Morel", "Claire", more);
    }

    @Test
    void theParentSharesTheChildsProfileAndTheOtherParentAccepts() throws Exception {
      assertThat(account("share-profile", "p-louis", claire("--for", "p-emma", "--yes", "--json")))
          .isZero();
      String shareId = json().at("/share/shareId").asText();
      assertThat(json().at("/share/status").asText()).isEqualTo("PENDING");
      out.getBuffer().setLength(0);
      assertThat(account("answer-share", "p-claire", "--share", shareId, "--accept", "--yes"))
          .isZero();
      assertThat(out.toString())
          .contains(
              "Reçu : partage du profil de l’enfant accepté",
              "Enfant : Emma Petit. Second représentant légal : Claire Morel.");
      out.getBuffer().setLength(0);
      assertThat(account("status", "p-claire")).isZero();
      assertThat(out.toString())
          .contains(
              "- Emma Petit (second représentant légal), année de naissance 2015 : --for p-emma",
              "- profil d’Emma Petit, de Louis Petit à Claire Morel : accepté ; référence "
                  + shareId);
      assertSittingClosed();
    }

    @Test
    void theReadBackNamesTheOtherParentAndTheAnswerCommand() {
      terminal = new ScriptedPrompt("o");
      assertThat(account("share-profile", "p-louis", claire("--for", "p-emma"))).isZero();
      assertThat(terminal.transcript())
          .contains(
              "- action : partager le profil de l’enfant avec l’autre parent ;",
              "- autre parent : Claire Morel, date de naissance 20 août 1987, numéro 2 87 08 75");
      assertThat(out.toString())
          .contains(
              "Reçu : partage du profil de l’enfant proposé",
              "Pour répondre, l’autre parent lance : guichet account answer-share --share shr-");
    }

    @Test
    void theAnswerIsAcceptOrRefuseNeverBothNorNone() {
      assertThat(account("answer-share", "p-claire", "--share", "shr-x", "--yes")).isEqualTo(2);
      assertThat(err.toString()).contains("Dites --accept ou --refuse");
      assertThat(account("answer-share", "p-claire", "--share", "shr-x", "--accept", "--refuse"))
          .isEqualTo(2);
      assertThat(account("answer-share", "p-claire", "--share", "shr-x", "--refuse", "--yes"))
          .isEqualTo(1);
      assertThat(err.toString()).contains("Ce partage est inconnu pour cette personne.");
    }
  }

  @Test
  void aPersonWhoseCivilStatusGivesOnlyAYearIsIdentifiedWithZeros() {
    assertThat(Shell.papers("p-zainaba")).contains("00/00/1958");
    assertThat(account("status", "p-zainaba")).isZero();
    assertThat(out.toString()).contains("Pour : Zaïnaba Madi (naissance en 1958)");
  }
}
