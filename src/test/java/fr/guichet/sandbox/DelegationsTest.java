package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consent and delegation: what a consent opens, what it refuses, and a delegation that works only
 * for its person, its scopes, its time, and until revoked.
 */
class DelegationsTest {
  static final LocalDate JEANNE_BIRTH = LocalDate.of(1950, 3, 14);

  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  MediatorSession session;

  @BeforeEach
  void start() {
    session = sandbox.login();
  }

  Identification identify(String nir, LocalDate birth, String serial) {
    return sandbox
        .api()
        .identify(
            session, IdentificationRequest.byVitale(nir, birth, serial), IdempotencyKey.random());
  }

  Delegation consent(Identification who, List<String> scopes, int minutes) {
    return consent(ConsentRequest.forSelf(who.identificationId(), scopes, minutes, "fr", "v1"));
  }

  /** Jeanne identified with her Carte Vitale. */
  Identification jeanne() {
    return identify(DemoSandbox.JEANNE_NIR, JEANNE_BIRTH, "12345678");
  }

  /** A consent as sent, even one that breaks a rule. */
  Delegation consent(ConsentRequest request) {
    return sandbox.api().consent(session, request, IdempotencyKey.random());
  }

  /**
   * The consent of {@code who} to reading their account for 30 minutes, with or without the
   * mediator's attestation that they are present, at a counter in {@code zone} (as typed, null:
   * none).
   */
  static ConsentRequest readingTheAccount(
      Identification who, boolean presenceAttested, String zone) {
    return new ConsentRequest(
        who.identificationId(),
        null,
        List.of("account:read"),
        30,
        "fr",
        "v1",
        true,
        presenceAttested,
        null,
        zone);
  }

  @Test
  void aConsentOpensADelegationBoundToItsScopesAndDuration() {
    Delegation d = consent(jeanne(), List.of("account:read"), 30);
    assertThat(d.scopes()).containsExactly("account:read");
    assertThat(d.expiresAt()).isEqualTo(sandbox.clock().instant().plus(Duration.ofMinutes(30)));
    assertThat(d.token()).hasSizeGreaterThan(40);
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly("IDENTIFY OK", "CONSENT OK", "DELEGATION_OPENED OK");
  }

  @Test
  void refusesAnIncompleteConsentOrOneLongerThanASitting() {
    Identification who = jeanne();
    Refused.with("consent-incomplete", 422, () -> consent(readingTheAccount(who, false, null)));
    Refused.with(
        "invalid-input", 422, () -> consent(readingTheAccount(who, true, "Paris, France")));
    Refused.with("consent-duration", 422, () -> consent(who, List.of("account:read"), 61));
    Refused.with("consent-scopes", 422, () -> consent(who, List.of("everything"), 30));
    Refused.with("consent-scopes", 422, () -> consent(who, List.of(), 30));
  }

  @Test
  void anIdentificationWaitsFifteenMinutesForConsent() {
    Identification who = jeanne();
    sandbox.clock().advance(Duration.ofMinutes(15));
    Refused.with("identification-expired", 410, () -> consent(who, List.of("account:read"), 30));
  }

  @Test
  void aDelegationOnlyWorksForItsPersonItsScopesItsTimeAndUntilRevoked() {
    Delegation d = consent(jeanne(), List.of("account:read"), 10);
    assertThat(sandbox.api().account(session, d).state()).isEqualTo("ANNOUNCED");

    Delegation forSomeoneElse =
        new Delegation(
            d.delegationId(),
            d.consentId(),
            d.token(),
            "p-louis",
            d.actingAs(),
            d.scopes(),
            d.expiresAt(),
            null);
    Refused.with("wrong-person", 403, () -> sandbox.api().account(session, forSomeoneElse));
    Refused.with("scope-missing", 403, () -> sandbox.api().journal(session, d));
    Delegation forged =
        new Delegation(
            d.delegationId(),
            d.consentId(),
            "not-a-token",
            d.personId(),
            d.actingAs(),
            d.scopes(),
            d.expiresAt(),
            null);
    Refused.with("delegation-required", 401, () -> sandbox.api().account(session, forged));

    sandbox.clock().advance(Duration.ofMinutes(10));
    Refused.with("delegation-expired", 401, () -> sandbox.api().account(session, d));

    assertThat(sandbox.journal("person:p-jeanne"))
        .contains(
            "ACCOUNT_READ OK",
            "ACCOUNT_READ REFUSED delegation-expired",
            "JOURNAL_READ REFUSED scope-missing")
        .doesNotContain("ACCOUNT_READ REFUSED delegation-required");
    assertThat(sandbox.journal("person:p-louis"))
        .containsExactly("ACCOUNT_READ REFUSED wrong-person");
  }

  @Test
  void revokingEndsTheDelegationAtOnceAndRevokingAgainChangesNothing() {
    Delegation d = consent(jeanne(), List.of("account:read"), 30);
    sandbox.api().revoke(session, d, IdempotencyKey.random());
    sandbox.api().revoke(session, d, IdempotencyKey.random());
    Refused.with("delegation-revoked", 401, () -> sandbox.api().account(session, d));
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsSubsequence(
            "DELEGATION_REVOKED OK",
            "DELEGATION_REVOKED OK",
            "ACCOUNT_READ REFUSED delegation-revoked");
  }

  @Test
  void loggingOutRevokesTheSessionsDelegations() {
    Delegation d = consent(jeanne(), List.of("account:read"), 30);
    sandbox.api().logout(session, IdempotencyKey.random());
    MediatorSession again = sandbox.login();
    Refused.with("delegation-not-yours", 403, () -> sandbox.api().account(again, d));
    assertThat(sandbox.journal("person:p-jeanne")).contains("DELEGATION_REVOKED OK");
  }

  @Test
  void everyRouteAboutAPersonNeedsAMediatorSession() {
    Delegation d = consent(jeanne(), List.of("account:read"), 30);
    MediatorSession none = new MediatorSession("no-such-session", null, "x", "y", "MEDIATOR");
    Refused.with("session-required", 401, () -> sandbox.api().account(none, d));
    assertThat(sandbox.journal("person:p-jeanne"))
        .doesNotContain("ACCOUNT_READ REFUSED session-required");
  }
}
