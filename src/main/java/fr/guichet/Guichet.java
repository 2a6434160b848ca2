package fr.guichet;

import fr.guichet.cli.AccountCommand;
import fr.guichet.cli.HelpSheetCommand;
import fr.guichet.cli.JournalCommand;
import fr.guichet.cli.KioskCommand;
import fr.guichet.cli.LanguageOption;
import fr.guichet.cli.ProfileCommand;
import fr.guichet.cli.ReceiptCommand;
import fr.guichet.cli.SandboxCommand;
import fr.guichet.cli.TotpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Guichet: a keyboard-driven kiosk for digital mediators helping people with Mon Espace Santé, and
 * the reference delegated-access server it talks to.
 *
 * <pre>
 * guichet kiosk --demo          the kiosk on an embedded server with demo people
 * guichet sandbox --seed demo   the reference server alone
 * guichet account status ...    a person's space from the command line (see --help)
 * </pre>
 *
 * <p>The subcommands are registered here rather than in the annotation so that {@code guichet
 * kiosk} builds the model of the kiosk command alone: picocli reads every option of every command
 * it registers, and doing that for all of them was a fifth of the kiosk's start.
 *
 * <p>The root's help is in French unless {@code --lang en} (or {@code GUICHET_LANG=en}) asks for
 * English, like the {@code account} family's: its words are in {@code cli/messages_*.properties}.
 */
@Command(
    name = "guichet",
    mixinStandardHelpOptions = true,
    versionProvider = Guichet.Version.class,
    description = "Help a person with Mon Espace Santé, at the counter, with their consent.")
public final class Guichet {
  @Mixin LanguageOption language;

  public static void main(String[] args) {
    System.exit(commandLineFor(args).execute(args));
  }

  /** The configured command line with every command, for {@code --help} and for tests. */
  public static CommandLine commandLine() {
    return configured(
        new CommandLine(new Guichet(), new Factory())
            .addSubcommand(KioskCommand.class)
            .addSubcommand(SandboxCommand.class)
            .addSubcommand(AccountCommand.class)
            .addSubcommand(ProfileCommand.class)
            .addSubcommand(JournalCommand.class)
            .addSubcommand(ReceiptCommand.class)
            .addSubcommand(HelpSheetCommand.class)
            .addSubcommand(TotpCommand.class)
            .addSubcommand(CommandLine.HelpCommand.class));
  }

  /**
   * The command line for these arguments: the root with the kiosk alone when the kiosk is asked for
   * (its start is timed), else with every command.
   */
  static CommandLine commandLineFor(String... args) {
    return args.length > 0 && args[0].equals("kiosk")
        ? configured(
            new CommandLine(new Guichet(), new Factory()).addSubcommand(KioskCommand.class))
        : commandLine();
  }

  /**
   * Settings for the whole tree: given once every subcommand is there, as picocli applies them to
   * those present.
   */
  private static CommandLine configured(CommandLine cli) {
    return LanguageOption.rootHelp(cli.setCaseInsensitiveEnumValuesAllowed(true));
  }

  /**
   * Picocli's default factory first looks for Groovy's {@code Closure} class, and that failed
   * lookup opens every jar of the class path (a few tens of milliseconds at each start). The
   * commands and their option groups are plain classes with a constructor without arguments;
   * anything else (a collection type, say) is left to picocli's factory.
   */
  static final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        return CommandLine.defaultFactory().create(type);
      }
      java.lang.reflect.Constructor<K> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    }
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
