package fr.guichet.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
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
import fr.guichet.contract.Headers;
import fr.guichet.contract.Health;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.PublicKeys;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ShareRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The delegated-access API seen from Java: one method per route, typed answers, problems as {@link
 * ApiException}. The kiosk and the command line reach the server only through it.
 *
 * <p>Mutating calls take an {@link IdempotencyKey}; a call that fails on the network, or that the
 * server answers with "not now" (503, or 409 {@code idempotency-key-in-flight}, after its {@code
 * Retry-After}), is retried with the same key, so the server applies it at most once. How long a
 * call may take and how many times it is tried is its {@link Patience}: the command line waits, the
 * kiosk tries once and leaves the waiting and the retrying to its own runner, which shows them.
 *
 * <pre>{@code
 * ApiClient api = new ApiClient("http://127.0.0.1:8470");
 * MediatorSession me = api.login(new LoginRequest("demo.mediatrice", "…", "123456"));
 * Identification who = api.identify(me, request, IdempotencyKey.random());
 * }</pre>
 *
 * <p>Made to start fast, for the kiosk: a client of an {@code http:} address sets up no TLS (which
 * reads the JDK's trust store), and the JSON mapping is built at the first call that reads or
 * writes JSON, not before; {@link #ping()} needs neither.
 */
public final class ApiClient {

  private static final MediaType JSON = MediaType.get("application/json");

  /**
   * How long one call may take, and how many times it is tried on a network failure.
   *
   * @param call the whole call, connection and answer included
   */
  public record Patience(int attempts, Duration connect, Duration read, Duration call) {
    /** The command line's: three tries, up to 30 seconds each. */
    public static final Patience COMMAND_LINE =
        new Patience(3, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));

    public Patience {
      if (attempts < 1) {
        throw new IllegalArgumentException("A call is tried at least once");
      }
    }
  }

  /** The longest a {@code Retry-After} makes the client wait before trying again. */
  private static final long MAX_RETRY_AFTER_SECONDS = 5;

  private final HttpUrl base;
  private final OkHttpClient http;
  private final int attempts;
  private volatile boolean reachable = true;

  public ApiClient(String baseUrl) {
    this(baseUrl, Patience.COMMAND_LINE);
  }

  public ApiClient(String baseUrl, Patience patience) {
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("Not an HTTP address: " + baseUrl);
    }
    this.base = parsed;
    this.attempts = patience.attempts();
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(patience.connect())
            .readTimeout(patience.read())
            .callTimeout(patience.call())
            .retryOnConnectionFailure(false); // retries are ours, with the idempotency key
    if (!parsed.isHttps()) {
      // Plain HTTP only: no TLS set up, and no redirect to https followed (the API has none).
      http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = http.build();
  }

  public String baseUrl() {
    return base.toString();
  }

  /** Whether the last call reached the server (any answer counts), for a network indicator. */
  public boolean reachable() {
    return reachable;
  }

  public Health health() {
    return call(get("v1/health"), Health.class);
  }

  /**
   * Whether the server answers: {@code GET /v1/health} answered with success, its content not read,
   * so that the JSON mapping is not built yet (the kiosk checks the server before its first
   * screen). Throws {@link ApiException} like any call otherwise.
   */
  public void ping() {
    call(get("v1/health"), body -> null);
  }

  /** Logs a mediator in. A repeated login only opens another session, so it needs no key. */
  public MediatorSession login(LoginRequest login) {
    return call(post("v1/sessions", login, null), MediatorSession.class);
  }

  /** Ends the mediator's session and every delegation opened under it. */
  public void logout(MediatorSession session, IdempotencyKey key) {
    call(auth(delete("v1/sessions/current", key), session, null), Void.class);
  }

  public Identification identify(
      MediatorSession session, IdentificationRequest request, IdempotencyKey key) {
    return call(
        auth(post("v1/identifications", request, key), session, null), Identification.class);
  }

  /** Records the person's consent and opens the delegation it allows. */
  public Delegation consent(MediatorSession session, ConsentRequest request, IdempotencyKey key) {
    return call(auth(post("v1/consents", request, key), session, null), Delegation.class);
  }

  /** Sends a one-time code to the contact the insurer holds (e-mail, else SMS). */
  public ContactChallenge contactCode(
      MediatorSession session, ContactCodeRequest request, IdempotencyKey key) {
    return call(
        auth(post("v1/identifications/contact-codes", request, key), session, null),
        ContactChallenge.class);
  }

  /** Adds a second proof to an identification: the strong identification closure needs. */
  public Identification addProof(
      MediatorSession session, String identificationId, ProofRequest proof, IdempotencyKey key) {
    return call(
        auth(post("v1/identifications/" + identificationId + "/proofs", proof, key), session, null),
        Identification.class);
  }

  public AccountStatus account(MediatorSession session, Delegation delegation) {
    return call(auth(get(person(delegation, "account")), session, delegation), AccountStatus.class);
  }

  /** A signed statement of the space's state, for the status sheet and its QR code. */
  public Receipt statusStatement(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return call(
        auth(post(person(delegation, "status-statements"), Map.of(), key), session, delegation),
        Receipt.class);
  }

  /**
   * A signed statement of every section of the medical profile (versions and a hash of their
   * contents), for the QR code of the profile summary.
   */
  public Receipt profileStatement(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return call(
        auth(post(person(delegation, "profile-statements"), Map.of(), key), session, delegation),
        Receipt.class);
  }

  public ActionResult recordOpposition(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return action(post(person(delegation, "opposition"), Map.of(), key), session, delegation);
  }

  public ActionResult withdrawOpposition(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return action(delete(person(delegation, "opposition"), key), session, delegation);
  }

  /** After an opposition whose period is over: ask for the space to be created after all. */
  public ActionResult requestCreation(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return action(post(person(delegation, "creation-request"), Map.of(), key), session, delegation);
  }

  public ActionResult activate(
      MediatorSession session,
      Delegation delegation,
      ActivationRequest request,
      IdempotencyKey key) {
    return action(post(person(delegation, "activation"), request, key), session, delegation);
  }

  public ActionResult close(
      MediatorSession session, Delegation delegation, ClosureRequest request, IdempotencyKey key) {
    return action(post(person(delegation, "closure"), request, key), session, delegation);
  }

  public ActionResult requestDeletion(
      MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return action(post(person(delegation, "deletion-request"), Map.of(), key), session, delegation);
  }

  public ActionResult reopen(MediatorSession session, Delegation delegation, IdempotencyKey key) {
    return action(post(person(delegation, "reopening"), Map.of(), key), session, delegation);
  }

  public ActionResult addCaregiver(
      MediatorSession session,
      Delegation delegation,
      CaregiverRequest request,
      IdempotencyKey key) {
    return action(post(person(delegation, "caregivers"), request, key), session, delegation);
  }

  public ActionResult removeCaregiver(
      MediatorSession session,
      Delegation delegation,
      String caregiverPersonId,
      IdempotencyKey key) {
    return action(
        delete(person(delegation, "caregivers/" + caregiverPersonId), key), session, delegation);
  }

  /**
   * The parent a child is attached to shares the child's profile with the second legal
   * representative (a delegation for the child, with {@code sharing:manage}).
   */
  public ActionResult shareProfile(
      MediatorSession session, Delegation delegation, ShareRequest request, IdempotencyKey key) {
    return action(post(person(delegation, "shares"), request, key), session, delegation);
  }

  /**
   * The invited parent answers, on their own space (a delegation for themself, with {@code
   * sharing:manage}).
   */
  public ActionResult answerShare(
      MediatorSession session,
      Delegation delegation,
      String shareId,
      boolean accept,
      IdempotencyKey key) {
    String answer = accept ? "/acceptance" : "/refusal";
    return action(
        post(person(delegation, "shares/" + shareId + answer), Map.of(), key), session, delegation);
  }

  /** The parent a child is attached to ends a share, or withdraws an invitation. */
  public ActionResult endShare(
      MediatorSession session, Delegation delegation, String shareId, IdempotencyKey key) {
    return action(delete(person(delegation, "shares/" + shareId), key), session, delegation);
  }

  public List<DocumentInfo> documents(MediatorSession session, Delegation delegation) {
    return call(
        auth(get(person(delegation, "documents")), session, delegation),
        listOf(DocumentInfo.class));
  }

  /** The content of one document (a PDF), in memory. */
  public byte[] document(MediatorSession session, Delegation delegation, String documentId) {
    return call(
        auth(get(person(delegation, "documents/" + documentId)), session, delegation)
            .header("Accept", "application/pdf"),
        body -> body);
  }

  public ProfileSection profileSection(
      MediatorSession session, Delegation delegation, String section) {
    return call(
        auth(get(person(delegation, "profile/" + section)), session, delegation),
        ProfileSection.class);
  }

  /**
   * Writes a section if it is still at {@code expectedVersion}; otherwise the server answers the
   * problem {@code profile-changed} (412), whose parameters hold the current version and content.
   */
  public ProfileSection writeProfileSection(
      MediatorSession session,
      Delegation delegation,
      String section,
      long expectedVersion,
      JsonNode content,
      IdempotencyKey key) {
    Request.Builder put =
        new Request.Builder()
            .url(base.resolve(person(delegation, "profile/" + section)))
            .put(jsonBody(content))
            .header(Headers.IDEMPOTENCY_KEY, key.value())
            .header("If-Match", "\"" + expectedVersion + "\"");
    return call(auth(put, session, delegation), ProfileSection.class);
  }

  /** Checks a receipt's signature with the server's public verification route (no login needed). */
  public ReceiptCheck verifyReceipt(String signed) {
    return call(post("v1/receipts/verify", Map.of("signed", signed), null), ReceiptCheck.class);
  }

  /** The server's current public key (Ed25519, X.509, base64), for checking receipts offline. */
  public String publicKey() {
    return publicKeys().publicKey();
  }

  /** Every public key of the server: the one that signs now and those that signed before. */
  public PublicKeys publicKeys() {
    return call(get("v1/keys"), PublicKeys.class);
  }

  /**
   * The verification page the QR code of a receipt names: the server's public one when it has one
   * ({@code --public-verify-url}), else this client's address of the server followed by {@code
   * verify} (what a phone on the same network opens).
   */
  public String verifyPage() {
    String page = publicKeys().verifyUrl();
    return page != null ? page : base.resolve("verify").toString();
  }

  /** What the demo server "sent" by e-mail or SMS (one-time codes); only a demo server answers. */
  public List<OutboxMessage> outbox(MediatorSession session) {
    return call(auth(get("v1/demo/outbox"), session, null), listOf(OutboxMessage.class));
  }

  /**
   * Ends the sitting of an identification: every delegation of the sitting is revoked, and no
   * consent can be given on it any more.
   */
  public void endSitting(MediatorSession session, String identificationId, IdempotencyKey key) {
    call(auth(delete("v1/identifications/" + identificationId, key), session, null), Void.class);
  }

  /** Revokes the delegation at once; the last one of a sitting ends the sitting. */
  public void revoke(MediatorSession session, Delegation delegation, IdempotencyKey key) {
    call(
        auth(delete("v1/delegations/" + delegation.delegationId(), key), session, delegation),
        Void.class);
  }

  public List<JournalEntry> journal(MediatorSession session, Delegation delegation) {
    return call(
        auth(get(person(delegation, "journal")), session, delegation), listOf(JournalEntry.class));
  }

  private ActionResult action(
      Request.Builder request, MediatorSession session, Delegation delegation) {
    return call(auth(request, session, delegation), ActionResult.class);
  }

  private static String person(Delegation delegation, String rest) {
    return "v1/persons/" + delegation.personId() + "/" + rest;
  }

  private static <E> Reading<List<E>> listOf(Class<E> element) {
    return json(Json.mapper().getTypeFactory().constructCollectionType(List.class, element));
  }

  private Request.Builder get(String path) {
    return new Request.Builder().url(base.resolve(path)).get();
  }

  private Request.Builder post(String path, Object body, IdempotencyKey key) {
    Request.Builder builder = new Request.Builder().url(base.resolve(path)).post(jsonBody(body));
    return key == null ? builder : builder.header(Headers.IDEMPOTENCY_KEY, key.value());
  }

  private Request.Builder delete(String path, IdempotencyKey key) {
    return new Request.Builder()
        .url(base.resolve(path))
        .delete()
        .header(Headers.IDEMPOTENCY_KEY, key.value());
  }

  private static Request.Builder auth(
      Request.Builder builder, MediatorSession session, Delegation delegation) {
    builder.header("Authorization", "Bearer " + session.token());
    return delegation == null ? builder : builder.header(Headers.DELEGATION, delegation.token());
  }

  private static RequestBody jsonBody(Object body) {
    try {
      return RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write request body", e);
    }
  }

  /** How a successful answer's body (never empty) becomes the result. */
  private interface Reading<T> {
    T read(byte[] body) throws IOException;
  }

  private static <T> Reading<T> json(JavaType type) {
    return body -> Json.mapper().readValue(body, type);
  }

  private <T> T call(Request.Builder request, Class<T> type) {
    return call(
        request,
        type == Void.class
            ? body -> null
            : ApiClient.<T>json(Json.mapper().getTypeFactory().constructType(type)));
  }

  private <T> T call(Request.Builder builder, Reading<T> reading) {
    Request request = builder.build();
    if (request.header("Accept") == null) {
      request =
          request.newBuilder().header("Accept", "application/json, " + Problem.MEDIA_TYPE).build();
    }
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Duration again;
      try (Response response = http.newCall(request).execute()) {
        byte[] body = response.body().bytes();
        reachable = true;
        if (response.isSuccessful()) {
          return body.length == 0 ? null : reading.read(body);
        }
        Problem problem = readProblem(response.code(), body);
        again = retryAfter(response, problem);
        if (again == null || attempt == attempts) {
          throw new ApiException(problem);
        }
      } catch (IOException e) {
        last = e;
        pause(attempt);
        continue;
      }
      sleep(again.toMillis());
    }
    reachable = false;
    throw new ApiException(
        new Problem(
            Problem.TYPE_PREFIX + "network",
            "Server unreachable",
            0,
            String.valueOf(last),
            "problem.network",
            Map.of()),
        last);
  }

  private static Problem readProblem(int status, byte[] body) {
    try {
      Problem problem = Json.mapper().readValue(body, Problem.class);
      if (problem.type() != null) {
        return problem;
      }
    } catch (IOException notAProblem) {
      // Fall through: a proxy or a crash answered with something else.
    }
    return new Problem(
        Problem.TYPE_PREFIX + "unexpected",
        "Unexpected answer",
        status,
        "HTTP " + status,
        "problem.unexpected",
        Map.of("status", status));
  }

  /**
   * When to send the same request again, for an answer that says nothing was decided yet: a server
   * (or a node behind a load balancer) too busy or stopping (503), or the same key still being
   * answered by another node (409 {@code idempotency-key-in-flight}); null for any other answer.
   */
  private static Duration retryAfter(Response response, Problem problem) {
    boolean inFlight = response.code() == 409 && "idempotency-key-in-flight".equals(problem.slug());
    if (response.code() != 503 && !inFlight) {
      return null;
    }
    String header = response.header("Retry-After");
    long seconds = 1;
    if (header != null && header.strip().matches("\\d{1,4}")) {
      seconds = Long.parseLong(header.strip());
    }
    return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER_SECONDS)));
  }

  private void pause(int attempt) {
    if (attempt < attempts) {
      sleep(200L * attempt * attempt);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
