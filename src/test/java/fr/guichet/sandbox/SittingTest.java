package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An identification lives only inside its sitting: the end of the sitting, its last delegation
 * revoked, or the mediator's logout end it, and a consent is given only on an identification of the
 * same session, still open and not expired — never later, without the person.
 */
class SittingTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  Delegation consent(MediatorSession session, Identification who, String... scopes) {
    return sandbox
        .api()
        .consent(
            session,
            ConsentRequest.forSelf(who.identificationId(), List.of(scopes), 30, "fr", "v1"),
            IdempotencyKey.random());
  }

  @Test
  void theEndOfTheSittingRevokesItsDelegationsAndNoConsentFollows() {
    MediatorSession session = sandbox.session();
    Identification louis = sandbox.identify("p-louis");
    Delegation account = consent(session, louis, "account:read");
    Delegation profile = consent(session, louis, "profile:read");
    sandbox.api().endSitting(session, louis.identificationId(), IdempotencyKey.random());
    Refused.with("delegation-revoked", 401, () -> sandbox.api().account(session, account));
    Refused.with(
        "delegation-revoked",
        401,
        () -> sandbox.api().profileSection(session, profile, "allergies"));
    Refused.with(
        "identification-ended",
        410,
        () -> consent(session, louis, "account:read", "documents:read"));
    // Ending it again changes nothing.
    sandbox.api().endSitting(session, louis.identificationId(), IdempotencyKey.random());
    assertThat(sandbox.journal("person:p-louis"))
        .contains("SITTING_ENDED OK", "CONSENT REFUSED identification-ended")
        .filteredOn(l -> l.equals("DELEGATION_REVOKED OK"))
        .hasSize(2);
  }

  @Test
  void theLastDelegationRevokedEndsTheSittingButAReplacedOneDoesNot() {
    MediatorSession session = sandbox.session();
    Identification jeanne = sandbox.identify("p-jeanne");
    Delegation narrow = consent(session, jeanne, "account:read");
    // Widening the consent: the new delegation first, then the old one revoked (as the kiosk does).
    Delegation wide = consent(session, jeanne, "account:read", "journal:read");
    sandbox.api().revoke(session, narrow, IdempotencyKey.random());
    Delegation wider = consent(session, jeanne, "account:read", "journal:read", "documents:read");
    sandbox.api().revoke(session, wide, IdempotencyKey.random());
    assertThat(sandbox.api().account(session, wider).state()).isEqualTo("ANNOUNCED");
    // The last one revoked: the person has left.
    sandbox.api().revoke(session, wider, IdempotencyKey.random());
    Refused.with("identification-ended", 410, () -> consent(session, jeanne, "account:read"));
  }

  @Test
  void loggingOutEndsEverySittingOfTheSession() {
    MediatorSession first = sandbox.login();
    Identification jeanne = sandbox.identify("p-jeanne");
    consent(first, jeanne, "account:read");
    sandbox.api().logout(first, IdempotencyKey.random());
    MediatorSession second = sandbox.login();
    Refused.with("identification-ended", 410, () -> consent(second, jeanne, "account:read"));
    assertThat(sandbox.journal("person:p-jeanne")).contains("CONSENT REFUSED identification-ended");
  }

  @Test
  void aConsentIsGivenOnlyInTheSessionWhereThePersonWasIdentified() {
    MediatorSession first = sandbox.login();
    Identification jeanne = sandbox.identify("p-jeanne");
    MediatorSession other = sandbox.login();
    Refused.with("identification-ended", 410, () -> consent(other, jeanne, "account:read"));
    assertThat(consent(first, jeanne, "account:read").personId()).isEqualTo("p-jeanne");
  }

  @Test
  void aSittingIsEndedOnlyByTheMediatorWhoOpenedIt() {
    Identification jeanne = sandbox.identify("p-jeanne");
    MediatorSession otherStructure =
        sandbox.loginAs(DemoSandbox.OTHER_LOGIN, DemoSandbox.OTHER_SECRET);
    Refused.with(
        "identification-unknown",
        404,
        () ->
            sandbox
                .api()
                .endSitting(otherStructure, jeanne.identificationId(), IdempotencyKey.random()));
    assertThat(consent(sandbox.session(), jeanne, "account:read").personId()).isEqualTo("p-jeanne");
  }
}
