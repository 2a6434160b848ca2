package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProofRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The sitting one {@code guichet account} command opens on the server: the mediator logged in, the
 * person identified, the delegation their consent opened. Closing it revokes the delegation and
 * logs out, whatever happened before, so that nothing stays open after the command; what the server
 * could not confirm then is kept in {@link #cleanupProblems()}, never thrown over the command's own
 * outcome.
 *
 * <pre>{@code
 * try (Sitting sitting = Sitting.login(api, new LoginRequest(login, password, totp))) {
 *   sitting.identify(IdentificationRequest.byVitale(nir, birth, serial));
 *   Delegation d = sitting.consent(null, List.of("account:read"), "fr", ZoneId.systemDefault());
 *   api.account(sitting.session(), d);
 * }
 * }</pre>
 */
final class Sitting implements AutoCloseable {
  /** The version of the words the person is shown, recorded with the consent. */
  static final String TEXT_VERSION = "cli-v1";

  /** How long a consent lasts: one command, the time to type a code. */
  static final int CONSENT_MINUTES = 5;

  private final ApiClient api;
  private final MediatorSession session;
  private final List<Problem> cleanupProblems = new ArrayList<>();
  private Identification identification;
  private Delegation delegation;
  private boolean closed;

  private Sitting(ApiClient api, MediatorSession session) {
    this.api = api;
    this.session = session;
  }

  /** Logs the mediator in; the server's refusal comes as {@link ApiException}. */
  static Sitting login(ApiClient api, LoginRequest login) {
    return new Sitting(api, api.login(login));
  }

  ApiClient api() {
    return api;
  }

  MediatorSession session() {
    return session;
  }

  Identification identification() {
    return identification;
  }

  Delegation delegation() {
    return delegation;
  }

  Identification identify(IdentificationRequest request) {
    identification = api.identify(session, request, IdempotencyKey.random());
    return identification;
  }

  /** Sends a one-time code to the contact the insurer holds for the person. */
  ContactChallenge sendCode(ContactCodeRequest request) {
    return api.contactCode(session, request, IdempotencyKey.random());
  }

  /** Adds the code the person received as a second proof: the identification becomes strong. */
  Identification addContactCode(String challengeId, String code) {
    identification =
        api.addProof(
            session,
            identification.identificationId(),
            new ProofRequest("CONTACT_CODE", code, challengeId, null),
            IdempotencyKey.random());
    return identification;
  }

  /**
   * Records the person's consent to exactly {@code scopes}, for {@code forPersonId} (null: for
   * themself), given at a counter in {@code zone}, and keeps the delegation it opens; {@code
   * personOpinionAsked} says a tutor asked the protected person's opinion (null: it does not
   * apply).
   */
  Delegation consent(
      String forPersonId,
      List<String> scopes,
      String language,
      java.time.ZoneId zone,
      Boolean personOpinionAsked) {
    delegation =
        api.consent(
            session,
            new ConsentRequest(
                    identification.identificationId(),
                    forPersonId,
                    scopes,
                    CONSENT_MINUTES,
                    language,
                    TEXT_VERSION,
                    true,
                    true,
                    personOpinionAsked)
                .at(zone),
            IdempotencyKey.random());
    return delegation;
  }

  /** What the server could not confirm while the sitting was closed (revocation, logout). */
  List<Problem> cleanupProblems() {
    return List.copyOf(cleanupProblems);
  }

  /**
   * Revokes the delegation and logs out, once: a second call (the shutdown hook after the finally)
   * does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (delegation != null) {
      try {
        api.revoke(session, delegation, IdempotencyKey.random());
      } catch (ApiException e) {
        cleanupProblems.add(e.problem());
      }
    }
    try {
      api.logout(session, IdempotencyKey.random());
    } catch (ApiException e) {
      cleanupProblems.add(e.problem());
    }
  }
}
