package fr.guichet.testing;

import fr.guichet.client.ApiClient;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Totp;
import fr.guichet.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The reference server with the demo people, in-process on a free loopback port, with a clock the
 * test moves; plus what tests need around it: fresh TOTP codes, the demo people's papers, a sitting
 * opened in one call, and a look into the database.
 *
 * <p>A JUnit extension as well, so that a test class does not start and stop it by hand: {@link
 * #perTest()} or {@link #perClass()}; {@code new DemoSandbox(path)} stays for the tests that need
 * two sandboxes, a restart, or the data directory.
 *
 * <p>With the system property {@code guichet.test.jdbc} (a PostgreSQL URL), every sandbox gets a
 * schema of its own in that database instead of a SQLite file: the same tests run on both.
 */
public final class DemoSandbox
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {
  public static final String LOGIN = "demo.mediatrice";
  public static final String PASSWORD = "Guichet-demo-2026";
  public static final String TOTP_SECRET = "GUICHETDEMOSECRETKEYFORMEDIATOR2";
  public static final String MANAGER_LOGIN = "demo.responsable";
  public static final String MANAGER_SECRET = "GUICHETDEMOMANAGERSECRETKEY23456";
  public static final String OPERATOR_LOGIN = "demo.operateur";
  public static final String OPERATOR_SECRET = "GUICHETDEMOOPERATORSECRETKEY2345";
  public static final String OTHER_LOGIN = "autre.mediateur";
  public static final String OTHER_SECRET = "GUICHETOTHERSTRUCTUREMEDIATOR234";

  /** Jeanne Martin, born 14/03/1950, Carte Vitale 12345678: ANNOUNCED. */
  public static final String JEANNE_NIR = "2 50 03 75 056 123 72";

  /**
   * A demo person's papers: what the person brings to the counter.
   *
   * @param birthDate as the civil status gives it, {@code 00} for an unknown part
   */
  public record Papers(String id, String nir13, String birthDate, String vitale) {
    public String nir() {
      return nir13 + Nir.key(nir13);
    }

    /** A whole birth date as a calendar day (every demo person's but Zaïnaba's). */
    public LocalDate birth() {
      return LocalDate.parse(birthDate);
    }
  }

  public static final Map<String, Papers> PEOPLE =
      Map.ofEntries(
          papers("p-jeanne", "2500375056123", "1950-03-14", "12345678"),
          papers("p-ahmed", "1620713055041", "1962-07-02", "2345678901"),
          papers("p-maria", "2711169123087", "1971-11-23", "345678901234"),
          papers("p-louis", "1850533063210", "1985-05-30", "4567890123456"),
          papers("p-emma", "2150933063318", "2015-09-12", null),
          papers("p-hugo", "1190233063402", "2019-02-03", null),
          papers("p-fatima", "248012A004015", "1948-01-09", "56789012"),
          papers("p-pierre", "1550959350118", "1955-09-17", "67890123"),
          papers("p-yves", "1700444109077", "1970-04-04", "78901234"),
          papers("p-marcel", "1401223096005", "1940-12-01", "89012345"),
          papers("p-sophie", "2680687085233", "1968-06-15", "90123456"),
          papers("p-georgette", "2360697120044", "1936-06-21", "11223344"),
          papers("p-alain", "1621097611150", "1962-10-08", "22334455"),
          papers("p-raymond", "1440215014062", "1944-02-11", "33445566"),
          papers("p-claire", "2870875112345", "1987-08-20", "55667788"),
          papers("p-zainaba", "2589997605031", "1958-00-00", "44556677"));

  private static Map.Entry<String, Papers> papers(
      String id, String nir13, String birth, String vitale) {
    return Map.entry(id, new Papers(id, nir13, birth, vitale));
  }

  /** A sitting as a test opens it: the mediator's session, the identification, the delegation. */
  public record Sitting(
      MediatorSession session, Identification identification, Delegation delegation) {}

  /** When the sandbox starts and stops: by hand, or around each test, or around a test class. */
  private enum Scope {
    BY_HAND,
    PER_TEST,
    PER_CLASS
  }

  private final Scope scope;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  private Path data;
  private boolean ownsData;
  private SandboxServer server;
  private ApiClient api;
  private String jdbcUrl;
  private boolean closed;
  private MediatorSession session;
  private Instant lastUse = Instant.EPOCH;
  private MediatorSession managerSession;
  private Instant managerLastUse = Instant.EPOCH;

  /**
   * A sandbox started now on {@code data}, stopped by {@link #close()}: for the tests that need two
   * sandboxes, a restart, or the data directory itself; the others register one of {@link
   * #perTest()} or {@link #perClass()}.
   */
  public DemoSandbox(Path data) {
    this(Scope.BY_HAND);
    start(data, freshDatabase(data));
  }

  /**
   * A SQLite file in {@code data}, or with {@code guichet.test.jdbc} a new schema in that
   * PostgreSQL database.
   */
  private static String freshDatabase(Path data) {
    String postgres = System.getProperty("guichet.test.jdbc");
    return postgres == null || postgres.isBlank()
        ? "jdbc:sqlite:" + data.resolve("guichet.db")
        : postgres
            + (postgres.contains("?") ? "&" : "?")
            + "currentSchema=t_"
            + UUID.randomUUID().toString().replace("-", "");
  }

  private DemoSandbox(Scope scope) {
    this.scope = scope;
  }

  /**
   * A sandbox started before each test and stopped after it, on a temporary data directory of its
   * own deleted afterwards:
   *
   * <pre>{@code
   * @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
   *
   * @Test void logsIn() { assertThat(sandbox.login().mediatorName()).isEqualTo("Camille Bernard"); }
   * }</pre>
   *
   * <p>The extension starts it before the class's own {@code @BeforeEach} methods run and stops it
   * after its {@code @AfterEach} methods.
   */
  public static DemoSandbox perTest() {
    return new DemoSandbox(Scope.PER_TEST);
  }

  /**
   * A sandbox shared by the tests of a class, started before its {@code @BeforeAll} methods and
   * stopped after its {@code @AfterAll} methods, on a temporary data directory deleted afterwards:
   * {@code @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();}
   */
  public static DemoSandbox perClass() {
    return new DemoSandbox(Scope.PER_CLASS);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (scope == Scope.PER_CLASS) {
      startInTemporaryDirectory();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (scope == Scope.PER_CLASS) {
      stopAndDeleteTemporaryDirectory();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (scope == Scope.PER_TEST) {
      startInTemporaryDirectory();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (scope == Scope.PER_TEST) {
      stopAndDeleteTemporaryDirectory();
    }
  }

  private void startInTemporaryDirectory() throws IOException {
    Path directory = Files.createTempDirectory("guichet-sandbox-");
    start(directory, freshDatabase(directory));
    ownsData = true;
  }

  private void stopAndDeleteTemporaryDirectory() throws IOException {
    close();
    if (ownsData) {
      try (Stream<Path> paths = Files.walk(data)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Starts the server on {@code data} and the database at {@code jdbcUrl} (SQLite or a PostgreSQL
   * schema).
   */
  private void start(Path data, String jdbcUrl) {
    this.data = data;
    this.jdbcUrl = jdbcUrl;
    this.closed = false;
    this.session = null;
    this.lastUse = Instant.EPOCH;
    this.managerSession = null;
    SandboxServer.Options options = SandboxServer.Options.demo(data).withClock(clock);
    this.server =
        SandboxServer.start(
            jdbcUrl.startsWith("jdbc:sqlite:") ? options : options.withDatabase(jdbcUrl));
    this.api = new ApiClient(server.url());
  }

  /**
   * Reopens a stopped sandbox's database (same data directory, same schema) as a new sandbox
   * started by hand.
   */
  public DemoSandbox restart(Path data) {
    server.close();
    DemoSandbox again = new DemoSandbox(Scope.BY_HAND);
    again.clock().set(clock.instant());
    again.start(data, jdbcUrl);
    return again;
  }

  /** The clock the server reads, which the test moves. */
  public MutableClock clock() {
    return clock;
  }

  /** The running server. */
  public SandboxServer server() {
    return running(server);
  }

  /** A client of the running server. */
  public ApiClient api() {
    return running(api);
  }

  /** The server's data directory (the signing key, the SQLite file). */
  public Path data() {
    return running(data);
  }

  private <T> T running(T part) {
    if (part == null) {
      throw new IllegalStateException(
          "the sandbox is not started: register it with @RegisterExtension"
              + " (perTest() on a field, perClass() on a static field)");
    }
    return part;
  }

  /** A TOTP code no login has used yet: moves the clock to the next 30-second step. */
  public String freshTotp() {
    return freshTotp(TOTP_SECRET);
  }

  public String freshTotp(String secret) {
    clock.advance(Duration.ofSeconds(30));
    return Totp.fromBase32(secret).codeAt(clock.instant());
  }

  public MediatorSession login() {
    session = api.login(new LoginRequest(LOGIN, PASSWORD, freshTotp()));
    lastUse = clock.instant();
    return session;
  }

  public MediatorSession loginAs(String login, String secret) {
    return api.login(new LoginRequest(login, PASSWORD, freshTotp(secret)));
  }

  /**
   * The demo mediator's current session, logging in again if the clock made it expire (the server
   * extends a session at each request: 30 minutes without one end it).
   */
  public MediatorSession session() {
    if (session == null || !clock.instant().isBefore(lastUse.plus(Duration.ofMinutes(30)))) {
      login();
    }
    lastUse = clock.instant();
    return session;
  }

  /**
   * The demo structure manager's session, logging in again if the clock made it expire: the demo
   * outbox is theirs alone to read.
   */
  public MediatorSession managerSession() {
    if (managerSession == null
        || !clock.instant().isBefore(managerLastUse.plus(Duration.ofMinutes(30)))) {
      managerSession = loginAs(MANAGER_LOGIN, MANAGER_SECRET);
    }
    managerLastUse = clock.instant();
    return managerSession;
  }

  public Identification identify(String personId) {
    Papers p = PEOPLE.get(personId);
    return api.identify(
        session(),
        IdentificationRequest.byVitale(p.nir(), p.birthDate(), p.vitale()),
        IdempotencyKey.random());
  }

  /**
   * Adds a code sent to the person's contact, read from the demo outbox: a strong identification.
   */
  public Identification strengthen(Identification who) {
    Papers p = PEOPLE.get(who.personId());
    clock.advance(Duration.ofSeconds(1)); // the outbox lists the newest message first
    ContactChallenge challenge =
        api.contactCode(
            session(), new ContactCodeRequest(p.nir(), p.birthDate()), IdempotencyKey.random());
    return api.addProof(
        session(),
        who.identificationId(),
        new ProofRequest("CONTACT_CODE", lastCode(who.personId()), challenge.challengeId(), null),
        IdempotencyKey.random());
  }

  /** The last one-time code the demo outbox holds for a person, read by the structure manager. */
  public String lastCode(String personId) {
    OutboxMessage last =
        api.outbox(managerSession()).stream()
            .filter(m -> m.personId().equals(personId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no message for " + personId));
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(last.body());
    if (!m.find()) {
      throw new AssertionError("no code in " + last.body());
    }
    return m.group(1);
  }

  /**
   * Identifies a demo person (strongly if closure is asked) and records their consent to {@code
   * scopes}.
   */
  public Sitting open(String personId, String... scopes) {
    return openFor(personId, null, scopes);
  }

  /** The same, acting for {@code forPersonId} whom {@code personId} represents. */
  public Sitting openFor(String personId, String forPersonId, String... scopes) {
    return openFor(personId, forPersonId, null, scopes);
  }

  /**
   * The same, saying whether a protected person's opinion was asked (a tutor's consent), or null.
   */
  public Sitting openFor(
      String personId, String forPersonId, Boolean opinionAsked, String... scopes) {
    Identification who = identify(personId);
    if (Arrays.asList(scopes).contains("record:close")) {
      who = strengthen(who);
    }
    Delegation d =
        api.consent(
            session(),
            new ConsentRequest(
                who.identificationId(),
                forPersonId,
                List.of(scopes),
                30,
                "fr",
                "test-v1",
                true,
                true,
                opinionAsked),
            IdempotencyKey.random());
    return new Sitting(session(), who, d);
  }

  /** Journal rows of a chain as "ACTION OUTCOME", oldest first, read straight from the database. */
  public List<String> journal(String chain) {
    return query(
        "SELECT action, outcome FROM journal WHERE chain = ? ORDER BY seq",
        r -> r.getString(1) + " " + r.getString(2),
        chain);
  }

  /** Rows of any query, read straight from the database (tests only). */
  public <T> List<T> query(String sql, Row<T> row, Object... params) {
    List<T> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row.read(r));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  public long count(String table) {
    return query("SELECT count(*) FROM " + table, r -> r.getLong(1)).get(0);
  }

  /** Runs an update straight on the database (tests that tamper with it). */
  public int update(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  /** Stops the server; on PostgreSQL, drops the sandbox's schema. Closing again does nothing. */
  @Override
  public void close() {
    if (closed || server == null) {
      return;
    }
    closed = true;
    server.close();
    Matcher schema = Pattern.compile("currentSchema=(t_[0-9a-f]+)").matcher(jdbcUrl);
    if (schema.find()) {
      update("DROP SCHEMA IF EXISTS " + schema.group(1) + " CASCADE");
    }
  }
}
