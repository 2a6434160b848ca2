package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several server nodes on one PostgreSQL, as behind a load balancer: nothing one node needs is kept
 * in another's memory (a sitting moves from node to node), and under concurrent writes, replays on
 * other nodes and a node killed mid-burst, every key keeps one answer and every action exists once.
 *
 * <p>Runs only with {@code guichet.test.jdbc} (the PostgreSQL run of {@code ./mvnw verify}).
 */
class ClusterTest {
  static final List<String> PEOPLE =
      List.of("p-jeanne", "p-ahmed", "p-raymond", "p-louis", "p-maria");
  static final int MUTATIONS = 300;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path data;
  String postgres;

  @BeforeEach
  void needsPostgres() {
    postgres = System.getProperty("guichet.test.jdbc");
    assumeTrue(postgres != null && !postgres.isBlank(), "guichet.test.jdbc names no PostgreSQL");
  }

  @Test
  void aSittingStartedOnOneNodeGoesOnOnAnother() {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      ApiClient a = sandbox.api();
      ApiClient b = new ApiClient(sandbox.secondNode().url());
      DemoSandbox.Papers jeanne = DemoSandbox.PEOPLE.get("p-jeanne");

      MediatorSession session = sandbox.login(); // on A
      Identification who =
          b.identify(
              session,
              IdentificationRequest.byVitale(jeanne.nir(), jeanne.birth(), jeanne.vitale()),
              IdempotencyKey.random());
      ContactChallenge challenge =
          a.contactCode(
              session,
              new ContactCodeRequest(jeanne.nir(), jeanne.birth()),
              IdempotencyKey.random());
      String code = sandbox.lastCode("p-jeanne"); // the outbox read on A, the code used on B
      Identification strong =
          b.addProof(
              session,
              who.identificationId(),
              new ProofRequest("CONTACT_CODE", code, challenge.challengeId(), null),
              IdempotencyKey.random());
      assertThat(strong.strength()).isEqualTo("STRONG");
      Delegation d =
          a.consent(
              session,
              ConsentRequest.forSelf(
                  who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
              IdempotencyKey.random());
      assertThat(b.account(session, d).state()).isEqualTo("ANNOUNCED");

      b.logout(session, IdempotencyKey.random());
      ApiException afterLogout =
          catchThrowableOfType(ApiException.class, () -> a.account(session, d));
      assertThat(afterLogout.problem().slug()).isEqualTo("session-expired");
    }
  }

