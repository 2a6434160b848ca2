package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.i18n.Language;
import fr.guichet.testing.DemoSandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalExtractTest {
  @TempDir Path data;

  @Test
  void listsWhatWasDoneByWhomAndCarriesTheServersSignedHeadOfTheLastLine() throws Exception {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      DemoSandbox.Sitting s = sandbox.open("p-jeanne", "account:read", "journal:read");
      sandbox.api().account(s.session(), s.delegation());
      List<JournalEntry> entries = sandbox.api().journal(s.session(), s.delegation());
      byte[] pdf =
          JournalExtract.render("Jeanne M. (1950)", entries, PrintSettings.of(Language.FRENCH));
      assertThat(Pdfs.flowing(pdf))
          .contains(
              "Votre historique",
              "Pour : Jeanne M. (1950)",
              "identification · fait",
              "accord donné · fait",
              "état de l’espace regardé · fait · Camille Bernard");
      JournalEntry last = entries.get(entries.size() - 1);
      assertThat(Pdfs.qr(pdf)).isEqualTo(last.signedHead());
      // A receipt that guichet receipt verify accepts: the chain stood at this line, this hash.
      ReceiptCheck check = ReceiptVerifier.forKey(sandbox.api().publicKey()).check(Pdfs.qr(pdf));
      assertThat(check.valid()).isTrue();
      assertThat(check.payload())
          .containsEntry("journalChain", "person:p-jeanne")
          .containsEntry("journalSeq", (int) last.seq())
          .containsEntry("journalHead", last.hash());
    }
  }

  @Test
  void aLongJournalGoesOnNewPages() throws Exception {
    JournalEntry e =
        new JournalEntry(
            1,
            java.time.Instant.parse("2026-11-29T09:00:00Z"),
            "mediator:m (Camille Bernard)",
            "str",
            "cns",
            "ACCOUNT_READ",
            "OK",
            "",
            "0",
            "a".repeat(64));
    byte[] pdf =
        JournalExtract.render(
            "Jeanne M. (1950)",
            java.util.Collections.nCopies(120, e),
            PrintSettings.of(Language.ENGLISH));
    assertThat(Pdfs.pages(pdf)).isGreaterThan(2);
    assertThat(Pdfs.flowing(pdf)).contains("state of the space looked at · done");
  }
}
