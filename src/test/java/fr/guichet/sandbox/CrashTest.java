package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Health;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.domain.Totp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed (SIGKILL) in the middle of a burst of mutating requests sent with
 * idempotency keys by clients that retry; after a restart, every action exists exactly once and
 * every journal chain holds.
 */
class CrashTest {
  static final int ACTIONS = 40;
  @TempDir Path data;

  /** SQLite in the data directory, or a fresh schema of the PostgreSQL the suite runs against. */
  final String jdbcUrl = jdbcUrl();

  String jdbcUrl() {
    String postgres = System.getProperty("guichet.test.jdbc");
    return postgres == null || postgres.isBlank()
        ? null
        : postgres
            + (postgres.contains("?") ? "&" : "?")
            + "currentSchema=crash_"
            + UUID.randomUUID().toString().replace("-", "");
  }

  Process startServer(int port) throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of("--port", String.valueOf(port), "--data", data.toString(), "--seed", "demo"));
    if (jdbcUrl != null) {
      options.addAll(List.of("--database", jdbcUrl));
    }
    return sandboxProcess(options, data.resolve("server.log"));
  }

  /**
   * The real {@code guichet sandbox} in a child process, as an operator starts it, with these
   * options; what it prints is appended to {@code log}.
   */
  static Process sandboxProcess(List<String> options, Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "fr.guichet.Guichet",
                "sandbox"));
    command.addAll(options);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  static void waitUntilUp(ApiClient api) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        Health h = api.health();
        if (h != null) {
          return;
        }
      } catch (ApiException down) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the server did not start");
  }

  @Test
  void everyActionIsAppliedExactlyOnceAcrossAKill() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = startServer(port);
    ApiClient api = new ApiClient("http://127.0.0.1:" + port + "/");
    try {
      waitUntilUp(api);
      MediatorSession session =
          api.login(
              new LoginRequest(
                  "demo.mediatrice",
                  "Guichet-demo-2026",
                  Totp.fromBase32("GUICHETDEMOSECRETKEYFORMEDIATOR2").codeAt(Instant.now())));
      Identification who =
          api.identify(
              session,
              IdentificationRequest.byVitale(
                  "250037505612372", LocalDate.of(1950, 3, 14), "12345678"),
              IdempotencyKey.random());
      Delegation d =
          api.consent(
              session,
              ConsentRequest.forSelf(
                  who.identificationId(), List.of("account:read"), 60, "fr", "v1"),
              IdempotencyKey.random());

      AtomicInteger done = new AtomicInteger();
      AtomicInteger retries = new AtomicInteger();
      ConcurrentHashMap<String, String> receiptByKey = new ConcurrentHashMap<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < ACTIONS; i++) {
        IdempotencyKey key = IdempotencyKey.random();
        futures.add(
            clients.submit(
                () -> {
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                  while (true) {
                    try {
                      Receipt r = api.statusStatement(session, d, key);
                      receiptByKey.put(key.value(), r.receiptId());
                      done.incrementAndGet();
                      return null;
                    } catch (ApiException e) {
                      if (!e.problem().slug().equals("network") || System.nanoTime() > deadline) {
                        throw e;
                      }
                      retries.incrementAndGet();
                      Thread.sleep(100); // the same key, again, until the server is back
                    }
                  }
                }));
      }
      while (done.get() < ACTIONS / 4) {
        Thread.sleep(5);
      }
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, mid-request
      server.waitFor(30, TimeUnit.SECONDS);
      int doneAtKill = done.get();
      server = startServer(port);
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      clients.shutdown();

      assertThat(doneAtKill).as("the kill happened mid-burst").isLessThan(ACTIONS);
      assertThat(retries.get()).as("clients retried while the server was down").isPositive();
      assertThat(receiptByKey).hasSize(ACTIONS);
      assertThat(new HashSet<>(receiptByKey.values())).as("one receipt per key").hasSize(ACTIONS);
      assertThat(count("SELECT count(*) FROM receipt WHERE kind = 'account-status'"))
          .isEqualTo(ACTIONS);
      assertThat(
              count(
                  "SELECT count(*) FROM journal WHERE action = 'STATUS_STATEMENT_ISSUED' AND outcome = 'OK'"))
          .isEqualTo(ACTIONS);
      assertThat(SandboxServer.verifyJournal(data, jdbcUrl, List.of(), null, List.of()).findings())
          .isEmpty();
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  long count(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + data.resolve("guichet.db"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
