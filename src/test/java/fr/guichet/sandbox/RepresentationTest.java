package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Identification;
import fr.guichet.contract.Represented;
import fr.guichet.testing.DemoSandbox;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acting for someone else: a parent for a child, a guardian, a caregiver, and their limits. */
class RepresentationTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  static void refused(String slug, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo(slug));
  }

  @Test
  void anIdentificationSaysWhomThePersonMayActFor() {
    Identification louis = sandbox.identify("p-louis");
    assertThat(louis.represents())
        .extracting(Represented::firstName, Represented::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Emma", "LEGAL_REPRESENTATION"),
            org.assertj.core.groups.Tuple.tuple("Hugo", "LEGAL_REPRESENTATION"));
    assertThat(sandbox.identify("p-sophie").represents())
        .extracting(Represented::kind)
        .containsExactly("GUARDIANSHIP");
    assertThat(sandbox.identify("p-alain").represents())
        .extracting(Represented::kind)
        .containsExactly("CAREGIVING");
    assertThat(sandbox.identify("p-jeanne").represents()).isEmpty();
  }

  @Test
  void aParentActsForTheirChildButDoesNotSeeHerConfidentialCare() {
    DemoSandbox.Sitting s = sandbox.openFor("p-louis", "p-emma", "account:read", "documents:read");
    assertThat(s.delegation().actingAs()).isEqualTo("LEGAL_REPRESENTATION");
    assertThat(s.delegation().personId()).isEqualTo("p-emma");
    AccountStatus emma = sandbox.api().account(s.session(), s.delegation());
    assertThat(emma.firstName()).isEqualTo("Emma");
    assertThat(emma.access()).extracting(Represented::firstName).containsExactly("Louis");
    List<DocumentInfo> docs = sandbox.api().documents(s.session(), s.delegation());
    assertThat(docs).extracting(DocumentInfo::title).containsExactly("Carnet de vaccination");
    refused(
        "document-unknown",
        () -> sandbox.api().document(s.session(), s.delegation(), "doc-emma-2"));
    assertThat(sandbox.journal("person:p-emma"))
        .contains("CONSENT OK", "DOCUMENTS_LISTED OK", "DOCUMENT_READ REFUSED document-unknown");
  }

  @Test
  void theParentsOwnSpaceListsTheChildrenHeManages() {
    DemoSandbox.Sitting s = sandbox.open("p-louis", "account:read");
    assertThat(sandbox.api().account(s.session(), s.delegation()).manages())
        .extracting(Represented::firstName)
        .containsExactly("Emma", "Hugo");
  }

  @Test
  void aGuardianCanObjectOrCloseForTheProtectedAdultOnceTheirOpinionWasAsked() {
    Identification sophie = sandbox.strengthen(sandbox.identify("p-sophie"));
    refused(
        "opinion-required",
        () ->
            sandbox
                .api()
                .consent(
                    sandbox.session(),
                    new ConsentRequest(
                        sophie.identificationId(),
                        "p-marcel",
                        List.of("account:read", "record:close"),
                        30,
                        "fr",
                        "v1",
                        true,
                        true),
                    IdempotencyKey.random()));
    DemoSandbox.Sitting s =
        sandbox.openFor("p-sophie", "p-marcel", true, "account:read", "record:close");
    assertThat(s.delegation().actingAs()).isEqualTo("GUARDIANSHIP");
    assertThat(s.delegation().receipt().payload()).containsEntry("personOpinionAsked", true);
    assertThat(
            sandbox
                .api()
                .close(
                    s.session(), s.delegation(), new ClosureRequest(false), IdempotencyKey.random())
                .account()
                .state())
        .isEqualTo("CLOSED");
    assertThat(sandbox.journal("person:p-marcel")).contains("CONSENT REFUSED opinion-required");
    assertThat(
            sandbox.query(
                "SELECT detail FROM journal WHERE chain = ? AND action = 'CONSENT' AND outcome = 'OK'",
                r -> r.getString(1),
                "person:p-marcel"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("the protected person's opinion asked");
  }

  @Test
  void aCaregiverHelpsButNeverClosesNorManagesAccess() {
    Identification alain = sandbox.strengthen(sandbox.identify("p-alain"));
    for (String forbidden : List.of("record:close", "sharing:manage")) {
      refused(
          "caregiver-forbidden",
          () ->
              sandbox
                  .api()
                  .consent(
                      sandbox.session(),
                      new ConsentRequest(
                          alain.identificationId(),
                          "p-georgette",
                          List.of("account:read", forbidden),
                          30,
                          "fr",
                          "v1",
                          true,
                          true),
                      IdempotencyKey.random()));
    }
    DemoSandbox.Sitting s =
        sandbox.openFor("p-alain", "p-georgette", "account:read", "documents:read");
    AccountStatus georgette = sandbox.api().account(s.session(), s.delegation());
    assertThat(georgette.actingAs()).isEqualTo("CAREGIVING");
    assertThat(georgette.state()).isEqualTo("ACTIVE");
    assertThat(georgette.possibleActions())
        .as("a caregiver is never offered a closure")
        .doesNotContain("CLOSE");
    assertThat(georgette.allowedActions()).doesNotContain("CLOSE");
    assertThat(sandbox.api().documents(s.session(), s.delegation())).hasSize(1);
  }

  @Test
  void nobodyActsForSomeoneTheyDoNotRepresent() {
    Identification jeanne = sandbox.identify("p-jeanne");
    refused(
        "not-a-representative",
        () ->
            sandbox
                .api()
                .consent(
                    sandbox.session(),
                    new ConsentRequest(
                        jeanne.identificationId(),
                        "p-emma",
                        List.of("account:read"),
                        30,
                        "fr",
                        "v1",
                        true,
                        true),
                    IdempotencyKey.random()));
    assertThat(sandbox.journal("person:p-emma"))
        .containsExactly("CONSENT REFUSED not-a-representative");
  }

  CaregiverRequest caregiver(String id, String last, String first) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(id);
    return new CaregiverRequest(p.nir(), last, first, p.birth());
  }

  @Test
  void aPersonGivesAccessToThreeCaregiversAtMost() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "account:read", "sharing:manage");
    var first =
        sandbox
            .api()
            .addCaregiver(
                louis.session(),
                louis.delegation(),
                caregiver("p-sophie", "LAMBERT", "sophie"),
                IdempotencyKey.random());
    assertThat(first.account().access()).extracting(Represented::firstName).contains("Sophie");
    assertThat(sandbox.api().verifyReceipt(first.receipt().signed()).payload())
        .containsEntry("kind", "caregiver-added");
    sandbox
        .api()
        .addCaregiver(
            louis.session(),
            louis.delegation(),
            caregiver("p-alain", "Roux", "Alain"),
            IdempotencyKey.random());
    sandbox
        .api()
        .addCaregiver(
            louis.session(),
            louis.delegation(),
            caregiver("p-marcel", "Dubois", "Marcel"),
            IdempotencyKey.random());
    refused(
        "caregiver-limit-person",
        () ->
            sandbox
                .api()
                .addCaregiver(
                    louis.session(),
                    louis.delegation(),
                    caregiver("p-georgette", "Roux", "Georgette"),
                    IdempotencyKey.random()));
    refused(
        "caregiver-already",
        () ->
            sandbox
                .api()
                .addCaregiver(
                    louis.session(),
                    louis.delegation(),
                    caregiver("p-alain", "Roux", "Alain"),
                    IdempotencyKey.random()));

    var removed =
        sandbox
            .api()
            .removeCaregiver(
                louis.session(), louis.delegation(), "p-alain", IdempotencyKey.random());
    assertThat(removed.account().access())
        .extracting(Represented::firstName)
        .doesNotContain("Alain");
    sandbox
        .api()
        .addCaregiver(
            louis.session(),
            louis.delegation(),
            caregiver("p-georgette", "Roux", "Georgette"),
            IdempotencyKey.random());
  }

  @Test
  void aCaregiverHelpsFivePeopleAtMostAndMustHaveAnActiveSpace() {
    for (String person : List.of("p-louis", "p-sophie", "p-georgette", "p-marcel")) {
      if (person.equals("p-georgette")) {
        DemoSandbox.Sitting s = sandbox.open(person, "sharing:manage");
        refused(
            "caregiver-needs-active-space",
            () ->
                sandbox
                    .api()
                    .addCaregiver(
                        s.session(),
                        s.delegation(),
                        caregiver("p-yves", "Moreau", "Yves"),
                        IdempotencyKey.random()));
        continue;
      }
      DemoSandbox.Sitting s = sandbox.open(person, "sharing:manage");
      sandbox
          .api()
          .addCaregiver(
              s.session(),
              s.delegation(),
              caregiver("p-alain", "Roux", "Alain"),
              IdempotencyKey.random());
    }
    // Alain now helps Georgette, Louis, Sophie and Marcel: one more makes five.
    DemoSandbox.Sitting emma = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    sandbox
        .api()
        .addCaregiver(
            emma.session(),
            emma.delegation(),
            caregiver("p-alain", "Roux", "Alain"),
            IdempotencyKey.random());
    DemoSandbox.Sitting maria = sandbox.open("p-maria", "sharing:manage");
    refused(
        "caregiver-limit-caregiver",
        () ->
            sandbox
                .api()
                .addCaregiver(
                    maria.session(),
                    maria.delegation(),
                    caregiver("p-alain", "Roux", "Alain"),
                    IdempotencyKey.random()));
  }

  @Test
  void aCaregiverIsNamedExactlyOrNotFound() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "sharing:manage");
    refused(
        "caregiver-unknown",
        () ->
            sandbox
                .api()
                .addCaregiver(
                    louis.session(),
                    louis.delegation(),
                    caregiver("p-alain", "Roux", "Alan"),
                    IdempotencyKey.random()));
    refused(
        "caregiver-self",
        () ->
            sandbox
                .api()
                .addCaregiver(
                    louis.session(),
                    louis.delegation(),
                    caregiver("p-louis", "Petit", "Louis"),
                    IdempotencyKey.random()));
  }
}
