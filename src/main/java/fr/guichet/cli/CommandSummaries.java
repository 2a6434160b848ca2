package fr.guichet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The list of commands in {@code guichet --help}, in the language of the root's help: each
 * command's one-line summary comes from the root's bundle ({@code command.<name>} in {@code
 * cli/messages_*.properties}). The root speaks French or English throughout without lending its
 * bundle to the commands, whose own help keeps its words (a bundle given to {@code kiosk} would
 * also rename its options after the {@code account} ones).
 *
 * <pre>{@code
 * CommandSummaries.install(root); // then root.execute("--help")
 * }</pre>
 */
final class CommandSummaries implements CommandLine.IHelpSectionRenderer {
  private CommandSummaries() {}

  /** Draws the root's list of commands with the summaries of its bundle. */
  static CommandLine install(CommandLine root) {
    root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandSummaries());
    return root;
  }

  @Override
  public String render(CommandLine.Help help) {
    ResourceBundle bundle = help.commandSpec().resourceBundle();
    Map<String, String> summaries = new LinkedHashMap<>();
    help.subcommands()
        .forEach(
            (name, command) -> {
              String key = "command." + name;
              String[] own = command.commandSpec().usageMessage().description();
              summaries.put(
                  name,
                  bundle != null && bundle.containsKey(key)
                      ? bundle.getString(key)
                      : own.length == 0 ? "" : own[0]);
            });
    return help.createTextTable(summaries).toString();
  }
}
