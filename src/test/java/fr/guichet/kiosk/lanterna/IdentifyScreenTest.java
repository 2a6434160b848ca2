package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Identification ({@code fr.guichet.kiosk.IdentifyScreen}) of a person whose civil status knows
 * only the year of birth, on the virtual terminal at 80×24, against the server in memory: the help
 * says to type 00, Zaïnaba Madi (Mayotte, 00/00/1958) is identified with her Carte Vitale and her
 * second proof (a code to her phone) goes through with the same date; a date that does not exist is
 * still refused before anything is sent.
 */
class IdentifyScreenTest {
  @RegisterExtension final Counter counter = new Counter();
  final DemoSandbox.Papers zainaba = DemoSandbox.PEOPLE.get("p-zainaba");

  FakeServer server() {
    return counter.server();
  }

  @Test
  void aBirthDateWithZerosIdentifiesAndServesTheSecondProof() {
    VirtualScreen s = counter.login(counter.open(Language.FRENCH));
    s.type(zainaba.nir()).enter();
    assertThat(s.flowing())
        .contains("Par exemple : 14/03/1950. Tapez 00 si le jour ou le mois n’est pas connu.");
    s.type("00/00/1958").enter().type(zainaba.vitale()).enter();
    assertThat(s.flowing()).contains("Pour : Zaïnaba Madi (naissance en 1958)", "Votre accord");

    s.type("1").enter();
    s.type(Counter.tile(s, "Fermer votre espace")).type("1");
    assertThat(s.flowing()).contains("il faut une 2e preuve d’identité");
    s.enter().type(server().lastCode("p-zainaba")).enter();
    assertThat(s.flowing()).contains("fermer l’espace de Zaïnaba M. (1958)");
    assertThat(server().journal("person:p-zainaba"))
        .containsSubsequence("IDENTIFY OK", "CONTACT_CODE_SENT OK", "PROOF_ADDED OK");
  }

  @Test
  void aDayThatDoesNotExistIsRefusedAndNothingIsSent() {
    VirtualScreen s = counter.login(counter.open(Language.FRENCH));
    s.type(zainaba.nir()).enter().type("31/02/1958").enter().type(zainaba.vitale()).enter();
    assertThat(s.flowing()).contains("► Date de naissance").doesNotContain("Votre accord");
    assertThat(server().journal("person:p-zainaba")).isEmpty();
  }
}
