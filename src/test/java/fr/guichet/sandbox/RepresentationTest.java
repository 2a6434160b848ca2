package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Identification;
import fr.guichet.contract.Problem;
import fr.guichet.contract.Represented;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acting for someone else: a parent for a child, a guardian, a caregiver, and their limits. */
class RepresentationTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  final Sittings sittings = new Sittings(sandbox);

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
    Refused.with(
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
    // Looking needs no opinion (today's kiosk sends none); changing anything does.
    assertThat(sandbox.openFor("p-sophie", "p-marcel", "account:read").delegation().actingAs())
        .isEqualTo("GUARDIANSHIP");
    Identification sophie = sandbox.strengthen(sandbox.identify("p-sophie"));
    Refused.with(
        "opinion-required",
        () -> sittings.consentFor(sophie, "p-marcel", 30, "account:read", "record:close"));
    DemoSandbox.Sitting s =
        sandbox.openFor("p-sophie", "p-marcel", true, "account:read", "record:close");
    assertThat(s.delegation().actingAs()).isEqualTo("GUARDIANSHIP");
    assertThat(s.delegation().receipt().payload()).containsEntry("personOpinionAsked", true);
    var closed = sittings.close(s, false);
    assertThat(closed.account().state()).isEqualTo("CLOSED");
    assertThat(closed.receipt().payload())
        .containsEntry("actingAs", "GUARDIANSHIP")
        .containsEntry("personOpinionAsked", true);
    assertThat(sandbox.journal("person:p-marcel")).contains("CONSENT REFUSED opinion-required");
    assertThat(
            sandbox.query(
                "SELECT detail FROM journal WHERE chain = ? AND action = 'CONSENT' AND outcome = 'OK'",
                r -> r.getString(1),
                "person:p-marcel"))
        .anySatisfy(detail -> assertThat(detail).contains("the protected person's opinion asked"));
  }

  @Test
  void aCaregiverHelpsButNeverClosesNorManagesAccess() {
    Identification alain = sandbox.strengthen(sandbox.identify("p-alain"));
    for (String forbidden : List.of("record:close", "sharing:manage")) {
      Refused.with(
          "caregiver-forbidden",
          () -> sittings.consentFor(alain, "p-georgette", 30, "account:read", forbidden));
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
    Refused.with(
        "not-a-representative", () -> sittings.consentFor(jeanne, "p-emma", 30, "account:read"));
    assertThat(sandbox.journal("person:p-emma"))
        .containsExactly("CONSENT REFUSED not-a-representative");
  }

  @Test
  void aPersonGivesAccessToThreeCaregiversAtMost() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "account:read", "sharing:manage");
    var first = sittings.addCaregiver(louis, "p-sophie", "LAMBERT", "sophie");
    assertThat(first.account().access()).extracting(Represented::firstName).contains("Sophie");
    assertThat(sandbox.api().verifyReceipt(first.receipt().signed()).payload())
        .containsEntry("kind", "caregiver-added");
    sittings.addCaregiver(louis, "p-alain", "Roux", "Alain");
    sittings.addCaregiver(louis, "p-marcel", "Dubois", "Marcel");
    Refused.with(
        "caregiver-limit-person",
        () -> sittings.addCaregiver(louis, "p-georgette", "Roux", "Georgette"));
    Refused.with(
        "caregiver-already", () -> sittings.addCaregiver(louis, "p-alain", "Roux", "Alain"));

    var removed =
        sandbox
            .api()
            .removeCaregiver(
                louis.session(), louis.delegation(), "p-alain", IdempotencyKey.random());
    assertThat(removed.account().access())
        .extracting(Represented::firstName)
        .doesNotContain("Alain");
    sittings.addCaregiver(louis, "p-georgette", "Roux", "Georgette");
  }

  @Test
  void aCaregiverHelpsFivePeopleAtMostAndMustHaveAnActiveSpace() {
    for (String person : List.of("p-louis", "p-sophie", "p-georgette", "p-marcel")) {
      if (person.equals("p-georgette")) {
        DemoSandbox.Sitting s = sandbox.open(person, "sharing:manage");
        Refused.with(
            "caregiver-needs-active-space",
            () -> sittings.addCaregiver(s, "p-yves", "Moreau", "Yves"));
        continue;
      }
      DemoSandbox.Sitting s = sandbox.open(person, "sharing:manage");
      sittings.addCaregiver(s, "p-alain", "Roux", "Alain");
    }
    // Alain now helps Georgette, Louis, Sophie and Marcel: one more makes five.
    DemoSandbox.Sitting emma = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    sittings.addCaregiver(emma, "p-alain", "Roux", "Alain");
    DemoSandbox.Sitting maria = sandbox.open("p-maria", "sharing:manage");
    Refused.with(
        "caregiver-limit-caregiver",
        () -> sittings.addCaregiver(maria, "p-alain", "Roux", "Alain"));
  }

  @Test
  void aCaregiverWhoseCivilStatusGivesOnlyAYearIsNamedWithZeros() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "sharing:manage");
    var added = sittings.addCaregiver(louis, "p-zainaba", "Madi", "Zaïnaba");
    assertThat(added.account().access())
        .extracting(Represented::firstName, Represented::birthYear)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Zaïnaba", 1958));
  }

  @Test
  void aCaregiverIsNamedExactlyOrNotFound() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "sharing:manage");
    Refused.with(
        "caregiver-unknown", () -> sittings.addCaregiver(louis, "p-alain", "Roux", "Alan"));
    Refused.with("caregiver-self", () -> sittings.addCaregiver(louis, "p-louis", "Petit", "Louis"));
  }

  // What the rule table decides about who acts, over HTTP as a script would meet it.

  LocalDate today() {
    return LocalDate.ofInstant(sandbox.clock().instant(), ZoneId.of("Europe/Paris"));
  }

  @Test
  void aParentNoLongerActsNorClosesForAChildWhoIsAnAdultNow() {
    DemoSandbox.Sitting s =
        sandbox.openFor("p-louis", "p-emma", "account:read", "record:close", "documents:read");
    AccountStatus emma = sandbox.api().account(s.session(), s.delegation());
    assertThat(emma.minor()).isTrue();
    assertThat(emma.adultOn()).isEqualTo(LocalDate.of(2033, 9, 12));
    // Her birth date as the insurer now has it makes her 26.
    sandbox.update(
        "UPDATE person SET birth_date = ? WHERE id = 'p-emma'", today().minusYears(26).toString());
    Problem ended =
        Refused.with(
            "representation-ended", 403, () -> sandbox.api().account(s.session(), s.delegation()));
    assertThat(ended.params()).containsEntry("adultOn", today().minusYears(8).toString());
    Refused.with("representation-ended", 403, () -> sittings.close(s, true));
    Refused.with(
        "representation-ended", 403, () -> sandbox.api().documents(s.session(), s.delegation()));
    assertThat(sandbox.identify("p-louis").represents())
        .extracting(Represented::firstName)
        .containsExactly("Hugo");
    Refused.with(
        "representation-ended", 403, () -> sandbox.openFor("p-louis", "p-emma", "account:read"));
    assertThat(sandbox.journal("person:p-emma"))
        .contains(
            "ACCOUNT_READ REFUSED representation-ended",
            "CLOSED REFUSED representation-ended",
            "CONSENT REFUSED representation-ended");
    assertThat(sandbox.query("SELECT state FROM person WHERE id = 'p-emma'", r -> r.getString(1)))
        .containsExactly("ACTIVE");
  }

  @Test
  void aParentsRightEndsOnTheEighteenthBirthdayNotOnTheFirstOfJanuary() {
    // 18 this year, tomorrow: still a minor today.
    sandbox.update(
        "UPDATE person SET birth_date = ? WHERE id = 'p-emma'",
        today().minusYears(18).plusDays(1).toString());
    DemoSandbox.Sitting s = sandbox.openFor("p-louis", "p-emma", "account:read");
    AccountStatus emma = sandbox.api().account(s.session(), s.delegation());
    assertThat(emma.minor()).isTrue();
    assertThat(emma.adultOn()).isEqualTo(today().plusDays(1));
    // 18 today: the parent's right has ended.
    sandbox.update(
        "UPDATE person SET birth_date = ? WHERE id = 'p-emma'", today().minusYears(18).toString());
    Refused.with(
        "representation-ended", 403, () -> sandbox.api().account(s.session(), s.delegation()));
  }

  @Test
  void documentsHiddenFromAChildsParentsAreHiddenFromEveryRepresentative() {
    DemoSandbox.Sitting forEmma = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    sittings.addCaregiver(forEmma, "p-alain", "Roux", "Alain");
    DemoSandbox.Sitting alain = sandbox.openFor("p-alain", "p-emma", "documents:read");
    assertThat(sandbox.api().documents(alain.session(), alain.delegation()))
        .extracting(DocumentInfo::title)
        .containsExactly("Carnet de vaccination");
    // A tutor does not see what is hidden from representatives either; the person does.
    sandbox.update("UPDATE document SET hidden_from_representatives = 1 WHERE id = 'doc-marcel-1'");
    DemoSandbox.Sitting sophie = sandbox.openFor("p-sophie", "p-marcel", "documents:read");
    assertThat(sandbox.api().documents(sophie.session(), sophie.delegation())).isEmpty();
    Refused.with(
        "document-unknown",
        404,
        () -> sandbox.api().document(sophie.session(), sophie.delegation(), "doc-marcel-1"));
    DemoSandbox.Sitting marcel = sandbox.open("p-marcel", "documents:read");
    assertThat(sandbox.api().documents(marcel.session(), marcel.delegation())).hasSize(1);
  }

  @Test
  void aCaregiverListsTheDocumentsButNeverDownloadsOne() {
    DemoSandbox.Sitting s = sandbox.openFor("p-alain", "p-georgette", "documents:read");
    assertThat(sandbox.api().documents(s.session(), s.delegation())).hasSize(1);
    Refused.with(
        "caregiver-forbidden",
        403,
        () -> sandbox.api().document(s.session(), s.delegation(), "doc-georgette-1"));
    assertThat(sandbox.journal("person:p-georgette"))
        .contains("DOCUMENT_READ REFUSED caregiver-forbidden");
  }

  @Test
  void aCaregiverTakenAwayLosesEveryLiveDelegationAtOnce() {
    DemoSandbox.Sitting alain =
        sandbox.openFor("p-alain", "p-georgette", "documents:read", "journal:read");
    assertThat(sandbox.api().journal(alain.session(), alain.delegation())).isNotEmpty();
    DemoSandbox.Sitting georgette = sandbox.open("p-georgette", "sharing:manage");
    sandbox
        .api()
        .removeCaregiver(
            georgette.session(), georgette.delegation(), "p-alain", IdempotencyKey.random());
    Refused.with(
        "delegation-revoked",
        401,
        () -> sandbox.api().journal(alain.session(), alain.delegation()));
    Refused.with(
        "delegation-revoked",
        401,
        () -> sandbox.api().documents(alain.session(), alain.delegation()));
    assertThat(sandbox.journal("person:p-georgette"))
        .contains("DELEGATION_REVOKED OK", "JOURNAL_READ REFUSED delegation-revoked");
  }

  @Test
  void aCuratorAloneLooksButNeitherObjectsNorClosesNorDeletes() {
    DemoSandbox.Sitting claire = sandbox.openFor("p-claire", "p-raymond", "account:read");
    assertThat(claire.delegation().actingAs()).isEqualTo("CURATORSHIP");
    AccountStatus raymond = sandbox.api().account(claire.session(), claire.delegation());
    assertThat(raymond.state()).isEqualTo("ANNOUNCED");
    assertThat(raymond.possibleActions()).isEmpty();
    for (String scope : List.of("opposition:write", "record:close", "sharing:manage")) {
      Problem p =
          Refused.with(
              "curator-forbidden",
              403,
              () -> sandbox.openFor("p-claire", "p-raymond", "account:read", scope));
      assertThat(p.params()).containsEntry("scope", scope);
    }
    // Raymond himself objects, his curator beside him.
    DemoSandbox.Sitting himself = sandbox.open("p-raymond", "account:read", "opposition:write");
    assertThat(
            sandbox
                .api()
                .recordOpposition(himself.session(), himself.delegation(), IdempotencyKey.random())
                .account()
                .state())
        .isEqualTo("OPPOSED");
  }
}