  @Test
  void failuresAndUsedCodesAreCountedByEveryNode() {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      ApiClient[] nodes = {sandbox.api(), new ApiClient(sandbox.secondNode().url())};
      String code = sandbox.freshTotp();
      nodes[0].login(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, code));
      ApiException reused =
          catchThrowableOfType(
              ApiException.class,
              () ->
                  nodes[1].login(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, code)));
      assertThat(reused.problem().slug()).isEqualTo("login-failed");

      for (int i = 0; i < 3; i++) {
        ApiClient node = nodes[i % 2];
        catchThrowableOfType(
            ApiException.class,
            () -> node.login(new LoginRequest(DemoSandbox.OTHER_LOGIN, "wrong", "000000")));
      }
      ApiException delayed =
          catchThrowableOfType(
              ApiException.class,
              () ->
                  nodes[1].login(
                      new LoginRequest(
                          DemoSandbox.OTHER_LOGIN,
                          DemoSandbox.PASSWORD,
                          Totp.fromBase32(DemoSandbox.OTHER_SECRET)
                              .codeAt(sandbox.clock().instant()))));
      assertThat(delayed.problem().slug())
          .as("the login's three failures, on either node, make the next attempt wait")
          .isEqualTo("login-delayed");
    }
  }

  /** One mutation of the burst: what was sent, and every answer it got on any node. */
  record Mutation(String key, String personId, String path, String method, int node) {}

  @Test
  void threeNodesKeepEveryAnswerAndEveryActionOnceAcrossAKill() throws Exception {
    String url =
        postgres
            + (postgres.contains("?") ? "&" : "?")
            + "currentSchema=cluster_"
            + UUID.randomUUID().toString().replace("-", "");
    Path key = signingKey();
    int[] ports = {freePort(), freePort(), freePort()};
    Process[] nodes = new Process[3];
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      nodes[0] = start(0, ports[0], url, key);
      awaitReady(ports[0]);
      nodes[1] = start(1, ports[1], url, key);
      nodes[2] = start(2, ports[2], url, key);
      awaitReady(ports[1]);
      awaitReady(ports[2]);

      ApiClient first = new ApiClient(base(ports[0]));
      String publicKey = first.publicKey();
      MediatorSession session =
          first.login(
              new LoginRequest(
                  DemoSandbox.LOGIN,
                  DemoSandbox.PASSWORD,
                  Totp.fromBase32(DemoSandbox.TOTP_SECRET).codeAt(Instant.now())));
      Map<String, Delegation> delegations = new HashMap<>();
      for (String person : PEOPLE) {
        DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(person);
        ApiClient node = new ApiClient(base(ports[delegations.size() % 3]));
        Identification who =
            node.identify(
                session,
                IdentificationRequest.byVitale(p.nir(), p.birth(), p.vitale()),
                IdempotencyKey.random());
        delegations.put(
            person,
            node.consent(
                session,
                ConsentRequest.forSelf(
                    who.identificationId(),
                    List.of("account:read", "opposition:write"),
                    60,
                    "fr",
                    "v1"),
                IdempotencyKey.random()));
      }

      Random random = new Random(15);
      List<Mutation> mutations = new ArrayList<>();
      for (int i = 0; i < MUTATIONS; i++) {
        String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
        int kind = random.nextInt(3);
        mutations.add(
            new Mutation(
                "cluster-" + i,
                person,
                "v1/persons/" + person + (kind == 0 ? "/status-statements" : "/opposition"),
                kind == 2 ? "DELETE" : "POST",
                i % 3));
      }
      Map<String, Set<String>> answers = new ConcurrentHashMap<>();
      AtomicInteger errors = new AtomicInteger();
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger redirected = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      Sender toNode =
          (m, node) ->
              send(m, node, ports, session, delegations, answers, errors, inFlight, redirected);
      List<Future<?>> sent = new ArrayList<>();
      for (Mutation m : mutations) {
        // The mutation on its node and, at once, its replay with the same key on the next one.
        for (int copy = 0; copy < 2; copy++) {
          int node = (m.node() + copy) % 3;
          sent.add(
              clients.submit(
                  () -> {
                    toNode.send(m, node);
                    return done.incrementAndGet();
                  }));
        }
      }
      while (done.get() < MUTATIONS * 2 / 3) {
        Thread.sleep(10);
      }
      nodes[1].destroyForcibly(); // SIGKILL mid-burst: no drain, transactions cut
      nodes[1].waitFor(30, TimeUnit.SECONDS);
      int doneAtKill = done.get();
      nodes[1] = start(1, ports[1], url, key);
      for (Future<?> f : sent) {
        f.get(5, TimeUnit.MINUTES);
      }
      awaitReady(ports[1]);
      // Every key once more, on the third node, after the restart.
      for (Mutation m : mutations) {
        toNode.send(m, (m.node() + 2) % 3);
      }

      assertThat(doneAtKill).as("the kill came mid-burst").isLessThan(MUTATIONS * 2);
      assertThat(redirected.get()).as("requests redirected from the killed node").isPositive();
      assertThat(errors.get()).as("answers 5xx").isZero();
      assertThat(answers).hasSize(MUTATIONS);
      assertThat(answers.values()).as("keys with two answers").allMatch(a -> a.size() == 1);

      Map<String, Integer> answeredByKind = new HashMap<>();
      Set<String> answeredReceipts = new HashSet<>();
      List<String> answeredSigned = new ArrayList<>();
      for (Set<String> a : answers.values()) {
        String answer = a.iterator().next();
        int status = Integer.parseInt(answer.substring(0, 3));
        assertThat(status).as(answer).isIn(200, 201, 409, 422);
        if (status < 300) {
          JsonNode body = Json.mapper().readTree(answer.substring(4));
          JsonNode receipt = body.has("receipt") ? body.get("receipt") : body;
          answeredByKind.merge(receipt.get("kind").asText(), 1, Integer::sum);
          answeredReceipts.add(receipt.get("receiptId").asText());
          answeredSigned.add(receipt.get("signed").asText());
        }
      }
      Map<String, Integer> stored = new HashMap<>();
      Set<String> storedReceipts = new HashSet<>();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement();
          var rows =
              s.executeQuery(
                  "SELECT kind, id FROM receipt WHERE kind IN"
                      + " ('account-status', 'record-opposition', 'withdraw-opposition')")) {
        while (rows.next()) {
          stored.merge(rows.getString(1), 1, Integer::sum);
          storedReceipts.add(rows.getString(2));
        }
      }
      assertThat(stored).as("actions in the database, by kind").isEqualTo(answeredByKind);
      assertThat(storedReceipts).as("no action lost, none doubled").isEqualTo(answeredReceipts);
      SandboxServer.JournalVerdict journal =
          SandboxServer.verifyJournal(
              data,
              url,
              List.of(publicKey),
              List.of(0, 1, 2).stream()
                  .map(n -> data.resolve("node-" + n).resolve(Checkpoints.DIRECTORY))
                  .toList(),
              answeredSigned);
      assertThat(journal.findings())
          .as("every chain holds, signed, and agrees with each node's checkpoints and receipts")
          .isEmpty();
      assertThat(journal.checkpointFiles()).as("a checkpoint stream per node start").isPositive();
      System.out.printf(
          "ClusterTest: %d keys, %d answers, %s actions, %d in flight (409), %d redirected, %d at the kill%n",
          answers.size(),
          MUTATIONS * 3,
          answeredByKind,
          inFlight.get(),
          redirected.get(),
          doneAtKill);
    } finally {
      clients.shutdownNow();
      for (Process p : nodes) {
        if (p != null) {
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
        }
      }
      try (Connection c = DriverManager.getConnection(postgres);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + url.replaceAll(".*currentSchema=", "") + " CASCADE");
      }
    }
  }

  /** {@link #send} with the burst's shared state already given. */
  interface Sender {
    void send(Mutation m, int node) throws Exception;
  }

  /**
   * Sends one mutation to a node as a load balancer would: a node that cannot be reached is
   * replaced by the next one, a 409 {@code idempotency-key-in-flight} is asked again after its
   * {@code Retry-After}; every other answer is kept under the key.
   */
  static void send(
      Mutation m,
      int node,
      int[] ports,
      MediatorSession session,
      Map<String, Delegation> delegations,
      Map<String, Set<String>> answers,
      AtomicInteger errors,
      AtomicInteger inFlight,
      AtomicInteger redirected)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (int target = node; ; ) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base(ports[target]) + m.path()))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + session.token())
              .header(Headers.DELEGATION, delegations.get(m.personId()).token())
              .header(Headers.IDEMPOTENCY_KEY, m.key())
              .header("Content-Type", "application/json")
              .method(m.method(), HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      HttpResponse<String> r;
      try {
        r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException down) {
        assertThat(System.nanoTime()).as("a node answered within 2 minutes").isLessThan(deadline);
        redirected.incrementAndGet();
        target = (target + 1) % 3;
        continue;
      }
      if (r.statusCode() == 409 && r.body().contains("idempotency-key-in-flight")) {
        inFlight.incrementAndGet();
        Thread.sleep(100);
        continue;
      }
      if (r.statusCode() >= 500) {
        errors.incrementAndGet();
        System.err.println("ClusterTest: " + m + " on node " + target + ": " + r.body());
        return;
      }
      answers
          .computeIfAbsent(m.key(), k -> ConcurrentHashMap.newKeySet())
          .add(r.statusCode() + " " + r.body());
      return;
    }
  }

  /** The real {@code guichet sandbox} in a child process, as an operator starts a node. */
  Process start(int n, int port, String url, Path key) throws IOException {
    Path dir = Files.createDirectories(data.resolve("node-" + n));
    return CrashTest.sandboxProcess(
        List.of(
            "--port",
            String.valueOf(port),
            "--data",
            dir.toString(),
            "--database",
            url,
            "--signing-key",
            key.toString(),
            "--pool-size",
            "4",
            "--seed",
            "demo"),
        dir.resolve("node.log"));
  }

  Path signingKey() throws Exception {
    byte[] pkcs8 =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
    return Files.writeString(
        data.resolve("signing-key.pem"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n");
  }

  static void awaitReady(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base(port) + "v1/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      assertThat(System.nanoTime()).as("node on port " + port + " ready").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  static String base(int port) {
    return "http://127.0.0.1:" + port + "/";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
