package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.ReceiptStory;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.testing.FakeServer;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tutor's question ({@code fr.guichet.kiosk.OpinionScreen}) on the virtual terminal at 80×24,
 * against the server in memory, which refuses a tutor's change without it: Sophie Lambert, Marcel
 * Dubois's tutor, is asked whether his opinion was asked before any consent that lets her change
 * something (who has access, a closure, the profile); a no says it must be asked first and sends
 * nothing; a yes is sent with the consent, read back, and said by the receipt. Looking only, or a
 * parent acting for a child, asks nothing.
 */
class OpinionScreenTest {
  private static final String QUESTION =
      "Avez-vous demandé son avis à Marcel sur ce qui va être fait ?";
  private static final String ASKED =
      "L’avis de la personne protégée a été demandé avant cette action.";

  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  /** Sophie, for Marcel (tutelle): his account. */
  VirtualScreen marcel() {
    VirtualScreen s =
        counter.toTheAccount(counter.open(PendingActions.inMemory()), "p-sophie", "2");
    assertThat(s.text()).contains("Pour : Marcel Dubois", "par Sophie Lambert, tuteur");
    return s;
  }

  @Test
  void aNoSaysTheOpinionMustBeAskedFirstAndSendsNothingThenAYesIsSentAndSaid() {
    VirtualScreen s = marcel();
    s.type(Counter.tile(s, "Qui peut vous aider")).type("1");
    CaregiversScreenTest.typeCaregiver(s, "p-alain", "Roux", "Alain");
    assertThat(s.flowing())
        .contains(
            "L’avis de la personne protégée",
            "Un tuteur ou une tutrice agit au nom de la personne protégée",
            QUESTION,
            "1 ✓ Oui, son avis a été demandé",
            "2 ✗ Non, pas encore");

    s.type("2");
    assertThat(s.flowing())
        .contains(
            "Avant d’agir pour une personne en tutelle, demandez-lui son avis, puis notez-le.",
            QUESTION);
    assertThat(server().journal("person:p-marcel"))
        .as("nothing sent on a no")
        .containsExactly("CONSENT OK", "DELEGATION_OPENED OK", "ACCOUNT_READ OK");

    s.type("1");
    assertThat(s.flowing())
        .contains("Voici ce qui va être envoyé :", "à l’aidant Alain Roux", ASKED)
        .doesNotContain(QUESTION);
    s.enter();
    assertThat(s.flowing())
        .contains("L’aidant a maintenant accès", "Aidant : Alain R. (1962)", ASKED);
    assertThat(server().link("p-alain", "p-marcel")).isEqualTo("ACCEPTED");
    assertThat(
            ReceiptStory.of(server().lastReceipt("caregiver-added"), ZoneId.of("Europe/Paris"))
                .happened())
        .anyMatch(sentence -> sentence.key().equals("receipt.opinion-asked"));
  }

  @Test
  void escapeGoesBackToWhatWasTypedAndNothingIsSent() {
    VirtualScreen s = marcel();
    s.type(Counter.tile(s, "Qui peut vous aider")).type("1");
    CaregiversScreenTest.typeCaregiver(s, "p-alain", "Roux", "Alain");
    s.press(com.googlecode.lanterna.input.KeyType.Escape);
    assertThat(s.flowing())
        .contains("Numéro de sécurité sociale de l’aidant")
        .doesNotContain(QUESTION);
    assertThat(server().delegations("sharing:manage")).isZero();
  }

  @Test
  void aClosureAsksItBeforeTheSecondProofAndTheReceiptSaysIt() {
    VirtualScreen s = marcel();
    s.type(Counter.tile(s, "Fermer votre espace")).type("1");
    assertThat(s.flowing()).contains(QUESTION);
    s.type("1");
    assertThat(s.flowing()).contains("il faut une 2e preuve d’identité");
    s.enter().type(server().lastCode("p-sophie")).enter();
    assertThat(s.flowing()).contains("fermer l’espace de Marcel D. (1940)", ASKED);
    s.enter();
    assertThat(s.flowing())
        .contains(
            "Votre espace est fermé", "Vous pouvez rouvrir votre espace à tout moment.", ASKED);
    assertThat(server().journal("person:p-marcel")).contains("CLOSED OK");
  }

  @Test
  void theMedicalProfileAsksItToo() {
    VirtualScreen s = marcel();
    s.type(Counter.tile(s, "Profil médical")).type("1");
    assertThat(s.flowing()).contains(QUESTION);
    s.type("1");
    assertThat(s.flowing()).contains(ASKED, "la personne est-elle à côté de vous ?");
    s.enter();
    assertThat(s.text()).contains("A  ✚  Maladies et sujets de santé");
    assertThat(server().journal("person:p-marcel"))
        .containsSubsequence("CONSENT OK", "PROFILE_READ OK");
  }

  @Test
  void lookingOnlyAsksNothing() {
    VirtualScreen s = marcel();
    s.type(Counter.tile(s, "Ce qui a été fait en votre nom"));
    assertThat(s.flowing()).contains("lire votre historique").doesNotContain(QUESTION);
  }

  @Test
  void aParentActingForAChildIsNotAsked() {
    VirtualScreen s = counter.toTheAccount(counter.open(PendingActions.inMemory()), "p-louis", "2");
    s.type(Counter.tile(s, "Qui peut vous aider")).type("1");
    CaregiversScreenTest.typeCaregiver(s, "p-alain", "Roux", "Alain");
    assertThat(s.flowing())
        .contains("Voici ce qui va être envoyé :")
        .doesNotContain(QUESTION, ASKED);
  }
}
