package fr.guichet.sandbox;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;

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
   * How to start the server.
   *
   * @param host where to listen; loopback unless told otherwise
   * @param port 0 for any free port
   * @param dataDir where the SQLite file and the signing key live
   * @param jdbcUrl another database (PostgreSQL), or null for the SQLite file in {@code dataDir}
   * @param seedDemo whether to load the demo people
   * @param clock the server's clock
   * @param oppositionPeriod the opposition period (6 weeks by default, R.1111-28)
   */
  public record Options(
      String host,
      int port,
      Path dataDir,
      String jdbcUrl,
      boolean seedDemo,
      Clock clock,
      Period oppositionPeriod) {
    /** Loopback, any free port, demo people, system clock. */
    public static Options demo(Path dataDir) {
      return new Options("127.0.0.1", 0, dataDir, null, true, Clock.systemUTC(), Period.ofWeeks(6));
    }

    public Options withClock(Clock newClock) {
      return new Options(host, port, dataDir, jdbcUrl, seedDemo, newClock, oppositionPeriod);
    }

    public Options withDatabase(String newJdbcUrl) {
      return new Options(host, port, dataDir, newJdbcUrl, seedDemo, clock, oppositionPeriod);
    }
  }

  private final Javalin app;
  private final Database db;
  private final PasswordChecks passwords;
  private final Housekeeping housekeeping;
  private final String host;
  private final Routes routes;

  private SandboxServer(
      Javalin app,
      Database db,
      PasswordChecks passwords,
      Housekeeping housekeeping,
      String host,
      Routes routes) {
    this.app = app;
    this.db = db;
    this.passwords = passwords;
    this.housekeeping = housekeeping;
    this.host = host;
    this.routes = routes;
  }

  public static SandboxServer start(Options options) {
    DataFiles.secure(options.dataDir());
    if (options.jdbcUrl() == null) {
      // SQLite gives its -wal and -shm files the permissions of the database file.
      DataFiles.createPrivate(options.dataDir().resolve("guichet.db"));
    }
    String url = options.jdbcUrl() != null ? options.jdbcUrl() : sqliteUrl(options.dataDir());
    Database db = Database.open(url);
    Rules rules = Rules.defaults(options.clock()).withOppositionPeriod(options.oppositionPeriod());
    if (options.seedDemo()) {
      db.tx(
          c -> {
            DemoSeed.load(c, rules.today());
            return null;
          });
    }
    Journal journal = new Journal(rules.clock());
    Refusals refusals = new Refusals(rules.clock(), journal);
    PasswordChecks passwords = PasswordChecks.forThisMachine();
    Routes routes =
        compose(
            db,
            rules,
            journal,
            refusals,
            Signer.inDirectory(options.dataDir()),
            passwords,
            options.seedDemo());
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = HttpGuard.MAX_BODY;
              config.jetty.modifyServletContextHandler(HttpGuard::install);
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new ProblemErrorHandler()));
            });
    routes.register(app);
    try {
      app.start(options.host(), options.port());
    } catch (RuntimeException e) {
      passwords.close();
      db.close();
      throw e;
    }
    Housekeeping housekeeping = Housekeeping.start(db, refusals, Duration.ofSeconds(20));
    return new SandboxServer(app, db, passwords, housekeeping, options.host(), routes);
  }

  /**
   * The one place the server's parts are built and wired: stores (SQL only), services (the rules),
   * and the routes that map HTTP onto them.
   */
  private static Routes compose(
      Database db,
      Rules rules,
      Journal journal,
      Refusals refusals,
      Signer signer,
      PasswordChecks passwords,
      boolean demo) {
    Clock clock = rules.clock();
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
            rules,
            journal,
            throttle,
            passwords,
            delegations,
            new MediatorStore(),
            new SessionStore());
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
        new Caregivers(
            rules, journal, receipts, accounts, identifications, persons, representations),
        new Records(rules, journal, receipts, persons, new DocumentStore(), new ProfileStore()),
        receipts,
        outbox,
        refusals,
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

  @Override
  public void close() {
    app.stop();
    housekeeping.close();
    passwords.close();
    db.close();
  }
}
