package fr.guichet.sandbox;

import fr.guichet.contract.ReceiptVerifier;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

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
   * @param publicVerifyUrl the verification page as a phone at home reaches it ({@code
   *     https://guichet.example.fr/verify}), named in every QR code; null: the address the clients
   *     reach this server at
   * @param keys where the signing keys come from
   * @param poolSize how many connections to PostgreSQL this node keeps
   * @param trustedProxies the load balancers whose {@code X-Forwarded-For} names the client
   */
  public record Options(
      String host,
      int port,
      Path dataDir,
      String jdbcUrl,
      boolean seedDemo,
      Clock clock,
      Period oppositionPeriod,
      String publicVerifyUrl,
      Keys keys,
      int poolSize,
      List<String> trustedProxies) {
    public Options {
      trustedProxies = List.copyOf(trustedProxies);
    }

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
          null,
          Keys.inDataDirectory(),
          Database.POOL_SIZE,
          List.of());
    }

    public Options withClock(Clock newClock) {
      return new Options(
          host,
          port,
          dataDir,
          jdbcUrl,
          seedDemo,
          newClock,
          oppositionPeriod,
          publicVerifyUrl,
          keys,
          poolSize,
          trustedProxies);
    }

    public Options withDatabase(String newJdbcUrl) {
      return new Options(
          host,
          port,
          dataDir,
          newJdbcUrl,
          seedDemo,
          clock,
          oppositionPeriod,
          publicVerifyUrl,
          keys,
          poolSize,
          trustedProxies);
    }

    public Options withPublicVerifyUrl(String url) {
      return new Options(
          host,
          port,
          dataDir,
          jdbcUrl,
          seedDemo,
          clock,
          oppositionPeriod,
          url,
          keys,
          poolSize,
          trustedProxies);
    }

    public Options withKeys(Keys newKeys) {
      return new Options(
          host,
          port,
          dataDir,
          jdbcUrl,
          seedDemo,
          clock,
          oppositionPeriod,
          publicVerifyUrl,
          newKeys,
          poolSize,
          trustedProxies);
    }

    public Options withTrustedProxies(List<String> proxies) {
      return new Options(
          host,
          port,
          dataDir,
          jdbcUrl,
          seedDemo,
          clock,
          oppositionPeriod,
          publicVerifyUrl,
          keys,
          poolSize,
          proxies);
    }
  }

  /** How long stopping waits for the requests in flight (SIGTERM, Ctrl+C) before it cuts them. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private final Javalin app;
  private final Database db;
  private final PasswordChecks passwords;
  private final Housekeeping housekeeping;
  private final String host;
  private final Routes routes;
  private final StatisticsHandler requests;

  private SandboxServer(
      Javalin app,
      Database db,
      PasswordChecks passwords,
      Housekeeping housekeeping,
      String host,
      Routes routes,
      StatisticsHandler requests) {
    this.app = app;
    this.db = db;
    this.passwords = passwords;
    this.housekeeping = housekeeping;
    this.host = host;
    this.routes = routes;
    this.requests = requests;
  }

  public static SandboxServer start(Options options) {
    DataFiles.secure(options.dataDir());
    if (options.jdbcUrl() == null) {
      // SQLite gives its -wal and -shm files the permissions of the database file.
      DataFiles.createPrivate(options.dataDir().resolve("guichet.db"));
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
    Journal journal = new Journal(rules.clock(), signer);
    int upgraded = db.tx(journal::upgrade);
    if (upgraded > 0) {
      LOG.info("journal: {} chain(s) written before signing re-encoded and signed", upgraded);
    }
    Checkpoints checkpoints = Checkpoints.in(options.dataDir(), signer, rules.clock());
    Refusals refusals = new Refusals(rules.clock(), journal);
    PasswordChecks passwords = PasswordChecks.forThisMachine();
    Routes routes =
        compose(
            db,
            rules,
            journal,
            refusals,
            signer,
            passwords,
            options.seedDemo(),
            options.publicVerifyUrl(),
            new ClientAddress(Set.copyOf(options.trustedProxies())));
    StatisticsHandler requests = new StatisticsHandler();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = HttpGuard.MAX_BODY;
              config.jetty.modifyServletContextHandler(HttpGuard::install);
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
      passwords.close();
      db.close();
      throw e;
    }
    Housekeeping housekeeping =
        Housekeeping.start(db, refusals, journal, checkpoints, Duration.ofSeconds(20));
    return new SandboxServer(app, db, passwords, housekeeping, options.host(), routes, requests);
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
      boolean demo,
      String publicVerifyUrl,
      ClientAddress addresses) {
    Clock clock = rules.clock();
    Throttle throttle = new Throttle(clock);
    Receipts receipts = new Receipts(clock, signer, journal);
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
    ShareStore shares = new ShareStore();
    Accounts accounts =
        new Accounts(rules, journal, receipts, identifications, persons, representations, shares);
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
            rules,
            journal,
            receipts,
            accounts,
            delegations,
            identifications,
            persons,
            representations),
        new Shares(
            rules,
            journal,
            receipts,
            accounts,
            delegations,
            identifications,
            persons,
            representations,
            shares,
            outbox),
        new Records(rules, journal, receipts, persons, new DocumentStore(), new ProfileStore()),
        receipts,
        outbox,
        refusals,
        demo,
        publicVerifyUrl,
        addresses);
  }

  /**
   * The verdict of {@code guichet journal verify}: how much was checked, and every finding (empty
   * when the journal holds).
   */
  public record JournalVerdict(
      long entries,
      int chains,
      int checkpointFiles,
      long checkpoints,
      int receipts,
      List<String> findings) {}

  /**
   * Checks a server's journal (the server may be stopped): every chain entry by entry, against the
   * server's public keys ({@code publicKeys}: texts of keys in base 64 or PEM, one a line, the
   * current one and those before a rotation; empty for the one in {@code dataDir}), against the
   * checkpoint streams ({@code checkpoints}: files or directories; null for those in {@code
   * dataDir}) and against receipts (their signed text).
   */
  public static JournalVerdict verifyJournal(
      Path dataDir,
      String jdbcUrl,
      List<String> publicKeys,
      List<Path> checkpoints,
      List<String> receipts) {
    List<PublicKey> keys = new ArrayList<>();
    publicKeys.forEach(text -> keys.addAll(ReceiptVerifier.publicKeys(text)));
    if (keys.isEmpty()) {
      keys.add(Signer.publicKeyIn(dataDir));
    }
    JournalCheck check = new JournalCheck(Statements.forKeys(keys));
    List<Path> files =
        streamFiles(
            checkpoints != null ? checkpoints : List.of(dataDir.resolve(Checkpoints.DIRECTORY)));
    List<Checkpoints.Stream> streams = check.streams(files);
    try (Database db = Database.open(jdbcUrl != null ? jdbcUrl : sqliteUrl(dataDir))) {
      return db.tx(
          c -> {
            List<String> findings = new ArrayList<>();
            check.chains(c).forEach(f -> findings.add(f.toString()));
            check.checkpoints(c, streams).forEach(f -> findings.add(f.toString()));
            for (String r : receipts) {
              check.receipt(c, r).ifPresent(f -> findings.add(f.toString()));
            }
            return new JournalVerdict(
                JournalCheck.entries(c),
                Journal.chains(c).size(),
                files.size(),
                streams.stream().mapToLong(Checkpoints.Stream::lines).sum(),
                receipts.size(),
                List.copyOf(findings));
          });
    }
  }

  /** The checkpoint files named: files as they are, directories for their {@code .jsonl}. */
  private static List<Path> streamFiles(List<Path> named) {
    List<Path> files = new ArrayList<>();
    for (Path p : named) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> in = Files.list(p)) {
          in.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + p, e);
        }
      } else if (Files.exists(p)) {
        files.add(p);
      }
    }
    return files;
  }

  private static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("guichet.db").toAbsolutePath();
  }

  /** The routes this server answers, for the contract test. */
  List<Routes.Declared> routes() {
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
    housekeeping.close();
    passwords.close();
    db.close();
  }
}
