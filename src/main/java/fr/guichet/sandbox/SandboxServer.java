package fr.guichet.sandbox;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
   * How to start the server.
   *
   * @param host where to listen; loopback unless told otherwise
   * @param port 0 for any free port
   * @param dataDir where the SQLite file and the signing key live
   * @param jdbcUrl another database (PostgreSQL), or null for the SQLite file in {@code dataDir}
   * @param seedDemo whether to load the demo people
   * @param clock the server's clock
   * @param oppositionPeriod the opposition period (6 weeks by default, R.1111-28)
   * @param publicVerifyUrl the verification page as a phone at home reaches it ({@code
   *     https://guichet.example.fr/verify}), named in every QR code; null: the address the clients
   *     reach this server at
   */
  public record Options(
      String host,
      int port,
      Path dataDir,
      String jdbcUrl,
      boolean seedDemo,
      Clock clock,
      Period oppositionPeriod,
      String publicVerifyUrl) {
    /** Without a public verification page: QR codes name the server's own address. */
    public Options(
        String host,
        int port,
        Path dataDir,
        String jdbcUrl,
        boolean seedDemo,
        Clock clock,
        Period oppositionPeriod) {
      this(host, port, dataDir, jdbcUrl, seedDemo, clock, oppositionPeriod, null);
    }

    /** Loopback, any free port, demo people, system clock. */
    public static Options demo(Path dataDir) {
      return new Options("127.0.0.1", 0, dataDir, null, true, Clock.systemUTC(), Period.ofWeeks(6));
    }

    public Options withClock(Clock newClock) {
      return new Options(
          host, port, dataDir, jdbcUrl, seedDemo, newClock, oppositionPeriod, publicVerifyUrl);
    }

    public Options withDatabase(String newJdbcUrl) {
      return new Options(
          host, port, dataDir, newJdbcUrl, seedDemo, clock, oppositionPeriod, publicVerifyUrl);
    }

    public Options withPublicVerifyUrl(String url) {
      return new Options(host, port, dataDir, jdbcUrl, seedDemo, clock, oppositionPeriod, url);
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
    Signer signer = Signer.inDirectory(options.dataDir());
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
            options.publicVerifyUrl());
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
    Housekeeping housekeeping =
        Housekeeping.start(db, refusals, journal, checkpoints, Duration.ofSeconds(20));
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
      boolean demo,
      String publicVerifyUrl) {
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
        publicVerifyUrl);
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
   * server's public key ({@code publicKey} in base 64, or the one in {@code dataDir}), against the
   * checkpoint streams ({@code checkpoints}: files or directories; null for those in {@code
   * dataDir}) and against receipts (their signed text).
   */
  public static JournalVerdict verifyJournal(
      Path dataDir,
      String jdbcUrl,
      String publicKey,
      List<Path> checkpoints,
      List<String> receipts) {
    JournalCheck check =
        new JournalCheck(
            Statements.forKey(
                publicKey != null ? Signer.publicKey(publicKey) : Signer.publicKeyIn(dataDir)));
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

  @Override
  public void close() {
    app.stop();
    housekeeping.close();
    passwords.close();
    db.close();
  }
}
