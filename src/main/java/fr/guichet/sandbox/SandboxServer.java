package fr.guichet.sandbox;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference delegated-access server: the Mon Espace Santé rules of DOMAIN.md, mediators,
 * consent, delegations and the journal, on one machine, over real HTTP and a real SQLite file. The
 * rest of Guichet reaches it only over HTTP; this class is the one way to start it, and the one
 * place its parts (stores, services, routes) are built and wired.
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.start(SandboxServer.Options.demo(dataDir))) {
 *   ApiClient api = new ApiClient(server.url());
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
  /**
   * Where the signing keys come from. Every node of one server must sign with the same private key:
   * a file, or an environment variable, named by the operator; with neither, the key kept in the
   * data directory (created on first use) suits a single node.
   *
   * @param privateKeyFile a PKCS #8 private key, PEM or base 64 ({@code openssl genpkey -algorithm
   *     ed25519}), or null
   * @param privateKeyEnv the name of an environment variable holding such a key, or null
   * @param previousKeysFile public keys that signed receipts before a rotation, one a line (base 64
   *     or PEM), still published and accepted; or null
   */
  public record Keys(Path privateKeyFile, String privateKeyEnv, Path previousKeysFile) {
    /** The key in the data directory, no previous key. */
    public static Keys inDataDirectory() {
      return new Keys(null, null, null);
    }
  }

  /**
   * How to start the server.
   *
   * @param host where to listen; loopback unless told otherwise
   * @param port 0 for any free port
   * @param dataDir where the SQLite file (and the signing key, unless {@code keys} says otherwise)
   *     live
   * @param jdbcUrl another database (PostgreSQL), or null for the SQLite file in {@code dataDir}
   * @param seedDemo whether to load the demo people
   * @param clock the server's clock
   * @param oppositionPeriod the opposition period (6 weeks by default, R.1111-28)
   * @param keys where the signing keys come from
   * @param poolSize how many connections to PostgreSQL this node keeps
   */
  public record Options(
      String host,
      int port,
      Path dataDir,
      String jdbcUrl,
      boolean seedDemo,
      Clock clock,
      Period oppositionPeriod,
      Keys keys,
      int poolSize) {
    /** Loopback, any free port, demo people, system clock. */
    public static Options demo(Path dataDir) {
      return new Options(
          "127.0.0.1",
          0,
          dataDir,
          null,
          true,
          Clock.systemUTC(),
          Period.ofWeeks(6),
          Keys.inDataDirectory(),
          Database.POOL_SIZE);
    }

    public Options withClock(Clock newClock) {
      return new Options(
          host, port, dataDir, jdbcUrl, seedDemo, newClock, oppositionPeriod, keys, poolSize);
    }

    public Options withDatabase(String newJdbcUrl) {
      return new Options(
          host, port, dataDir, newJdbcUrl, seedDemo, clock, oppositionPeriod, keys, poolSize);
    }

    public Options withKeys(Keys newKeys) {
      return new Options(
          host, port, dataDir, jdbcUrl, seedDemo, clock, oppositionPeriod, newKeys, poolSize);
    }
  }

  /** How long stopping waits for the requests in flight (SIGTERM, Ctrl+C) before it cuts them. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

  private final Javalin app;
  private final Database db;
  private final String host;
  private final Routes routes;
  private final StatisticsHandler requests;

  private SandboxServer(
      Javalin app, Database db, String host, Routes routes, StatisticsHandler requests) {
    this.app = app;
    this.db = db;
    this.host = host;
    this.routes = routes;
    this.requests = requests;
  }

  public static SandboxServer start(Options options) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + options.dataDir(), e);
    }
    String url = options.jdbcUrl() != null ? options.jdbcUrl() : sqliteUrl(options.dataDir());
    Signer signer = Signer.load(options.keys(), options.dataDir(), System::getenv);
    Database db = Database.open(url, options.poolSize(), Database.RETRY_BUDGET);
    Rules rules = Rules.defaults(options.clock()).withOppositionPeriod(options.oppositionPeriod());
    if (options.seedDemo()) {
      db.tx(
          c -> {
            DemoSeed.load(c, rules.today());
            return null;
          });
    }
    Routes routes = compose(db, rules, signer, options.seedDemo());
    StatisticsHandler requests = new StatisticsHandler();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = 64 * 1024L;
              config.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new ProblemErrorHandler());
                    // Stopping drains: no new connection, requests in flight answered first.
                    server.setHandler(requests);
                    server.setStopTimeout(DRAIN.toMillis());
                  });
            });
    routes.register(app);
    try {
      app.start(options.host(), options.port());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new SandboxServer(app, db, options.host(), routes, requests);
  }

  /**
   * The one place the server's parts are built and wired: stores (SQL only), services (the rules),
   * and the routes that map HTTP onto them.
   */
  private static Routes compose(Database db, Rules rules, Signer signer, boolean demo) {
    Clock clock = rules.clock();
    Journal journal = new Journal(clock);
    Throttle throttle = new Throttle(clock);
    Receipts receipts = new Receipts(clock, signer);
    PersonStore persons = new PersonStore();
    RepresentationStore representations = new RepresentationStore();
    OutboxStore outbox = new OutboxStore();
    Identifications identifications =
        new Identifications(
            rules,
            journal,
            throttle,
            persons,
            representations,
            new IdentificationStore(),
            new ContactChallengeStore(),
            outbox);
    Delegations delegations =
        new Delegations(
            rules,
            journal,
            receipts,
            identifications,
            persons,
            representations,
            new ConsentStore(),
            new DelegationStore());
    Mediators mediators =
        new Mediators(
            rules, journal, throttle, delegations, new MediatorStore(), new SessionStore());
    Accounts accounts =
        new Accounts(rules, journal, receipts, identifications, persons, representations);
    return new Routes(
        clock,
        db,
        journal,
        new Idempotency(clock),
        mediators,
        identifications,
        delegations,
        accounts,
        new Caregivers(rules, journal, receipts, accounts, persons, representations),
        new Records(rules, journal, receipts, persons, new DocumentStore(), new ProfileStore()),
        receipts,
        outbox,
        demo);
  }

  /**
   * Checks every journal chain of a server's database (the server may be stopped) and describes
   * each altered, removed or reordered entry; an empty list means every chain holds.
   */
  public static java.util.List<String> verifyJournal(Path dataDir, String jdbcUrl) {
    try (Database db = Database.open(jdbcUrl != null ? jdbcUrl : sqliteUrl(dataDir))) {
      Journal journal = new Journal(Clock.systemUTC());
      return db.tx(c -> journal.verify(c)).stream()
          .map(b -> b.chain() + " entry " + b.seq() + ": " + b.reason())
          .toList();
    }
  }

  /** How many journal entries the database holds, for reports. */
  public static long journalSize(Path dataDir, String jdbcUrl) {
    try (Database db = Database.open(jdbcUrl != null ? jdbcUrl : sqliteUrl(dataDir))) {
      return db.tx(
          c -> Database.one(c, "SELECT count(*) FROM journal", r -> r.getLong(1)).orElse(0L));
    }
  }

  private static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("guichet.db").toAbsolutePath();
  }

  /** The routes this server answers, for the contract test. */
  java.util.List<Routes.Declared> routes() {
    return routes.declared();
  }

  public int port() {
    return app.port();
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8470/}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  /** The requests being answered now. */
  int requestsInFlight() {
    return requests.getRequestsActive();
  }

  /**
   * Stops gracefully: no new connection is accepted (a load balancer sends the next requests to
   * another node), new requests on open connections get 503, and those in flight are answered (for
   * {@link #DRAIN} at most) before the database is closed.
   */
  @Override
  public void close() {
    int inFlight = requestsInFlight();
    if (inFlight > 0) {
      LOG.info("stopping: answering {} requests in flight first", inFlight);
    }
    app.stop();
    db.close();
  }
}
