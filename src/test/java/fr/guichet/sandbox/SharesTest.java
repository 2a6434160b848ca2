package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Json;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.contract.Represented;
import fr.guichet.contract.Share;
import fr.guichet.contract.ShareRequest;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sharing a child's profile with the second legal representative, over HTTP: the parent the child
 * is attached to invites, the other parent accepts or refuses on their own space, an unanswered
 * invitation expires, the first parent may end the share; both parents are told each time, and each
 * step has its receipt and its journal lines. Every refusal has its problem.
 */
class SharesTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  static ShareRequest claire() {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-claire");
    return new ShareRequest(p.nir(), "Morel", "Claire", p.birthDate());
  }

  ActionResult invite(String childId, ShareRequest request) {
    DemoSandbox.Sitting louis =
        sandbox.openFor("p-louis", childId, "account:read", "sharing:manage");
    return sandbox
        .api()
        .shareProfile(louis.session(), louis.delegation(), request, IdempotencyKey.random());
  }

  ActionResult answer(String shareId, boolean accept) {
    return answer(sandbox.open("p-claire", "account:read", "sharing:manage"), shareId, accept);
  }

  ActionResult answer(DemoSandbox.Sitting s, String shareId, boolean accept) {
    return sandbox
        .api()
        .answerShare(s.session(), s.delegation(), shareId, accept, IdempotencyKey.random());
  }

  List<String> outboxFor(String personId) {
    return sandbox.api().outbox(sandbox.managerSession()).stream()
        .filter(m -> m.personId().equals(personId))
        .map(OutboxMessage::body)
        .toList();
  }

  @Test
  void theOtherParentIsInvitedAcceptsAndThenLooksAfterTheChildsProfile() {
    ActionResult invited = invite("p-emma", claire());
    Share share = invited.account().shares().get(0);
    assertThat(share.status()).isEqualTo("PENDING");
    assertThat(share.childName()).isEqualTo("Emma Petit");
    assertThat(share.inviterName()).isEqualTo("Louis Petit");
    assertThat(share.inviteeName()).isEqualTo("Claire Morel");
    assertThat(share.expiresOn()).isEqualTo(share.invitedOn().plusDays(30));
    assertThat(invited.receipt().kind()).isEqualTo("share-invited");
    assertThat(invited.receipt().payload())
        .containsEntry("secondParent", "Claire Morel")
        .containsEntry("actingAs", "LEGAL_REPRESENTATION");
    assertThat(outboxFor("p-louis")).anyMatch(m -> m.contains("partager le profil de Emma Petit"));
    assertThat(outboxFor("p-claire")).anyMatch(m -> m.contains("Louis Petit vous propose"));
    // Not yet: Claire does not act for Emma before she accepts.
    assertThat(sandbox.identify("p-claire").represents())
        .extracting(Represented::firstName)
        .doesNotContain("Emma");

    ActionResult accepted = answer(share.shareId(), true);
    assertThat(accepted.receipt().kind()).isEqualTo("share-accepted");
    assertThat(accepted.account().personId()).isEqualTo("p-claire");
    assertThat(accepted.account().shares()).extracting(Share::status).containsExactly("ACCEPTED");
    assertThat(accepted.account().manages())
        .extracting(Represented::firstName, Represented::kind)
        .contains(org.assertj.core.groups.Tuple.tuple("Emma", "SECOND_PARENT"));
    assertThat(outboxFor("p-louis")).anyMatch(m -> m.contains("Claire Morel a accepté"));

    DemoSandbox.Sitting forEmma =
        sandbox.openFor("p-claire", "p-emma", "account:read", "profile:read", "profile:write");
    assertThat(forEmma.delegation().actingAs()).isEqualTo("SECOND_PARENT");
    ObjectNode allergies = Json.mapper().createObjectNode().put("form", 1).put("status", "filled");
    allergies.putArray("entries").addObject().put("name", "latex");
    assertThat(
            sandbox
                .api()
                .writeProfileSection(
                    forEmma.session(),
                    forEmma.delegation(),
                    "allergies",
                    0,
                    allergies,
                    IdempotencyKey.random())
                .version())
        .isEqualTo(1);
    assertThat(sandbox.api().account(forEmma.session(), forEmma.delegation()).possibleActions())
        .as("the second parent neither closes nor deletes")
        .isEmpty();
    Refused.with(
        "second-parent-forbidden",
        403,
        () -> sandbox.openFor("p-claire", "p-emma", "account:read", "record:close"));
    assertThat(sandbox.journal("person:p-emma"))
        .contains("PROFILE_SHARED OK", "SHARE_ACCEPTED OK", "PROFILE_WRITTEN OK");
    assertThat(sandbox.journal("person:p-claire"))
        .contains("PROFILE_SHARED OK", "SHARE_ACCEPTED OK");
  }

  @Test
  void theOtherParentMayRefuse() {
    Share share = invite("p-emma", claire()).account().shares().get(0);
    ActionResult refused = answer(share.shareId(), false);
    assertThat(refused.receipt().kind()).isEqualTo("share-refused");
    assertThat(refused.account().shares()).extracting(Share::status).containsExactly("REFUSED");
    assertThat(refused.account().manages())
        .extracting(Represented::firstName)
        .doesNotContain("Emma");
    assertThat(outboxFor("p-louis")).anyMatch(m -> m.contains("Claire Morel a refusé"));
    Refused.with("share-over", 409, () -> answer(share.shareId(), true));
    Refused.with(
        "not-a-representative", 403, () -> sandbox.openFor("p-claire", "p-emma", "account:read"));
  }

  @Test
  void anInvitationLeftUnansweredExpiresAfterThirtyDays() {
    Share share = invite("p-hugo", claire()).account().shares().get(0);
    sandbox.clock().advance(Duration.ofDays(31));
    Refused.with("share-expired", 409, () -> answer(share.shareId(), true));
    DemoSandbox.Sitting louis = sandbox.openFor("p-louis", "p-hugo", "account:read");
    assertThat(sandbox.api().account(louis.session(), louis.delegation()).shares())
        .extracting(Share::status)
        .containsExactly("EXPIRED");
    // A new invitation can be sent.
    assertThat(invite("p-hugo", claire()).account().shares())
        .extracting(Share::status)
        .containsExactly("PENDING", "EXPIRED");
  }

  @Test
  void endingAShareEndsTheSecondParentsLiveDelegationsAtOnce() {
    Share share = invite("p-emma", claire()).account().shares().get(0);
    answer(share.shareId(), true);
    DemoSandbox.Sitting claire = sandbox.openFor("p-claire", "p-emma", "account:read");
    assertThat(sandbox.api().account(claire.session(), claire.delegation()).firstName())
        .isEqualTo("Emma");
    DemoSandbox.Sitting louis = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    ActionResult ended =
        sandbox
            .api()
            .endShare(
                louis.session(), louis.delegation(), share.shareId(), IdempotencyKey.random());
    assertThat(ended.receipt().kind()).isEqualTo("share-ended");
    assertThat(ended.account().shares()).extracting(Share::status).containsExactly("ENDED");
    Refused.with(
        "delegation-revoked",
        401,
        () -> sandbox.api().account(claire.session(), claire.delegation()));
    assertThat(outboxFor("p-claire")).anyMatch(m -> m.contains("est terminé"));
    Refused.with(
        "share-over",
        409,
        () ->
            sandbox
                .api()
                .endShare(
                    louis.session(), louis.delegation(), share.shareId(), IdempotencyKey.random()));
  }

  @Test
  void everyWrongInvitationIsRefusedWithItsReason() {
    DemoSandbox.Papers maria = DemoSandbox.PEOPLE.get("p-maria");
    DemoSandbox.Papers louis = DemoSandbox.PEOPLE.get("p-louis");
    Refused.with(
        "share-parent-unknown",
        404,
        () ->
            invite(
                "p-emma",
                new ShareRequest(claire().nir(), "Morel", "Clara", claire().birthDate())));
    Refused.with(
        "share-self",
        409,
        () -> invite("p-emma", new ShareRequest(louis.nir(), "Petit", "Louis", louis.birthDate())));
    Refused.with(
        "share-needs-active-space",
        409,
        () ->
            invite(
                "p-emma", new ShareRequest(maria.nir(), "Da Silva", "Maria", maria.birthDate())));
    invite("p-emma", claire());
    Refused.with("share-already", 409, () -> invite("p-emma", claire()));
    assertThat(sandbox.journal("person:p-emma"))
        .contains(
            "PROFILE_SHARED REFUSED share-parent-unknown",
            "PROFILE_SHARED REFUSED share-self",
            "PROFILE_SHARED REFUSED share-needs-active-space",
            "PROFILE_SHARED REFUSED share-already");
  }

  @Test
  void onlyTheParentTheChildIsAttachedToSharesAndOnlyTheInvitedParentAnswers() {
    // Louis's own space is not a child's profile.
    DemoSandbox.Sitting himself = sandbox.open("p-louis", "sharing:manage");
    Refused.with(
        "acting-as-forbidden",
        403,
        () ->
            sandbox
                .api()
                .shareProfile(
                    himself.session(), himself.delegation(), claire(), IdempotencyKey.random()));
    Share share = invite("p-emma", claire()).account().shares().get(0);
    // Someone else cannot answer Claire's invitation, nor Louis for Emma.
    DemoSandbox.Sitting sophie = sandbox.open("p-sophie", "sharing:manage");
    Refused.with("share-unknown", 404, () -> answer(sophie, share.shareId(), true));
    DemoSandbox.Sitting forEmma = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    Refused.with("acting-as-forbidden", 403, () -> answer(forEmma, share.shareId(), true));
    // A caregiver never manages sharing.
    Refused.with(
        "caregiver-forbidden",
        403,
        () -> sandbox.openFor("p-alain", "p-georgette", "sharing:manage"));
  }
}
