package fr.guichet.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.api.ApiClient;
import fr.guichet.api.ConsentRequest;
import fr.guichet.api.Health;
import fr.guichet.api.IdentificationRequest;
import fr.guichet.api.Json;
import fr.guichet.api.LoginRequest;
import fr.guichet.api.Problem;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Scope;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP face of the reference server: one line per route of the contract
 * ({@code openapi/guichet.yaml}), each turning a request into one audited transaction.
 *
 * <p>Every mutating route needs an {@code Idempotency-Key} (login excepted: a repeated login only
 * opens another session). Every refusal becomes problem+json and a journal entry in the chain of
 * the person concerned, or of the mediator, or the system chain.
 */
final class Routes {
  static final String VERSION = "0.1.0";
  private static final String OPENAPI = "openapi/guichet.yaml";

  /** Work done for an authenticated mediator inside the request's transaction. */
  @FunctionalInterface
  private interface Work {
    Object run(Connection c, Principal principal, Audit audit) throws SQLException;
  }

  private final Database db;
  private final Rules rules;
  private final Journal journal;
  private final Mediators mediators;
  private final Sittings sittings;
  private final Accounts accounts;
  private final Idempotency idempotency;
  private final Signer signer;
  private final ObjectMapper json = Json.mapper();
  private final byte[] openapi;

  Routes(Database db, Rules rules, Signer signer) {
    this.db = db;
    this.rules = rules;
    this.signer = signer;
    this.journal = new Journal(rules.clock());
    this.mediators = new Mediators(rules, journal);
    this.sittings = new Sittings(rules, journal);
    this.accounts = new Accounts(rules, journal, signer);
    this.idempotency = new Idempotency(rules.clock());
    this.openapi = resource(OPENAPI);
  }

  void register(Javalin app) {
    app.get("/v1/health", ctx -> send(ctx, 200, new Health("UP", VERSION, rules.clock().instant())));
    app.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openapi));
    app.get("/v1/keys", ctx -> send(ctx, 200, Map.of("algorithm", "Ed25519", "publicKey", signer.publicKeyBase64())));

    app.post("/v1/sessions", ctx -> {
      Audit audit = audit(ctx, "LOGIN");
      LoginRequest request = body(ctx.bodyAsBytes(), LoginRequest.class);
      Mediators.LoginOutcome outcome = db.tx(c -> mediators.login(c, request, audit));
      if (outcome.refusal() != null) {
        throw outcome.refusal();
      }
      send(ctx, 201, outcome.session());
    });
    app.delete("/v1/sessions/current", ctx -> mutate(ctx, "LOGOUT", 204, (c, p, audit) -> {
      mediators.logout(c, p, audit);
      return null;
    }));
    app.post("/v1/identifications", ctx -> mutate(ctx, "IDENTIFY", 201,
        (c, p, audit) -> sittings.identify(c, p, body(ctx.bodyAsBytes(), IdentificationRequest.class), audit)));
    app.post("/v1/consents", ctx -> mutate(ctx, "CONSENT", 201,
        (c, p, audit) -> sittings.consent(c, p, body(ctx.bodyAsBytes(), ConsentRequest.class), audit)));
    app.delete("/v1/delegations/{delegationId}", ctx -> mutate(ctx, "DELEGATION_REVOKED", 204, (c, p, audit) -> {
      sittings.revoke(c, p, ctx.pathParam("delegationId"), audit);
      return null;
    }));

    app.get("/v1/persons/{personId}/account", ctx -> read(ctx, "ACCOUNT_READ", (c, p, audit) ->
        accounts.status(c, grant(ctx, c, p, Scope.ACCOUNT_READ, audit), audit)));
    app.post("/v1/persons/{personId}/status-statements", ctx -> mutate(ctx, "STATUS_STATEMENT_ISSUED", 201,
        (c, p, audit) -> accounts.statement(c, p, grant(ctx, c, p, Scope.ACCOUNT_READ, audit), audit)));
    app.get("/v1/persons/{personId}/journal", ctx -> read(ctx, "JOURNAL_READ", (c, p, audit) -> {
      Grant grant = grant(ctx, c, p, Scope.JOURNAL_READ, audit);
      var entries = journal.read(c, Journal.personChain(grant.personId()));
      journal.append(c, audit.chain(), audit.line("OK", entries.size() + " entries"));
      return entries;
    }));

    app.exception(ProblemException.class, (e, ctx) -> refuse(ctx, e));
    app.exception(InvalidValue.class, (e, ctx) ->
        refuse(ctx, new ProblemException(422, "invalid-input", e.getMessage(), e.messageKey(), e.params())));
    app.exception(Exception.class, (e, ctx) -> {
      e.printStackTrace(); // the server's log; the client gets no trace
      refuse(ctx, new ProblemException(500, "internal", "internal error"));
    });
    app.error(404, ctx -> {
      if (!Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) {
        problem(ctx, new ProblemException(404, "not-found", "no such route: " + ctx.method() + " " + ctx.path()));
      }
    });
  }

  private Grant grant(Context ctx, Connection c, Principal p, Scope scope, Audit audit) throws SQLException {
    return sittings.authorize(c, p, ctx.header(ApiClient.DELEGATION_HEADER), ctx.pathParam("personId"), scope, audit);
  }

  private void read(Context ctx, String action, Work work) {
    Audit audit = audit(ctx, action);
    Object result = db.tx(c -> work.run(c, mediators.authenticate(c, bearer(ctx), audit), audit));
    send(ctx, 200, result);
  }

  private void mutate(Context ctx, String action, int status, Work work) {
    Audit audit = audit(ctx, action);
    String key = ctx.header(ApiClient.IDEMPOTENCY_HEADER);
    if (key == null || key.isBlank() || key.length() > 100) {
      throw new ProblemException(400, "idempotency-key-required", "this route needs an Idempotency-Key header (1-100 chars)");
    }
    byte[] body = ctx.bodyAsBytes();
    String route = ctx.method() + " " + ctx.endpointHandlerPath() + " " + ctx.pathParamMap();
    Idempotency.Replay reply = db.tx(c -> {
      Principal principal = mediators.authenticate(c, bearer(ctx), audit);
      Optional<Idempotency.Replay> replay = idempotency.find(c, principal.mediatorId(), key, route, body);
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

  private void refuse(Context ctx, ProblemException e) {
    Audit audit = ctx.attribute(Audit.ATTRIBUTE);
    if (audit != null && !audit.journaled) {
      db.tx(c -> {
        journal.append(c, audit.chain(), audit.line("REFUSED " + e.slug(), String.valueOf(e.getMessage())));
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
      throw new ProblemException(400, "malformed-body", "the body is not the JSON this route expects");
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
