package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.ApiException;
import fr.guichet.contract.Json;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.DemoSandbox;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guichet account journal} against the demo server: the lines the person reads, oldest
 * first, the chain checked, the extract in a file, JSON for scripts, and the refusals with their
 * exit codes (and their own line in the journal).
 */
class AccountJournalTest {
  @TempDir Path files;
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  final Shell shell = new Shell();
  final StringWriter out = shell.out;
  final StringWriter err = shell.err;

  int account(String command, String personId, String... more) {
    List<String> papers = Shell.papers(personId);
    return shell.run(
        Shell.join(List.of("account", command), Shell.login(sandbox), papers, List.of(more)));
  }

  /**
   * "10:00": the time of the lines just written, as the command shows it (the machine's time zone).
   */
  String now() {
    Instant at = sandbox.clock().instant();
    return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneId.systemDefault()));
  }

  void assertSittingClosed() {
    AccountCommandTest.assertSittingClosed(sandbox, 0);
  }

  @Test
  void readsWhatWasDoneOldestFirstAfterCheckingTheChain() {
    assertThat(account("status", "p-jeanne")).isZero();
    out.getBuffer().setLength(0);
    assertThat(account("journal", "p-jeanne")).isZero();
    String day = "29 novembre 2026 hh:mm";
    assertThat(out.toString().replaceAll("\\d{2}:\\d{2}", "hh:mm").split("\n"))
        .containsSubsequence(
            "Pour : Jeanne Martin (naissance en 1950)",
            "Vérifié : chaque ligne est reliée à celle d’avant. La chaîne est complète.",
            day + " · identification · fait · Camille Bernard",
            day + " · accord donné · fait · Camille Bernard",
            day + " · autorisation ouverte · fait · Camille Bernard",
            day + " · état de l’espace regardé · fait · Camille Bernard",
            day + " · autorisation annulée · fait · Camille Bernard",
            day + " · identification · fait · Camille Bernard",
            day + " · accord donné · fait · Camille Bernard",
            "L’accord donné pour cette action est annulé, et la séance est fermée.");
    assertThat(err.toString()).isEmpty();
    assertThat(
            sandbox
                .query("SELECT scopes FROM consent ORDER BY created_at DESC", r -> r.getString(1))
                .get(0))
        .as("journal:read, nothing else")
        .isEqualTo("journal:read");
    assertThat(sandbox.journal("person:p-jeanne")).last().isEqualTo("DELEGATION_REVOKED OK");
    assertThat(sandbox.journal("person:p-jeanne")).contains("JOURNAL_READ OK");
    assertSittingClosed();
  }

  @Test
  void speaksThePersonsLanguage() {
    assertThat(account("journal", "p-jeanne", "--lang", "en")).isZero();
    assertThat(out.toString())
        .contains(
            "Checked here: each line is linked to the one before. The chain is complete.",
            "November 29, 2026 " + now() + " · identification · done · Camille Bernard")
        .doesNotContain("Vérifié");
  }

  @Test
  void aCaregiverReadsThePersonsJournalRefusalsIncluded() {
    assertThatThrownBy(() -> sandbox.openFor("p-alain", "p-georgette", "sharing:manage"))
        .isInstanceOf(ApiException.class);
    assertThat(sandbox.journal("person:p-georgette"))
        .last()
        .isEqualTo("CONSENT REFUSED caregiver-forbidden");
    assertThat(account("journal", "p-alain", "--for", "p-georgette")).isZero();
    assertThat(out.toString())
        .contains(
            "Pour : Georgette Roux",
            " · accord donné · refusé · Camille Bernard",
            " · accord donné · fait · Camille Bernard");
  }

  @Test
  void saysWhereTheChainIsBrokenWhenALineWasTamperedWith() throws Exception {
    assertThat(account("status", "p-jeanne")).isZero();
    sandbox.update(
        "UPDATE journal SET previous_hash = ? WHERE chain = ? AND seq = 3",
        "f".repeat(64),
        "person:p-jeanne");
    out.getBuffer().setLength(0);
    assertThat(account("journal", "p-jeanne", "--json")).isZero();
    JsonNode json = Json.mapper().readTree(out.toString());
    assertThat(json.at("/chain/linked").asBoolean()).isFalse();
    assertThat(json.at("/chain/firstBreak").asLong()).isEqualTo(3);
    assertThat(json.get("text").get(1).asText())
        .isEqualTo(
            "Attention : la ligne 3 n’est pas reliée à celle d’avant. La chaîne est cassée.");
  }

  @Test
  void writesTheExtractToPrint() throws Exception {
    Path pdf = files.resolve("journal.pdf");
    assertThat(account("journal", "p-jeanne", "--pdf", pdf.toString())).isZero();
    assertThat(out.toString()).contains("Extrait de l’historique enregistré dans " + pdf + ".");
    assertThat(Pdfs.flowing(Files.readAllBytes(pdf)))
        .contains(
            "Votre historique",
            "Pour : Jeanne M. (1950)",
            "identification · fait · Camille Bernard",
            "accord donné · fait");
  }

  @Test
  void theScreenLinesAndThePaperGiveTheSameTimeInTheCountersZoneNamed() throws Exception {
    Path pdf = files.resolve("journal-cayenne.pdf");
    assertThat(
            account(
                "journal",
                "p-jeanne",
                "--zone",
                "America/Cayenne",
                "--paper",
                "80mm",
                "--pdf",
                pdf.toString()))
        .isZero();
    // 09:00 UTC is 06:00 in Cayenne, for the lines read and for the lines printed.
    String line = "29 novembre 2026 06:00 · identification · fait · Camille Bernard";
    assertThat(out.toString())
        .contains("Toutes les heures sont à l’heure de Cayenne.", line)
        .doesNotContain(" 09:00 · ", " 10:00 · ");
    String printed = Pdfs.flowing(Files.readAllBytes(pdf));
    assertThat(printed).contains("Toutes les heures sont à l’heure de Cayenne.", line);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf))) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isLessThan(230f);
    }
  }

  @Test
  void anExtractNeverReplacesAFileAlreadyThere() throws Exception {
    Path pdf = Files.writeString(files.resolve("journal-emma.pdf"), "Emma's");
    assertThat(account("journal", "p-jeanne", "--pdf", pdf.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Le fichier " + pdf + " existe déjà");
    assertThat(pdf).hasContent("Emma's");
    assertThat(sandbox.count("consent")).isZero();
  }

  @Test
  void aPaperOrAZoneThatDoesNotExistIsAUsageError() {
    assertThat(account("journal", "p-jeanne", "--paper", "a5")).isEqualTo(2);
    assertThat(err.toString()).contains("'a5' is not a paper: use a4, 80mm.");
    assertThat(account("journal", "p-jeanne", "--zone", "Paris")).isEqualTo(2);
    assertThat(err.toString()).contains("'Paris' is not a time zone");
    assertThat(sandbox.count("consent")).isZero();
  }

  @Test
  void aPdfFileThatCannotBeWrittenIsAUsageErrorBeforeAnythingIsSent() {
    Path nowhere = files.resolve("no-such-folder").resolve("journal.pdf");
    assertThat(account("journal", "p-jeanne", "--pdf", nowhere.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("L’extrait ne peut pas être enregistré dans " + nowhere);
    assertThat(sandbox.count("consent")).isZero();
    assertThat(sandbox.journal("person:p-jeanne")).isEmpty();
  }

  @Test
  void givesScriptsTheEntriesAsTheServerSentThem() throws Exception {
    assertThat(account("journal", "p-jeanne", "--json")).isZero();
    JsonNode json = Json.mapper().readTree(out.toString());
    assertThat(json.get("outcome").asText()).isEqualTo("done");
    assertThat(json.get("exitCode").asInt()).isZero();
    assertThat(json.get("command").asText()).isEqualTo("journal");
    assertThat(json.at("/person/personId").asText()).isEqualTo("p-jeanne");
    assertThat(json.at("/chain/linked").asBoolean()).isTrue();
    assertThat(json.at("/chain/firstBreak").isIntegralNumber()).as("no break to name").isFalse();
    JsonNode entries = json.get("entries");
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).get("action").asText()).isEqualTo("IDENTIFY");
    assertThat(entries.get(0).get("seq").asLong()).isEqualTo(1);
    assertThat(entries.get(1).get("previousHash").asText())
        .isEqualTo(entries.get(0).get("hash").asText());
    assertThat(entries.get(2).get("action").asText()).isEqualTo("DELEGATION_OPENED");
    assertThat(json.at("/consentReceipt/kind").asText()).isEqualTo("consent");
    assertThat(json.get("text").get(1).asText()).startsWith("Vérifié");
  }

  @Test
  void someoneTheServerDoesNotKnowAsARepresentativeIsRefusedAndTheRefusalIsJournaled()
      throws Exception {
    assertThat(account("journal", "p-jeanne", "--for", "p-emma", "--json")).isEqualTo(1);
    JsonNode json = Json.mapper().readTree(out.toString());
    assertThat(json.get("outcome").asText()).isEqualTo("refused");
    assertThat(json.at("/problem/slug").asText()).isEqualTo("not-a-representative");
    assertThat(json.has("entries")).isFalse();
    assertThat(sandbox.journal("person:p-emma"))
        .last()
        .isEqualTo("CONSENT REFUSED not-a-representative");
    assertThat(sandbox.journal("person:p-emma")).doesNotContain("JOURNAL_READ OK");
    assertSittingClosed();
  }

  @Test
  void aRefusedLoginIsExitCode3() {
    List<String> login = Shell.login(sandbox.server().url(), "wrong", sandbox.freshTotp());
    List<String> papers = Shell.papers("p-jeanne");
    assertThat(shell.run(Shell.join(List.of("account", "journal"), login, papers))).isEqualTo(3);
    assertThat(sandbox.count("consent")).isZero();
  }
}
