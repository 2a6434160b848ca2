package fr.guichet;

import fr.guichet.cli.AccountCommand;
import fr.guichet.cli.JournalCommand;
import fr.guichet.cli.KioskCommand;
import fr.guichet.cli.ProfileCommand;
import fr.guichet.cli.ReceiptCommand;
import fr.guichet.cli.SandboxCommand;
import fr.guichet.cli.TotpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Guichet: a keyboard-driven kiosk for digital mediators helping people with Mon Espace Santé,
 * and the reference delegated-access server it talks to.
 *
 * <pre>
 * guichet kiosk --demo          the kiosk on an embedded server with demo people
 * guichet sandbox --seed demo   the reference server alone
 * guichet account status ...    a person's space from the command line (see --help)
 * </pre>
 */
@Command(
    name = "guichet",
    mixinStandardHelpOptions = true,
    versionProvider = Guichet.Version.class,
    description = "Help a person with Mon Espace Santé, at the counter, with their consent.",
    subcommands = {KioskCommand.class, SandboxCommand.class, AccountCommand.class, ProfileCommand.class,
        JournalCommand.class, ReceiptCommand.class, TotpCommand.class, CommandLine.HelpCommand.class})
public final class Guichet {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@code main} and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Guichet()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The version from the jar's manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Guichet.class.getPackage().getImplementationVersion();
      return new String[] {"guichet " + (v == null ? "dev" : v)};
    }
  }
}
