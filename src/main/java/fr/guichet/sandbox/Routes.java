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
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Scope;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP face of the reference server: one line per route of the contract ({@code
 * openapi/guichet.yaml}), each turning a request into one audited transaction.
 *
 * <p>Every mutating route needs an {@code Idempotency-Key} (login and the public receipt check
 * excepted: a repeated login only opens another session). Every refusal becomes problem+json and a
 * journal entry in the chain of the person concerned and in the mediator's.
 */
final class Routes {
  static final String VERSION = "0.2.0";
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

  private final Database db;
  private final Rules rules;
  private final Journal journal;
  private final Mediators mediators;
  private final Sittings sittings;
  private final Accounts accounts;
  private final Caregivers caregivers;
  private final Records records;
  private final Receipts receipts;
  private final Idempotency idempotency;
  private final Signer signer;
  private final boolean demo;
  private final String publicVerifyUrl;
  private final ObjectMapper json = Json.mapper();
  private final byte[] openapi;
  private final List<Declared> declared = new ArrayList<>();

  /**
   * @param publicVerifyUrl the verification page as a phone reaches it ({@code
   *     https://guichet.example.fr/verify}), given to clients for their QR codes; null when the
   *     clients' own address of this server will do
   */
  Routes(Database db, Rules rules, Signer signer, boolean demo, String publicVerifyUrl) {
    this.db = db;
    this.rules = rules;
    this.signer = signer;
    this.demo = demo;
    this.publicVerifyUrl = publicVerifyUrl;
    this.journal = new Journal(rules.clock());
    Throttle throttle = new Throttle(rules.clock());
    this.receipts = new Receipts(rules.clock(), signer);
    this.mediators = new Mediators(rules, journal, throttle);
    this.sittings = new Sittings(rules, journal, throttle, receipts);
    this.accounts = new Accounts(rules, journal, receipts);
    this.caregivers = new Caregivers(rules, journal, receipts, accounts);
    this.records = new Records(rules, journal, receipts);
    this.idempotency = new Idempotency(rules.clock());
    this.openapi = resource(OPENAPI);
  }

  void register(Javalin app) {
    route(
        app,
        HandlerType.GET,
        "/v1/health",
        ctx -> send(ctx, 200, new Health("UP", VERSION, rules.clock().instant())));
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
          ctx.contentType("text/html; charset=utf-8")
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
          send(ctx, 201, db.tx(c -> mediators.login(c, request, audit)));
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
                (c, p, audit) -> mediators.structureJournal(c, p, journal, audit)));
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
    route(
        app,
        HandlerType.GET,
        "/v1/demo/outbox",
        ctx -> read(ctx, "OUTBOX_READ", (c, p, audit) -> outbox(c)));

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
                    sittings.identify(
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
                    sittings.sendContactCode(
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
                    sittings.addProof(
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
                    sittings.consent(c, p, body(ctx.bodyAsBytes(), ConsentRequest.class), audit)));
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
                  sittings.revoke(c, p, ctx.pathParam("delegationId"), audit);
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
                    ctx, Scope.ACCOUNT_READ, (c, p, g, audit) -> accounts.status(c, g, audit))));
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
                    Scope.ACCOUNT_READ,
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
                    Scope.PROFILE_READ,
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
                    Scope.RECORD_CLOSE,
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
                    Scope.ACCOUNT_ACTIVATE,
                    (c, p, g, audit) -> {
                      accounts.requirePossible(c, g, AccountAction.ACTIVATE);
                      if (!sittings.proofs(c, g).contains(Sittings.VITALE)) {
                        throw new ProblemException(
                            403,
                            "vitale-required",
                            "activation needs the Carte Vitale shown at identification");
                      }
                      sittings.checkLetterCode(
                          c,
                          g.personId(),
                          body(ctx.bodyAsBytes(), ActivationRequest.class).code(),
                          p,
                          audit);
                      return accounts.act(c, p, g, AccountAction.ACTIVATE, false, audit);
                    })));
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
                    Scope.SHARING_MANAGE,
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
                    Scope.SHARING_MANAGE,
                    (c, p, g, audit) ->
                        caregivers.remove(c, p, g, ctx.pathParam("caregiverId"), audit))));
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
                    Scope.DOCUMENTS_READ,
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
                    Grant g = grant(ctx, c, p, Scope.DOCUMENTS_READ, audit);
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
                      Scope.PROFILE_READ,
                      (c, p, g, audit) -> records.section(c, g, ctx.pathParam("section"), audit)));
          ctx.header(
              "ETag", "\"" + ((fr.guichet.contract.ProfileSection) section).version() + "\"");
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
                  Scope.PROFILE_WRITE,
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
                    Scope.JOURNAL_READ,
                    (c, p, g, audit) -> {
                      var entries = journal.read(c, Journal.personChain(g.personId()));
                      journal.append(
                          c, audit.chain(), audit.line("OK", entries.size() + " entries"));
                      return entries;
                    })));

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
          e.printStackTrace(); // the server's log; the client gets no trace
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
                    what.requiredScope(),
                    (c, p, g, audit) -> accounts.act(c, p, g, what, false, audit))));
  }

  /** The public key, and the verification page a QR code should name when it is set. */
  private Map<String, String> keys() {
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    keys.put("algorithm", "Ed25519");
    keys.put("publicKey", signer.publicKeyBase64());
    if (publicVerifyUrl != null) {
      keys.put("verifyUrl", publicVerifyUrl);
    }
    return keys;
  }

  private Work delegated(Context ctx, Scope scope, Delegated work) {
    return (c, p, audit) -> work.run(c, p, grant(ctx, c, p, scope, audit), audit);
  }

  private Grant grant(Context ctx, Connection c, Principal p, Scope scope, Audit audit)
      throws SQLException {
    return sittings.authorize(
        c, p, ctx.header(Headers.DELEGATION), ctx.pathParam("personId"), scope, audit);
  }

  private List<OutboxMessage> outbox(Connection c) throws SQLException {
    if (!demo) {
      throw new ProblemException(404, "not-found", "the outbox exists on demo servers only");
    }
    return Database.query(
        c,
        "SELECT person_id, channel, destination, body, created_at FROM outbox ORDER BY created_at DESC",
        r ->
            new OutboxMessage(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                Instant.parse(r.getString(5))));
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

  private void refuse(Context ctx, ProblemException e) {
    Audit audit = ctx.attribute(Audit.ATTRIBUTE);
    if (audit != null) {
      db.tx(
          c -> {
            for (Database.Work<?> w : audit.onRefusal) {
              w.run(c);
            }
            Journal.Line line = audit.line("REFUSED " + e.slug(), String.valueOf(e.getMessage()));
            journal.append(c, audit.chain(), line);
            if (audit.personId != null && audit.mediatorId != null) {
              journal.append(c, Journal.mediatorChain(audit.mediatorId), line);
            }
            return null;
          });
    }
    problem(ctx, e);
  }

  private void problem(Context ctx, ProblemException e) {
    ctx.status(e.status()).contentType(Problem.MEDIA_TYPE).result(write(e.toProblem()));
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
