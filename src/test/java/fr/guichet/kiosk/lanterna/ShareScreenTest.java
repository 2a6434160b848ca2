package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sharing a child's profile with the other parent ({@code fr.guichet.kiosk.ShareScreen}) on the
 * virtual terminal at 80×24, against the server in memory, which holds the rules: Louis, acting for
 * Emma, invites Claire Morel (named as a caregiver is: NIR, names, birth date), read back,
 * attested, the receipt's lines on screen; the invitation is listed in "who has access"; Claire,
 * acting for herself at a later sitting, finds it on her account and accepts or refuses it. The
 * server's refusals keep what was typed; the tile is offered only to a parent acting for a child.
 */
class ShareScreenTest {
  private static final String SHARE = "Partager le profil de l’enfant avec l’autre parent";

  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  /** Louis, for Emma (the second of his choices): her account. */
  VirtualScreen emma() {
    VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-louis", "2");
    assertThat(s.text()).contains("Pour : Emma Petit", "par Louis Petit, représentant légal");
    return s;
  }

  /** Claire, for herself (the first of her choices, Raymond's curator too): her account. */
  VirtualScreen claire() {
    VirtualScreen s = counter.toTheAccount(counter.open(Language.FRENCH), "p-claire", "1");
    assertThat(s.text()).contains("Pour : Claire Morel");
    return s;
  }

  @Test
  void aParentInvitesTheOtherParentReadBackAttestedAndTheInvitationIsListed() throws IOException {
    VirtualScreen s = emma();
    s.type(Counter.tile(s, SHARE));
    assertThat(s.flowing())
        .contains(
            "Tapez les informations de l’autre parent",
            "► Numéro de sécurité sociale de l’autre parent");
    CaregiversScreenTest.typeCaregiver(s, "p-claire", "Morel", "Claire");
    assertThat(s.flowing())
        .contains(
            "Voici ce qui va être envoyé :",
            "proposer à Claire Morel (date de naissance : 20 août 1987, numéro 2 87 08 75 112 345"
                + " 26) de partager le profil d’Emma P. (2015).",
            "Louis, voulez-vous le faire maintenant ?",
            "la personne est-elle à côté de vous ?");
    assertThat(server().share("p-emma", "p-claire"))
        .as("nothing sent before Enter")
        .isEqualTo("none");

    s.enter();
    assertThat(s.flowing())
        .contains(
            "L’invitation est envoyée",
            "Enfant : Emma Petit. Second représentant légal : Claire Morel.",
            "Claire Morel peut accepter ou refuser jusqu’au 29 décembre 2026",
            "C’est fait.");
    assertThat(server().share("p-emma", "p-claire")).isEqualTo("PENDING");
    assertThat(server().journal("person:p-emma")).contains("SHARE_INVITED OK");

    s.type("1");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anySatisfy(f -> assertThat(f).startsWith("recu-rcp-"));
    }
    s.type("2");
    s.type(Counter.tile(s, "Qui peut vous aider"));
    assertThat(s.flowing())
        .contains(
            "Louis Petit (représentant légal)",
            "Claire Morel : invitation à partager le profil, réponse attendue avant le 29 décembre"
                + " 2026");
  }

  @Test
  void aRefusalKeepsWhatWasTypedAndSaysWhy() {
    VirtualScreen s = emma();
    s.type(Counter.tile(s, SHARE));
    CaregiversScreenTest.typeCaregiver(s, "p-claire", "Morelle", "Claire");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "Personne ne correspond à ces informations pour l’autre parent.",
            "► Numéro de sécurité sociale de l’autre parent",
            "Morelle");
    assertThat(server().journal("person:p-emma"))
        .contains("SHARE_INVITED REFUSED share-parent-unknown");

    s.press(KeyType.Escape);
    s.type(Counter.tile(s, SHARE));
    CaregiversScreenTest.typeCaregiver(s, "p-jeanne", "Martin", "Jeanne");
    s.enter();
    assertThat(s.flowing())
        .contains("L’autre parent doit avoir un espace Mon Espace Santé ouvert.", "Martin");
    assertThat(server().share("p-emma", "p-jeanne")).isEqualTo("none");
  }

  @Test
  void theInvitedParentFindsItOnTheirAccountAndAccepts() {
    server().invited("p-emma", "p-louis", "p-claire", 3);
    VirtualScreen s = claire();
    assertThat(s.flowing())
        .contains(
            "Louis Petit vous propose de partager le profil d’Emma Petit. Vous pouvez répondre"
                + " jusqu’au 26 décembre 2026.");
    s.type(Counter.tile(s, "Répondre : partage du profil d’Emma Petit"));
    assertThat(s.flowing())
        .contains(
            "Si vous acceptez, vous pourrez voir et remplir son profil médical",
            "1 ✓ Accepter le partage",
            "2 ✗ Refuser le partage");
    s.type("1");
    assertThat(s.flowing())
        .contains(
            "accepter de partager le profil d’Emma Petit (naissance en 2015), proposé par Louis"
                + " Petit.",
            "la personne est-elle à côté de vous ?");
    s.enter();
    assertThat(s.flowing())
        .contains("Vous partagez maintenant ce profil", "Second représentant légal : Claire Morel");
    assertThat(server().share("p-emma", "p-claire")).isEqualTo("ACCEPTED");
    s.type("2");
    assertThat(s.flowing()).doesNotContain("Répondre : partage", "vous propose de partager");
  }

  @Test
  void theInvitedParentMayRefuse() {
    server().invited("p-emma", "p-louis", "p-claire", 3);
    VirtualScreen s = claire();
    s.type(Counter.tile(s, "Répondre : partage")).type("2");
    assertThat(s.flowing()).contains("refuser de partager le profil d’Emma Petit");
    s.enter();
    assertThat(s.flowing()).contains("Vous ne partagez pas ce profil");
    assertThat(server().share("p-emma", "p-claire")).isEqualTo("REFUSED");
  }

  @Test
  void anInvitationPastItsThirtyDaysIsNoLongerOffered() {
    server().invited("p-emma", "p-louis", "p-claire", 31);
    VirtualScreen s = claire();
    assertThat(s.flowing()).doesNotContain("Répondre : partage", "vous propose de partager");
  }

  @Test
  void offeredOnlyToAParentActingForAChild() throws IOException {
    VirtualScreen louis = counter.toTheAccount(counter.open(Language.FRENCH), "p-louis", "1");
    assertThat(louis.text()).contains("Pour : Louis Petit").doesNotContain("Partager le profil");
    counter.closeScreen();
    VirtualScreen marcel = counter.toTheAccount(counter.open(Language.FRENCH), "p-sophie", "2");
    assertThat(marcel.text()).contains("Pour : Marcel Dubois").doesNotContain("Partager le profil");
  }
}
