package fr.guichet.cli;

import fr.guichet.sandbox.SandboxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guichet sandbox}: runs the reference delegated-access server until stopped. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run the reference delegated-access server (Mon Espace Santé rules, mediators, consent, journal).",
      "It listens on loopback unless told otherwise and keeps its SQLite file in the data directory."
    })
public final class SandboxCommand implements Callable<Integer> {
  /** The only seed there is. */
  enum Seed {
    demo
  }

  @Option(
      names = "--host",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--port",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).",
      defaultValue = "8470")
  int port;

  @Option(
      names = "--data",
      description = "Data directory: database and signing key (default: ${DEFAULT-VALUE}).",
      defaultValue = "var/sandbox")
  Path data;

  @Option(
      names = "--database",
      description = "JDBC URL of another database (PostgreSQL), instead of the SQLite file.")
  String jdbcUrl;

  @Option(
      names = "--signing-key",
      description =
          "File of the private key that signs receipts, PKCS #8 in PEM (openssl genpkey -algorithm ed25519):"
              + " the same for every node of one server. Default: one kept in the data directory.")
  Path signingKey;

  @Option(
      names = "--signing-key-env",
      paramLabel = "NAME",
      description = "Name of an environment variable holding that private key, instead of a file.")
  String signingKeyEnv;

  @Option(
      names = "--previous-keys",
      description =
          "File of the public keys that signed receipts before a rotation, one a line (base 64 or PEM):"
              + " still published by /v1/keys and accepted.")
  Path previousKeys;

  @Option(
      names = "--pool-size",
      description =
          "Connections this node keeps to PostgreSQL (default: ${DEFAULT-VALUE}); none on SQLite.",
      defaultValue = "8")
  int poolSize;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      description =
          "Address of a load balancer in front of this node, repeatable: the client address it"
              + " adds to X-Forwarded-For is the one failed logins and refusals are counted for.")
  List<String> trustedProxies = new ArrayList<>();

  @Option(names = "--seed", description = "Load fictional people: ${COMPLETION-CANDIDATES}.")
  Seed seed;

  @Option(
      names = "--opposition-days",
      description = "Length of the opposition period in days (default: 42, six weeks).",
      defaultValue = "42")
  int oppositionDays;

  @Option(
      names = "--public-verify-url",
      paramLabel = "URL",
      description =
          "The verification page as a phone at home reaches it, named in the QR code of every"
              + " receipt, e.g. https://guichet.example.fr/verify (default: the address each client"
              + " reaches this server at, followed by verify).")
  String publicVerifyUrl;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SandboxServer server = start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    System.out.println(
        "Guichet reference server on " + server.url() + " (data: " + data.toAbsolutePath() + ")");
    System.out.println("Contract: " + server.url() + "openapi.yaml. Stop with Ctrl+C.");
    if (publicVerifyUrl != null) {
      System.out.println("QR codes of receipts open " + publicVerifyUrl + ".");
    }
    stopped.await();
    return 0;
  }

  /** Starts the server as the options say, without waiting. */
  SandboxServer start() {
    if (oppositionDays < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--opposition-days must be at least 1");
    }
    if (poolSize < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--pool-size must be at least 1");
    }
    if (signingKey != null && signingKeyEnv != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--signing-key and --signing-key-env: one or the other");
    }
    if (publicVerifyUrl != null && !isWebAddress(publicVerifyUrl)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--public-verify-url '"
              + publicVerifyUrl
              + "' is not a web address; write it as https://guichet.example.fr/verify");
    }
    return SandboxServer.start(
        new SandboxServer.Options(
            host,
            port,
            data,
            jdbcUrl,
            seed != null,
            Clock.systemUTC(),
            Period.ofDays(oppositionDays),
            publicVerifyUrl,
            new SandboxServer.Keys(signingKey, signingKeyEnv, previousKeys),
            poolSize,
            trustedProxies));
  }

  /** An http or https address with a host, without a query (the receipt is added as one). */
  static boolean isWebAddress(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      return (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
