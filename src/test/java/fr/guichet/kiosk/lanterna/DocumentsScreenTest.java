package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The person's documents ({@code fr.guichet.kiosk.DocumentsScreen}) on the virtual terminal at
 * 80×24, against the server in memory: a caregiver sees the list and why there is no copy for him,
 * and no key asks the server for one (it would refuse); before a closure the person takes their
 * documents first, one, or all with the status sheet, then comes back to the closure.
 */
class DocumentsScreenTest {
  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  List<String> printed() throws IOException {
    try (Stream<Path> files = Files.list(counter.documents())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCaregiverSeesTheListButIsNeverOfferedACopy() throws IOException {
    VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-alain", "2");
    assertThat(s.text()).contains("par Alain Roux, aidant");
    s.type(Counter.tile(s, "Mes documents")).enter();
    assertThat(s.flowing())
        .contains(
            "Vous pouvez voir la liste. Seule la personne, ou son représentant légal, peut"
                + " imprimer ses documents.",
            "Comptes rendus — Compte rendu d'hospitalisation · 31 août 2026")
        .doesNotContain("1 ▤");
    s.type("1");
    assertThat(printed()).isEmpty();
    assertThat(server().journal("person:p-georgette"))
        .contains("DOCUMENTS_LISTED OK")
        .noneMatch(l -> l.startsWith("DOCUMENT_READ"));
  }

  @Test
  void beforeAClosureThePersonTakesEveryDocumentAndTheSheetThenComesBack() throws IOException {
    VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-louis", "1");
    s.type(Counter.tile(s, "Fermer votre espace"));
    assertThat(s.flowing()).contains("4 ▤ Imprimer d’abord vos documents");
    s.type("4");
    assertThat(s.flowing()).contains("Louis, voulez-vous voir et imprimer vos documents ?");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "Avant de fermer, prenez vos documents",
            "1 ▤ Tout imprimer : la fiche d’état et 2 documents",
            "2 ▤ Imprimer la fiche d’état",
            "3 ▤ Ordonnances et soins — Ordonnance du Dr Lefèvre · 17 novembre 2026",
            "4 ▤ Résultats de biologie — Bilan sanguin · 20 octobre 2026",
            "Échap ◄ Revenir à la fermeture");
    s.type("1");
    assertThat(printed())
        .hasSize(3)
        .contains("doc-louis-1.pdf", "doc-louis-2.pdf")
        .anySatisfy(f -> assertThat(f).startsWith("fiche-etat-rcp-"));
    s.press(KeyType.Escape);
    assertThat(s.flowing())
        .contains("Fermer votre espace", "1 ▣ Fermer et garder mes données 10 ans");
    assertThat(server().journal("person:p-louis")).doesNotContain("CLOSED OK");
  }

  @Test
  void beforeAClosureOneDocumentAloneAndANoToTheConsentGoesBackToTheClosure() throws IOException {
    VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-louis", "1");
    s.type(Counter.tile(s, "Fermer votre espace")).type("4");
    s.press(KeyType.Escape);
    assertThat(s.flowing()).contains("1 ▣ Fermer et garder mes données 10 ans");
    assertThat(server().journal("person:p-louis")).doesNotContain("DOCUMENTS_LISTED OK");

    s.type("4").enter().type("4");
    assertThat(printed()).containsExactly("doc-louis-2.pdf");
  }
}
