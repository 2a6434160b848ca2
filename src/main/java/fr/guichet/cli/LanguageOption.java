package fr.guichet.cli;

import fr.guichet.i18n.Language;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --lang}: the language of the sentences a {@code guichet account} command prints, and of
 * its help; on {@code guichet} itself, the language of the root's help. French unless told
 * otherwise ({@code --lang}, or the variable {@code GUICHET_LANG}): the help follows the option as
 * soon as it is read, before picocli draws {@code --help}, for the whole {@code account} family (or
 * the root alone); the machine's locale is not consulted, because counter PCs often run with {@code
 * LANG=C}.
 *
 * <p>Help and the command line's own words exist in French and English ({@code
 * cli/messages_*.properties}); the sentences about the space come from the shared bundles and exist
 * in every {@link Language}.
 *
 * <pre>{@code
 * guichet account status --lang en --help
 * guichet --lang en --help
 * }</pre>
 */
public final class LanguageOption {
  static final String HELP_BUNDLE = "cli.messages";
  static final String ENVIRONMENT = "GUICHET_LANG";

  private CommandSpec command;
  private Language chosen;

  @Spec(Spec.Target.MIXEE)
  void command(CommandSpec spec) {
    this.command = spec;
    spec.resourceBundle(helpBundle(fromEnvironment().orElse(Language.FRENCH)));
  }

  @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lang")
  void lang(String tag) {
    chosen =
        Language.fromTag(tag)
            .orElseThrow(
                () ->
                    new ParameterException(
                        command.commandLine(),
                        "Unknown language '" + tag + "': use one of " + Language.tags() + "."));
    CommandSpec family = command;
    while (family.parent() != null && !(family.userObject() instanceof AccountCommand)) {
      family = family.parent();
    }
    if (family.userObject() instanceof AccountCommand) {
      family.commandLine().setResourceBundle(helpBundle(chosen));
    } else {
      // The root: its own help, and the account family's, whose help follows it.
      command.resourceBundle(ownHelp(chosen));
      command.subcommands().values().stream()
          .filter(sub -> sub.getCommand() instanceof AccountCommand)
          .forEach(sub -> sub.setResourceBundle(helpBundle(chosen)));
    }
  }

  /** The language given with {@code --lang} on this command, if any. */
  Optional<Language> chosen() {
    return Optional.ofNullable(chosen);
  }

  /** {@code GUICHET_LANG}, when it names a language we speak. */
  static Optional<Language> fromEnvironment() {
    String tag = System.getenv(ENVIRONMENT);
    return tag == null || tag.isBlank() ? Optional.empty() : Language.fromTag(tag.strip());
  }

  /**
   * Gives {@code guichet} itself its help in its language (French unless {@code GUICHET_LANG}), for
   * itself alone, and its list of commands in the same words; the commands other than {@code
   * account} give back the bundle they took from it on being added, so that their help keeps the
   * words of their annotations.
   */
  public static CommandLine rootHelp(CommandLine root) {
    root.getCommandSpec().resourceBundle(ownHelp(fromEnvironment().orElse(Language.FRENCH)));
    root.getSubcommands().values().stream()
        .filter(command -> !(command.getCommand() instanceof AccountCommand))
        .forEach(command -> command.setResourceBundle(null));
    return CommandSummaries.install(root);
  }

  /**
   * The help bundle of one command alone: without a base name, so that the commands under it, which
   * picocli lets look a missing word up in their parent's bundle family, never do.
   */
  static ResourceBundle ownHelp(Language language) {
    ResourceBundle all = helpBundle(language);
    return new ResourceBundle() {
      @Override
      protected Object handleGetObject(String key) {
        return all.containsKey(key) ? all.getObject(key) : null;
      }

      @Override
      public Enumeration<String> getKeys() {
        return all.getKeys();
      }

      @Override
      public Locale getLocale() {
        return all.getLocale();
      }
    };
  }

  /**
   * The help and the command line's own words: English for English, French for every other
   * language.
   */
  static ResourceBundle helpBundle(Language language) {
    Locale locale = language == Language.ENGLISH ? Locale.ENGLISH : Locale.FRENCH;
    return ResourceBundle.getBundle(
        HELP_BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
