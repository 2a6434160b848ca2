package fr.guichet.kiosk.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ShareRequest;
import fr.guichet.kiosk.DelegatedAccess;
import fr.guichet.kiosk.RequestKey;
import fr.guichet.kiosk.ServerProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kiosk's port to the server, over HTTP: each call is one call of {@link ApiClient}, its
 * failures turned into {@link ServerProblem}. The only class of the kiosk that knows the client.
 *
 * <pre>{@code
 * Kiosk kiosk = new Kiosk(DelegatedAccessOverHttp.at(url), sink, Language.FRENCH, clock);
 * }</pre>
 */
public final class DelegatedAccessOverHttp implements DelegatedAccess {
  /**
   * The kiosk's patience: one try, 15 seconds at most; the kiosk's runner shows the wait, lets the
   * mediator stop it, and tries a confirmed action again by itself.
   */
  public static final ApiClient.Patience ONE_TRY =
      new ApiClient.Patience(
          1, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));

  private final ApiClient api;

  public DelegatedAccessOverHttp(ApiClient api) {
    this.api = api;
  }

  /** The server at {@code baseUrl}, each call tried once. */
  public static DelegatedAccessOverHttp at(String baseUrl) {
    return new DelegatedAccessOverHttp(new ApiClient(baseUrl, ONE_TRY));
  }

  @Override
  public String verifyPage() {
    try {
      return api.verifyPage();
    } catch (ApiException e) {
      // A server without its keys' route: its own page, which a phone on its network opens.
      return URI.create(api.baseUrl()).resolve("verify").toString();
    }
  }

  @Override
  public boolean reachable() {
    return api.reachable();
  }

  @Override
  public MediatorSession login(LoginRequest login) {
    return ask(() -> api.login(login));
  }

  @Override
  public void logout(MediatorSession session, RequestKey key) {
    ask(
        () -> {
          api.logout(session, idempotency(key));
          return null;
        });
  }

  @Override
  public Identification identify(
      MediatorSession session, IdentificationRequest request, RequestKey key) {
    return ask(() -> api.identify(session, request, idempotency(key)));
  }

  @Override
  public ContactChallenge contactCode(
      MediatorSession session, ContactCodeRequest request, RequestKey key) {
    return ask(() -> api.contactCode(session, request, idempotency(key)));
  }

  @Override
  public Identification addProof(
      MediatorSession session, String identificationId, ProofRequest proof, RequestKey key) {
    return ask(() -> api.addProof(session, identificationId, proof, idempotency(key)));
  }

  @Override
  public Optional<String> demoMessage(MediatorSession session) {
    try {
      return api.outbox(session).stream().findFirst().map(OutboxMessage::body); // newest first
    } catch (ApiException e) {
      return Optional.empty(); // a real server has no demo outbox
    }
  }

  @Override
  public Delegation consent(MediatorSession session, ConsentRequest request, RequestKey key) {
    return ask(() -> api.consent(session, request, idempotency(key)));
  }

  @Override
  public void revoke(MediatorSession session, Delegation delegation, RequestKey key) {
    ask(
        () -> {
          api.revoke(session, delegation, idempotency(key));
          return null;
        });
  }

  @Override
  public void endSitting(MediatorSession session, String identificationId, RequestKey key) {
    ask(
        () -> {
          api.endSitting(session, identificationId, idempotency(key));
          return null;
        });
  }

  @Override
  public AccountStatus account(MediatorSession session, Delegation delegation) {
    return ask(() -> api.account(session, delegation));
  }

  @Override
  public Receipt statusStatement(MediatorSession session, Delegation delegation, RequestKey key) {
    return ask(() -> api.statusStatement(session, delegation, idempotency(key)));
  }

  @Override
  public ActionResult act(
      MediatorSession session, Delegation delegation, Action action, RequestKey key) {
    IdempotencyKey k = idempotency(key);
    return ask(
        () ->
            switch (action.action()) {
              case RECORD_OPPOSITION -> api.recordOpposition(session, delegation, k);
              case WITHDRAW_OPPOSITION -> api.withdrawOpposition(session, delegation, k);
              case CREATE_ON_REQUEST -> api.requestCreation(session, delegation, k);
              case ACTIVATE ->
                  api.activate(session, delegation, new ActivationRequest(action.code()), k);
              case CLOSE ->
                  api.close(session, delegation, new ClosureRequest(action.withDeletion()), k);
              case REQUEST_DELETION -> api.requestDeletion(session, delegation, k);
              case REOPEN -> api.reopen(session, delegation, k);
            });
  }

  @Override
  public ActionResult addCaregiver(
      MediatorSession session, Delegation delegation, CaregiverRequest request, RequestKey key) {
    return ask(() -> api.addCaregiver(session, delegation, request, idempotency(key)));
  }

  @Override
  public ActionResult removeCaregiver(
      MediatorSession session, Delegation delegation, String caregiverPersonId, RequestKey key) {
    return ask(() -> api.removeCaregiver(session, delegation, caregiverPersonId, idempotency(key)));
  }

  @Override
  public ActionResult shareProfile(
      MediatorSession session, Delegation delegation, ShareRequest request, RequestKey key) {
    return ask(() -> api.shareProfile(session, delegation, request, idempotency(key)));
  }

  @Override
  public ActionResult answerShare(
      MediatorSession session,
      Delegation delegation,
      String shareId,
      boolean accept,
      RequestKey key) {
    return ask(() -> api.answerShare(session, delegation, shareId, accept, idempotency(key)));
  }

  @Override
  public List<DocumentInfo> documents(MediatorSession session, Delegation delegation) {
    return ask(() -> api.documents(session, delegation));
  }

  @Override
  public byte[] document(MediatorSession session, Delegation delegation, String documentId) {
    return ask(() -> api.document(session, delegation, documentId));
  }

  @Override
  public ProfileSection profileSection(
      MediatorSession session, Delegation delegation, String section) {
    return ask(() -> api.profileSection(session, delegation, section));
  }

  @Override
  public Receipt profileStatement(MediatorSession session, Delegation delegation, RequestKey key) {
    return ask(() -> api.profileStatement(session, delegation, idempotency(key)));
  }

  @Override
  public ProfileSection writeProfileSection(
      MediatorSession session,
      Delegation delegation,
      String section,
      long expectedVersion,
      JsonNode content,
      RequestKey key) {
    return ask(
        () ->
            api.writeProfileSection(
                session, delegation, section, expectedVersion, content, idempotency(key)));
  }

  @Override
  public List<JournalEntry> journal(MediatorSession session, Delegation delegation) {
    return ask(() -> api.journal(session, delegation));
  }

  private static IdempotencyKey idempotency(RequestKey key) {
    return new IdempotencyKey(key.value());
  }

  private static <T> T ask(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      throw new ServerProblem(e.problem(), e);
    }
  }
}
