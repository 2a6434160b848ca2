package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Identification;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  MediatorSession session;
  Identification who;

  @BeforeEach
  void start() {
    session = sandbox.login();
    who = sandbox.identify("p-jeanne");
  }

  @Test
  void theSameKeyAndBodyGiveTheFirstAnswerWithoutASecondEffect() {
    IdempotencyKey key = IdempotencyKey.random();
    ConsentRequest request =
        ConsentRequest.forSelf(who.identificationId(), List.of("account:read"), 30, "fr", "v1");
    Delegation first = sandbox.api().consent(session, request, key);
    Delegation again = sandbox.api().consent(session, request, key);
    assertThat(again).isEqualTo(first);
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly("IDENTIFY OK", "CONSENT OK", "DELEGATION_OPENED OK");
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    IdempotencyKey key = IdempotencyKey.random();
    sandbox
        .api()
        .consent(
            session,
            ConsentRequest.forSelf(who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
            key);
    assertThatThrownBy(
            () ->
                sandbox
                    .api()
                    .consent(
                        session,
                        ConsentRequest.forSelf(
                            who.identificationId(), List.of("account:read"), 20, "fr", "v1"),
                        key))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().slug()).isEqualTo("idempotency-key-reused");
            });
  }

  @Test
  void aMutatingRequestWithoutAKeyIsRefused() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.server().url() + "v1/consents"))
                    .header("Authorization", "Bearer " + session.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("idempotency-key-required");
  }

  @Test
  void theDatabaseHoldsNeitherTheKeyNorTheTokenInClear() {
    IdempotencyKey key = new IdempotencyKey("a-very-recognisable-idempotency-key");
    Delegation d =
        sandbox
            .api()
            .consent(
                session,
                ConsentRequest.forSelf(
                    who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
                key);
    StringBuilder everything = new StringBuilder();
    for (String table :
        List.of("idempotency", "delegation", "mediator_session", "consent", "journal", "receipt")) {
      sandbox.query(
          "SELECT * FROM " + table,
          r -> {
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
              everything.append(r.getString(i)).append('|');
            }
            return null;
          });
    }
    assertThat(everything.toString())
        .contains(d.consentId())
        .doesNotContain(d.token())
        .doesNotContain(key.value())
        .doesNotContain(session.token());
  }

  @Test
  void aRefusalByTheRulesIsRememberedUnderItsKeyLikeASuccess() {
    DemoSandbox.Sitting ahmed = sandbox.open("p-ahmed", "opposition:write");
    IdempotencyKey objectAgain = IdempotencyKey.random();
    ApiException first =
        catchThrowableOfType(
            ApiException.class,
            () -> sandbox.api().recordOpposition(ahmed.session(), ahmed.delegation(), objectAgain));
    assertThat(first.problem().status()).isEqualTo(409);
    sandbox.api().withdrawOpposition(ahmed.session(), ahmed.delegation(), IdempotencyKey.random());

    ApiException replayed =
        catchThrowableOfType(
            ApiException.class,
            () -> sandbox.api().recordOpposition(ahmed.session(), ahmed.delegation(), objectAgain));
    assertThat(replayed.problem()).isEqualTo(first.problem());
    assertThat(state("p-ahmed")).isEqualTo("ANNOUNCED");
    assertThat(sandbox.journal("person:p-ahmed"))
        .containsOnlyOnce("OPPOSITION_RECORDED REFUSED " + first.problem().slug())
        .doesNotContain("OPPOSITION_RECORDED OK");
  }

  @Test
  void aReplayChecksTheCallersRightsBeforeGivingTheStoredAnswer() throws Exception {
    DemoSandbox.Sitting jeanne = sandbox.open("p-jeanne", "opposition:write");
    IdempotencyKey key = IdempotencyKey.random();
    sandbox.api().recordOpposition(jeanne.session(), jeanne.delegation(), key);
    String path = "v1/persons/p-jeanne/opposition";

    HttpResponse<String> noDelegation = post(path, jeanne.session().token(), null, key);
    assertThat(noDelegation.statusCode()).isEqualTo(401);
    assertThat(noDelegation.body()).contains("delegation-required").doesNotContain("receipt");

    sandbox.api().revoke(jeanne.session(), jeanne.delegation(), IdempotencyKey.random());
    HttpResponse<String> revoked =
        post(path, jeanne.session().token(), jeanne.delegation().token(), key);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("delegation-revoked").doesNotContain("receipt");
    assertThat(sandbox.count("receipt WHERE kind = 'record-opposition'")).isEqualTo(1);
  }

  @Test
  void aRefusalForWantOfRightsIsNotRememberedSoTheSameKeyActsOnceAllowed() {
    DemoSandbox.Sitting noRead = sandbox.open("p-jeanne", "opposition:write");
    IdempotencyKey key = IdempotencyKey.random();
    assertThatThrownBy(
            () -> sandbox.api().statusStatement(noRead.session(), noRead.delegation(), key))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("scope-missing"));
    DemoSandbox.Sitting allowed = sandbox.open("p-jeanne", "account:read");
    Receipt done = sandbox.api().statusStatement(allowed.session(), allowed.delegation(), key);
    assertThat(done.kind()).isEqualTo("account-status");
    assertThat(sandbox.api().statusStatement(allowed.session(), allowed.delegation(), key))
        .isEqualTo(done);
    assertThat(sandbox.count("receipt WHERE kind = 'account-status'")).isEqualTo(1);
  }

  @Test
  void theSameKeySentAtOnceToTwoNodesActsOnceAndGetsOneAnswer() throws Exception {
    DemoSandbox.Sitting jeanne = sandbox.open("p-jeanne", "account:read");
    String[] nodes = {sandbox.server().url(), sandbox.secondNode().url()};
    int keys = 12;
    ExecutorService clients = Executors.newFixedThreadPool(4);
    Map<String, Set<String>> answers = new ConcurrentHashMap<>();
    List<Future<?>> sent = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      IdempotencyKey key = IdempotencyKey.random();
      for (int copy = 0; copy < 2; copy++) {
        String node = nodes[copy];
        sent.add(
            clients.submit(
                () -> {
                  HttpResponse<String> r =
                      send(
                          node,
                          "v1/persons/p-jeanne/status-statements",
                          jeanne.session().token(),
                          jeanne.delegation().token(),
                          key);
                  answers
                      .computeIfAbsent(key.value(), x -> ConcurrentHashMap.newKeySet())
                      .add(r.statusCode() + " " + r.body());
                  return null;
                }));
      }
    }
    for (Future<?> f : sent) {
      f.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();
    assertThat(answers).hasSize(keys);
    answers.values().forEach(a -> assertThat(a).hasSize(1).allMatch(b -> b.startsWith("201 ")));
    assertThat(sandbox.count("receipt WHERE kind = 'account-status'")).isEqualTo(keys);
  }

  @Test
  void aKeyStillClaimedByAnotherTransactionIs409InFlightThenActsOnce() throws Exception {
    assumeTrue(sandbox.onPostgres(), "only PostgreSQL has transactions of other nodes");
    DemoSandbox.Sitting jeanne = sandbox.open("p-jeanne", "account:read");
    IdempotencyKey key = IdempotencyKey.random();
    String path = "v1/persons/p-jeanne/status-statements";
    try (Connection otherNode = DriverManager.getConnection(sandbox.jdbcUrl())) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement claim =
          otherNode.prepareStatement(
              "INSERT INTO idempotency (principal, key_hash, route, body_hash, status, response,"
                  + " created_at) VALUES ('m-camille', ?, 'x', 'x', 0, '', 'x')")) {
        claim.setString(1, Secrets.sha256(key.value()));
        claim.executeUpdate();
      }
      HttpResponse<String> inFlight =
          post(path, jeanne.session().token(), jeanne.delegation().token(), key);
      assertThat(inFlight.statusCode()).isEqualTo(409);
      assertThat(inFlight.body()).contains("idempotency-key-in-flight");
      assertThat(inFlight.headers().firstValue("Retry-After")).contains("1");
      otherNode.rollback();
    }
    HttpResponse<String> done =
        post(path, jeanne.session().token(), jeanne.delegation().token(), key);
    assertThat(done.statusCode()).isEqualTo(201);
    assertThat(post(path, jeanne.session().token(), jeanne.delegation().token(), key).body())
        .isEqualTo(done.body());
    assertThat(sandbox.count("receipt WHERE kind = 'account-status'")).isEqualTo(1);
  }

  String state(String personId) {
    return sandbox
        .query("SELECT state FROM person WHERE id = ?", r -> r.getString(1), personId)
        .get(0);
  }

  HttpResponse<String> post(String path, String session, String delegation, IdempotencyKey key)
      throws Exception {
    return send(sandbox.server().url(), path, session, delegation, key);
  }

  static HttpResponse<String> send(
      String node, String path, String session, String delegation, IdempotencyKey key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node + path))
            .header("Authorization", "Bearer " + session)
            .header(Headers.IDEMPOTENCY_KEY, key.value())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (delegation != null) {
      request.header(Headers.DELEGATION, delegation);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
