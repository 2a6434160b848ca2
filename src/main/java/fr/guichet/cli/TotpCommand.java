package fr.guichet.cli;

import fr.guichet.domain.Totp;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guichet totp SECRET}: the current 6-digit code of a TOTP secret, like {@code oathtool
 * --totp -b SECRET}, for machines without an authenticator app (the demo).
 */
@Command(
    name = "totp",
    mixinStandardHelpOptions = true,
    description =
        "Print the current 6-digit login code for a TOTP secret (base 32), like an authenticator app.")
public final class TotpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SECRET", description = "The TOTP secret in base 32.")
  String secret;

  @Spec CommandSpec spec;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Totp totp;
    try {
      totp = Totp.fromBase32(secret);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    spec.commandLine().getOut().println(totp.codeAt(clock.instant()));
    return 0;
  }
}
