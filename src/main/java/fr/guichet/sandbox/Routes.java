package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Health;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Operation;
import fr.guichet.i18n.Language;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the reference server: one line per route of the contract ({@code
 * openapi/guichet.yaml}), each turning a request into one audited transaction.
 *
 * <p>Every request gets an id, sent back in {@code X-Request-Id} and named in the log line of an
 * unexpected failure (which never holds an exception's message: it might hold a NIR or a token).
 *
 * <p>Every mutating route needs an {@code Idempotency-Key} (login and the public receipt check
 * excepted: a repeated login only opens another session). Every route about a person names its
 * {@link Operation}, checked against the delegation and the rule table before any work. Every
 * refusal becomes problem+json and a journal entry in the chain of the person concerned and in the
 * mediator's, except the refusals that prove nothing about their sender, which are counted and
 * summarised ({@link Refusals}).
 */
final class Routes {
  static final String VERSION = "0.2.0";
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  private static final String REQUEST_ID = "guichet.request-id";
  private static final String OPENAPI = "openapi/guichet.yaml";

  /** Work done for an authenticated mediator inside the request's transaction. */
  @FunctionalInterface
  private interface Work {
    Object run(Connection c, Principal principal, Audit audit) throws SQLException;
  }

  /** Work done under a delegation that carries the scope the route needs. */
  @FunctionalInterface
  private interface Delegated {
    Object run(Connection c, Principal principal, Grant grant, Audit audit) throws SQLException;
  }

  /** A route as registered, for the contract test: {@code GET /v1/health}. */
  record Declared(String method, String path) {}

  private final Clock clock;
  private final Database db;
  private final Journal journal;
  private final Idempotency idempotency;
  private final Mediators mediators;
  private final Identifications identifications;
  private final Delegations delegations;
  private final Accounts accounts;
  private final Caregivers caregivers;
  private final Shares shares;
  private final Records records;
  private final Receipts receipts;
  private final OutboxStore outbox;
  private final Refusals refusals;
  private final boolean demo;
  private final String publicVerifyUrl;
  private final ObjectMapper json = Json.mapper();
  private final byte[] openapi = resource(OPENAPI);
  private final List<Declared> declared = new ArrayList<>();

  /**
   * The routes over services built elsewhere ({@link SandboxServer} composes them).
   *
   * @param journal where refusals are written, in the chain of whom they concern
   * @param demo whether the outbox of messages "sent" is readable ({@code /v1/demo/outbox})
   * @param publicVerifyUrl the verification page as a phone reaches it ({@code
   *     https://guichet.example.fr/verify}), given to clients for their QR codes; null when the
   *     clients' own address of this server will do
   */
  Routes(
      Clock clock,
      Database db,
      Journal journal,
      Idempotency idempotency,
      Mediators mediators,
      Identifications identifications,
      Delegations delegations,
      Accounts accounts,
      Caregivers caregivers,
      Shares shares,
      Records records,
      Receipts receipts,
      OutboxStore outbox,
      Refusals refusals,
      boolean demo,
      String publicVerifyUrl) {
    this.clock = clock;
    this.db = db;
    this.journal = journal;
    this.idempotency = idempotency;
    this.mediators = mediators;
    this.identifications = identifications;
    this.delegations = delegations;
    this.accounts = accounts;
    this.caregivers = caregivers;
    this.shares = shares;
    this.records = records;
    this.receipts = receipts;
    this.outbox = outbox;
    this.refusals = refusals;
    this.demo = demo;
    this.publicVerifyUrl = publicVerifyUrl;
  }

  void register(Javalin app) {
    app.before(
        ctx -> {
          String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
          ctx.attribute(REQUEST_ID, id);
          ctx.header(Headers.REQUEST_ID, id);
        });
    route(
        app,
        HandlerType.GET,
        "/v1/health",
        ctx -> send(ctx, 200, new Health("UP", VERSION, clock.instant())));
    route(
        app,
        HandlerType.GET,
        "/openapi.yaml",
        ctx -> ctx.contentType("application/yaml").result(openapi));
    route(app, HandlerType.GET, "/v1/keys", ctx -> send(ctx, 200, keys()));
    route(
        app,
        HandlerType.POST,
        "/v1/receipts/verify",
        ctx -> {
          Map<?, ?> body = body(ctx.bodyAsBytes(), Map.class);
          send(ctx, 200, receipts.check(body.get("signed") instanceof String s ? s : null));
        });

    route(
        app,
        HandlerType.GET,
        "/verify",
        ctx -> {
          String r = ctx.queryParam("r") == null ? null : ctx.queryParam("r").strip();
          String lang = ctx.queryParam("lang");
          ctx.header("Content-Security-Policy", VerifyPage.POLICY)
              .contentType("text/html; charset=utf-8")
              .result(
                  VerifyPage.render(
                      receipts.check(r),
                      r,
                      lang == null ? Optional.empty() : Language.fromTag(lang),
                      ZoneId.systemDefault()));
        });
    route(
        app,
        HandlerType.POST,
        "/v1/sessions",
        ctx -> {
          Audit audit = audit(ctx, "LOGIN");
          LoginRequest request = body(ctx.bodyAsBytes(), LoginRequest.class);
          send(ctx, 201, mediators.login(db, request, ctx.ip(), audit));
        });
    route(
        app,
        HandlerType.DELETE,
        "/v1/sessions/current",
        ctx ->
            mutate(
                ctx,
                "LOGOUT",
                204,
                (c, p, audit) -> {
                  mediators.logout(c, p, audit);
                  return null;
                }));
    route(
        app,
        HandlerType.GET,
        "/v1/structure/journal",
        ctx ->
            read(
                ctx,
                "STRUCTURE_JOURNAL_READ",
                (c, p, audit) -> mediators.structureJournal(c, p, audit)));
    route(
        app,
        HandlerType.POST,
        "/v1/operator/persons/{personId}/suspension",
        ctx ->
            mutate(
                ctx,
                "SUSPENDED",
                200,
                (c, p, audit) -> accounts.suspend(c, p, ctx.pathParam("personId"), true, audit)));
    route(
        app,
        HandlerType.DELETE,
        "/v1/operator/persons/{personId}/suspension",
        ctx ->
            mutate(
                ctx,
                "SUSPENSION_LIFTED",
                200,
                (c, p, audit) -> accounts.suspend(c, p, ctx.pathParam("personId"), false, audit)));
    route(app, HandlerType.GET, "/v1/demo/outbox", ctx -> read(ctx, "OUTBOX_READ", this::outbox));

    route(
        app,
        HandlerType.POST,
        "/v1/identifications",
        ctx ->
            mutate(
                ctx,
                "IDENTIFY",
                201,
                (c, p, audit) ->
                    identifications.identify(
                        c, p, body(ctx.bodyAsBytes(), IdentificationRequest.class), audit)));
    route(
        app,
        HandlerType.POST,
        "/v1/identifications/contact-codes",
        ctx ->
            mutate(
                ctx,
                "CONTACT_CODE_SENT",
                201,
                (c, p, audit) ->
                    identifications.sendContactCode(
                        c, p, body(ctx.bodyAsBytes(), ContactCodeRequest.class), audit)));
    route(
        app,
        HandlerType.POST,
        "/v1/identifications/{identificationId}/proofs",
        ctx ->
            mutate(
                ctx,
                "PROOF_ADDED",
                200,
                (c, p, audit) ->
                    identifications.addProof(
                        c,
                        p,
                        ctx.pathParam("identificationId"),
                        body(ctx.bodyAsBytes(), ProofRequest.class),
                        audit)));
    route(
        app,
        HandlerType.POST,
        "/v1/consents",
        ctx ->
            mutate(
                ctx,
                "CONSENT",
                201,
                (c, p, audit) ->
                    delegations.consent(
                        c, p, body(ctx.bodyAsBytes(), ConsentRequest.class), audit)));
    route(
        app,
        HandlerType.DELETE,
        "/v1/identifications/{identificationId}",
        ctx ->
            mutate(
                ctx,
                "SITTING_ENDED",
                204,
                (c, p, audit) -> {
                  delegations.endSitting(c, p, ctx.pathParam("identificationId"), audit);
                  return null;
                }));
    route(
        app,
        HandlerType.DELETE,
        "/v1/delegations/{delegationId}",
        ctx ->
            mutate(
                ctx,
                "DELEGATION_REVOKED",
                204,
                (c, p, audit) -> {
                  delegations.revoke(c, p, ctx.pathParam("delegationId"), audit);
                  return null;
                }));

    String person = "/v1/persons/{personId}";
    route(
        app,
        HandlerType.GET,
        person + "/account",
        ctx ->
            read(
                ctx,
                "ACCOUNT_READ",
                delegated(
                    ctx,
                    Operation.READ_ACCOUNT,
                    (c, p, g, audit) -> accounts.status(c, g, audit))));
    route(
        app,
        HandlerType.POST,
        person + "/status-statements",
        ctx ->
            mutate(
                ctx,
                "STATUS_STATEMENT_ISSUED",
                201,
                delegated(
                    ctx,
                    Operation.ISSUE_STATUS_STATEMENT,
                    (c, p, g, audit) -> accounts.statement(c, p, g, audit))));
    route(
        app,
        HandlerType.POST,
        person + "/profile-statements",
        ctx ->
            mutate(
                ctx,
                "PROFILE_STATEMENT_ISSUED",
                201,
                delegated(
                    ctx,
                    Operation.ISSUE_PROFILE_STATEMENT,
                    (c, p, g, audit) -> records.statement(c, p, g, audit))));
    lifecycle(
        app,
        HandlerType.POST,
        person + "/opposition",
        "OPPOSITION_RECORDED",
        AccountAction.RECORD_OPPOSITION);
    lifecycle(
        app,
        HandlerType.DELETE,
        person + "/opposition",
        "OPPOSITION_WITHDRAWN",
        AccountAction.WITHDRAW_OPPOSITION);
    lifecycle(
        app,
        HandlerType.POST,
        person + "/creation-request",
        "CREATION_REQUESTED",
        AccountAction.CREATE_ON_REQUEST);
    lifecycle(
        app,
        HandlerType.POST,
        person + "/deletion-request",
        "DELETION_REQUESTED",
        AccountAction.REQUEST_DELETION);
    lifecycle(app, HandlerType.POST, person + "/reopening", "REOPENED", AccountAction.REOPEN);
    route(
        app,
        HandlerType.POST,
        person + "/closure",
        ctx ->
            mutate(
                ctx,
                "CLOSED",
                200,
                delegated(
                    ctx,
                    Operation.CLOSE,
                    (c, p, g, audit) ->
                        accounts.act(
                            c,
                            p,
                            g,
                            AccountAction.CLOSE,
                            body(ctx.bodyAsBytes(), ClosureRequest.class).withDeletion(),
                            audit))));
    route(
        app,
        HandlerType.POST,
        person + "/activation",
        ctx ->
            mutate(
                ctx,
                "ACTIVATED",
                200,
                delegated(
                    ctx,
                    Operation.ACTIVATE,
                    (c, p, g, audit) ->
                        accounts.activate(
                            c,
                            p,
                            g,
                            body(ctx.bodyAsBytes(), ActivationRequest.class).code(),
                            audit))));
    route(
        app,
        HandlerType.POST,
        person + "/caregivers",
        ctx ->
            mutate(
                ctx,
                "CAREGIVER_ADDED",
                201,
                delegated(
                    ctx,
                    Operation.ADD_CAREGIVER,
                    (c, p, g, audit) ->
                        caregivers.add(
                            c, p, g, body(ctx.bodyAsBytes(), CaregiverRequest.class), audit))));
    route(
        app,
        HandlerType.DELETE,
        person + "/caregivers/{caregiverId}",
        ctx ->
            mutate(
                ctx,
                "CAREGIVER_REMOVED",
                200,
                delegated(
                    ctx,
                    Operation.REMOVE_CAREGIVER,
                    (c, p, g, audit) ->
                        caregivers.remove(c, p, g, ctx.pathParam("caregiverId"), audit))));
    route(
        app,
        HandlerType.POST,
        person + "/shares",
        ctx ->
            mutate(
                ctx,
                "PROFILE_SHARED",
                201,
                delegated(
                    ctx,
                    Operation.SHARE_PROFILE,
                    (c, p, g, audit) ->
                        shares.invite(
                            c, p, g, body(ctx.bodyAsBytes(), ShareRequest.class), audit))));
    for (boolean accept : new boolean[] {true, false}) {
      route(
          app,
          HandlerType.POST,
          person + "/shares/{shareId}/" + (accept ? "acceptance" : "refusal"),
          ctx ->
              mutate(
                  ctx,
                  accept ? "SHARE_ACCEPTED" : "SHARE_REFUSED",
                  200,
                  delegated(
                      ctx,
                      Operation.ANSWER_SHARE,
                      (c, p, g, audit) ->
                          shares.answer(c, p, g, ctx.pathParam("shareId"), accept, audit))));
    }
    route(
        app,
        HandlerType.DELETE,
        person + "/shares/{shareId}",
        ctx ->
            mutate(
                ctx,
                "SHARE_ENDED",
                200,
                delegated(
                    ctx,
                    Operation.END_SHARE,
                    (c, p, g, audit) -> shares.end(c, p, g, ctx.pathParam("shareId"), audit))));
    route(
        app,
        HandlerType.GET,
        person + "/documents",
        ctx ->
            read(
                ctx,
                "DOCUMENTS_LISTED",
                delegated(
                    ctx,
                    Operation.LIST_DOCUMENTS,
                    (c, p, g, audit) -> records.documents(c, g, audit))));
    route(
        app,
        HandlerType.GET,
        person + "/documents/{documentId}",
        ctx -> {
          Audit audit = audit(ctx, "DOCUMENT_READ");
          byte[] pdf =
              db.tx(
                  c -> {
                    Principal p = mediators.authenticate(c, bearer(ctx), audit);
                    Grant g = grant(ctx, c, p, Operation.DOWNLOAD_DOCUMENT, audit);
                    return records.document(c, g, ctx.pathParam("documentId"), audit);
                  });
          ctx.status(200).contentType("application/pdf").result(pdf);
        });
    route(
        app,
        HandlerType.GET,
        person + "/profile/{section}",
        ctx -> {
          Object section =
              readResult(
                  ctx,
                  "PROFILE_READ",
                  delegated(
                      ctx,
                      Operation.READ_PROFILE,
                      (c, p, g, audit) -> records.section(c, g, ctx.pathParam("section"), audit)));
          ctx.header("ETag", "\"" + ((ProfileSection) section).version() + "\"");
          send(ctx, 200, section);
        });
    route(
        app,
        HandlerType.PUT,
        person + "/profile/{section}",
        ctx -> {
          mutate(
              ctx,
              "PROFILE_WRITTEN",
              200,
              delegated(
                  ctx,
                  Operation.WRITE_PROFILE,
                  (c, p, g, audit) ->
                      records.write(
                          c,
                          p,
                          g,
                          ctx.pathParam("section"),
                          ctx.header("If-Match"),
                          ctx.bodyAsBytes(),
                          audit)));
          etagFromBody(ctx);
        });
    route(
        app,
        HandlerType.GET,
        person + "/journal",
        ctx ->
            read(
                ctx,
                "JOURNAL_READ",
                delegated(
                    ctx,
                    Operation.READ_JOURNAL,
                    (c, p, g, audit) -> records.journal(c, g, audit))));

    app.exception(ProblemException.class, (e, ctx) -> refuse(ctx, e));
    app.exception(
        InvalidValue.class,
        (e, ctx) ->
            refuse(
                ctx,
                new ProblemException(
                    422, "invalid-input", e.getMessage(), e.messageKey(), e.params())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          // No trace for the client, and no message in the log: one may hold a NIR or a token.
          LOG.error(
              "request {} {} {} failed: {}",
              ctx.<String>attribute(REQUEST_ID),
              ctx.method(),
              ctx.handlerType() == HandlerType.BEFORE
                  ? "(before its route)"
                  : ctx.endpointHandlerPath(),
              withoutMessages(e));
          refuse(ctx, new ProblemException(500, "internal", "internal error"));
        });
    app.error(
        404,
        ctx -> {
          if (!Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) {
            problem(
                ctx,
                new ProblemException(
                    404, "not-found", "no such route: " + ctx.method() + " " + ctx.path()));
          }
        });
  }

  /** Every route registered, in order. */
  List<Declared> declared() {
    return List.copyOf(declared);
  }

  private void route(Javalin app, HandlerType method, String path, Handler handler) {
    declared.add(new Declared(method.name(), path));
    app.addHttpHandler(method, path, handler);
  }

  private void lifecycle(
      Javalin app, HandlerType method, String path, String action, AccountAction what) {
    route(
        app,
        method,
        path,
        ctx ->
            mutate(
                ctx,
                action,
                200,
                delegated(
                    ctx,
                    Operation.of(what),
                    (c, p, g, audit) -> accounts.act(c, p, g, what, false, audit))));
  }

  /** The public key, and the verification page a QR code should name when it is set. */
  private Map<String, String> keys() {
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    keys.put("algorithm", "Ed25519");
    keys.put("publicKey", receipts.publicKey());
    if (publicVerifyUrl != null) {
      keys.put("verifyUrl", publicVerifyUrl);
    }
    return keys;
  }

  private Work delegated(Context ctx, Operation operation, Delegated work) {
    return (c, p, audit) -> work.run(c, p, grant(ctx, c, p, operation, audit), audit);
  }

  private Grant grant(Context ctx, Connection c, Principal p, Operation operation, Audit audit)
      throws SQLException {
    return delegations.authorize(
        c, p, ctx.header(Headers.DELEGATION), ctx.pathParam("personId"), operation, audit);
  }

  /**
   * What a demo server "sent" for the manager's structure (the codes and addresses of people): for
   * the structure manager alone, and each reading journaled.
   */
  private List<OutboxMessage> outbox(Connection c, Principal p, Audit audit) throws SQLException {
    if (!demo) {
      throw new ProblemException(404, "not-found", "the outbox exists on demo servers only");
    }
    if (!Principal.STRUCTURE_MANAGER.equals(p.role())) {
      throw new ProblemException(
          403,
          "role-required",
          "only a structure manager reads the demo outbox",
          Map.of("role", Principal.STRUCTURE_MANAGER));
    }
    List<OutboxMessage> sent = outbox.newestFirst(c, p.structureId());
    journal.append(c, audit.chain(), audit.line("OK", sent.size() + " messages"));
    return sent;
  }

  private void read(Context ctx, String action, Work work) {
    send(ctx, 200, readResult(ctx, action, work));
  }

  private Object readResult(Context ctx, String action, Work work) {
    Audit audit = audit(ctx, action);
    return db.tx(c -> work.run(c, mediators.authenticate(c, bearer(ctx), audit), audit));
  }

  private void mutate(Context ctx, String action, int status, Work work) {
    Audit audit = audit(ctx, action);
    String key = ctx.header(Headers.IDEMPOTENCY_KEY);
    if (key == null || key.isBlank() || key.length() > 100) {
      throw new ProblemException(
          400,
          "idempotency-key-required",
          "this route needs an Idempotency-Key header (1-100 chars)");
    }
    byte[] body = ctx.bodyAsBytes();
    String route = ctx.method() + " " + ctx.path() + " " + String.valueOf(ctx.header("If-Match"));
    Idempotency.Replay reply =
        db.tx(
            c -> {
              Principal principal = mediators.authenticate(c, bearer(ctx), audit);
              Optional<Idempotency.Replay> replay =
                  idempotency.find(c, principal.mediatorId(), key, route, body);
              if (replay.isPresent()) {
                return replay.get();
              }
              Object result = work.run(c, principal, audit);
              byte[] response = result == null ? new byte[0] : write(result);
              idempotency.remember(c, principal.mediatorId(), key, route, body, status, response);
              return new Idempotency.Replay(status, response);
            });
    ctx.status(reply.status());
    if (reply.body().length > 0) {
      ctx.contentType("application/json").result(reply.body());
    }
  }

  private void etagFromBody(Context ctx) throws IOException {
    String body = ctx.result();
    if (body != null && ctx.status().getCode() == 200) {
      ctx.header("ETag", "\"" + json.readTree(body).path("version").asLong() + "\"");
    }
  }

  /**
   * Answers a refusal: journaled in the chain of whom it concerns, unless it proves nothing about
   * its sender (no session, a forged token...): those are counted and summarised ({@link
   * Refusals}), and a source sending too many is told to wait.
   */
  private void refuse(Context ctx, ProblemException e) {
    Audit audit = ctx.attribute(Audit.ATTRIBUTE);
    ProblemException answer = e;
    if (audit != null) {
      boolean unproven = Refusals.unproven(audit, e);
      if (unproven) {
        answer = refusals.count(ctx.ip(), e.slug()).orElse(e);
      }
      if (!unproven || !audit.onRefusal.isEmpty() || refusals.anyEnded()) {
        db.tx(
            c -> {
              for (Database.Work<?> w : audit.onRefusal) {
                w.run(c);
              }
              if (unproven) {
                refusals.writeEnded(c, false);
                return null;
              }
              Journal.Line line = audit.line("REFUSED " + e.slug(), String.valueOf(e.getMessage()));
              journal.append(c, audit.chain(), line);
              if (audit.personId != null && audit.mediatorId != null) {
                journal.append(c, Journal.mediatorChain(audit.mediatorId), line);
              }
              return null;
            });
      }
    }
    problem(ctx, answer);
  }

  private void problem(Context ctx, ProblemException e) {
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    ctx.status(e.status()).contentType(Problem.MEDIA_TYPE).result(write(e.toProblem()));
  }

  /**
   * An exception and its causes as types and the first place in our code each was thrown, e.g.
   * {@code IllegalStateException at fr.guichet.sandbox.Database.tx(Database.java:135) <- ...}:
   * enough to find the fault, with none of the messages.
   */
  static String withoutMessages(Throwable e) {
    StringBuilder out = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      out.append(depth == 0 ? "" : " <- ").append(t.getClass().getName());
      StackTraceElement[] stack = t.getStackTrace();
      Arrays.stream(stack)
          .filter(f -> f.getClassName().startsWith("fr.guichet."))
          .findFirst()
          .or(() -> Arrays.stream(stack).findFirst())
          .ifPresent(f -> out.append(" at ").append(f));
    }
    return out.toString();
  }

  private static Audit audit(Context ctx, String action) {
    Audit audit = new Audit(action);
    ctx.attribute(Audit.ATTRIBUTE, audit);
    return audit;
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
  }

  private <T> T body(byte[] bytes, Class<T> type) {
    try {
      T value = json.readValue(bytes, type);
      if (value == null) {
        throw new ProblemException(400, "malformed-body", "a JSON object is required");
      }
      return value;
    } catch (IOException e) {
      throw new ProblemException(
          400, "malformed-body", "the body is not the JSON this route expects");
    }
  }

  private void send(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(write(value));
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
