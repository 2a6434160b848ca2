package fr.guichet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
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
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.AccountAction;
import java.util.List;
import java.util.Optional;

/**
 * The delegated-access server as the counter sees it: every call the kiosk makes, in the kiosk's
 * words. The kiosk owns this port; {@code fr.guichet.kiosk.http} implements it over HTTP, and the
 * screen tests use an in-memory fake, so that no screen needs a server to be tested.
 *
 * <p>Every method either answers or throws {@link ServerProblem}: the server's refusal, or the
 * network's failure ({@link ServerProblem#unreachable()}). Mutating calls take the {@link
 * RequestKey} the kiosk made when the person confirmed, and which it gives again on every retry, so
 * that the server applies them at most once. Calls block: the kiosk makes them off its UI thread.
 *
 * <pre>{@code
 * DelegatedAccess server = DelegatedAccessOverHttp.at("http://127.0.0.1:8470");
 * MediatorSession me = server.login(new LoginRequest("demo.mediatrice", "…", "123456"));
 * }</pre>
 */
public interface DelegatedAccess {

  /**
   * The verification page the QR code of every receipt names: the server's public one ({@code
   * verifyUrl} of its keys), else its own {@code /verify}. Never refused: asked once, at login.
   */
  String verifyPage();

  /** Whether the last call reached the server (any answer counts): the network indicator. */
  boolean reachable();

  MediatorSession login(LoginRequest login);

  /** Ends the mediator's session and every delegation opened under it. */
  void logout(MediatorSession session, RequestKey key);

  Identification identify(MediatorSession session, IdentificationRequest request, RequestKey key);

  /** Sends a one-time code to the e-mail or phone the insurer holds for the person. */
  ContactChallenge contactCode(MediatorSession session, ContactCodeRequest request, RequestKey key);

  /** Adds a second proof to an identification: the strong identification closing needs. */
  Identification addProof(
      MediatorSession session, String identificationId, ProofRequest proof, RequestKey key);

  /**
   * On a demo server only, the message it has just "sent" with a one-time code; empty on a real
   * server, or when the demo outbox does not answer.
   */
  Optional<String> demoMessage(MediatorSession session);

  /** Records the person's consent and opens the delegation it allows. */
  Delegation consent(MediatorSession session, ConsentRequest request, RequestKey key);

  /** Revokes a delegation at once (replaced by a wider one). */
  void revoke(MediatorSession session, Delegation delegation, RequestKey key);

  /**
   * Ends the sitting of an identification: every delegation of the sitting is revoked, and no
   * consent can be given on it any more.
   */
  void endSitting(MediatorSession session, String identificationId, RequestKey key);

  AccountStatus account(MediatorSession session, Delegation delegation);

  /** A signed statement of the space's state, for the status sheet and its QR code. */
  Receipt statusStatement(MediatorSession session, Delegation delegation, RequestKey key);

  /** One action on the space (opposition, closure, reopening...), with its receipt. */
  ActionResult act(MediatorSession session, Delegation delegation, Action action, RequestKey key);

  ActionResult addCaregiver(
      MediatorSession session, Delegation delegation, CaregiverRequest request, RequestKey key);

  ActionResult removeCaregiver(
      MediatorSession session, Delegation delegation, String caregiverPersonId, RequestKey key);

  /**
   * The parent a child is attached to invites the child's other legal representative to share the
   * child's profile (a delegation for the child, with {@code sharing:manage}).
   */
  ActionResult shareProfile(
      MediatorSession session, Delegation delegation, ShareRequest request, RequestKey key);

  /** The invited parent accepts or refuses, on their own space. */
  ActionResult answerShare(
      MediatorSession session,
      Delegation delegation,
      String shareId,
      boolean accept,
      RequestKey key);

  List<DocumentInfo> documents(MediatorSession session, Delegation delegation);

  /** The content of one document (a PDF), in memory. */
  byte[] document(MediatorSession session, Delegation delegation, String documentId);

  ProfileSection profileSection(MediatorSession session, Delegation delegation, String section);

  /** A signed statement of every section of the medical profile, for the QR code of the summary. */
  Receipt profileStatement(MediatorSession session, Delegation delegation, RequestKey key);

  /**
   * Writes a section if it is still at {@code expectedVersion}; otherwise the server refuses with
   * the problem {@code profile-changed}, whose parameters hold the current version and content.
   */
  ProfileSection writeProfileSection(
      MediatorSession session,
      Delegation delegation,
      String section,
      long expectedVersion,
      JsonNode content,
      RequestKey key);

  /** The person's journal, oldest first. */
  List<JournalEntry> journal(MediatorSession session, Delegation delegation);

  /**
   * One action on the space and what it needs besides the delegation.
   *
   * @param withDeletion for a closure: the data are to be deleted too
   * @param code for an activation: the one-time code of the letter, else null
   */
  record Action(AccountAction action, boolean withDeletion, String code) {
    public static Action of(AccountAction action) {
      return new Action(action, false, null);
    }
  }
}
