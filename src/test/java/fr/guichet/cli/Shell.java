package fr.guichet.cli;

import fr.guichet.Guichet;
import fr.guichet.domain.BirthDate;
import fr.guichet.testing.DemoSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code guichet} program run in-process as a shell runs it, for the command-line tests: what
 * it prints on standard output and standard error is kept for the test to read, and a scripted
 * terminal can answer the account commands' questions. The options every account command takes (the
 * demo mediator's login, a person's papers) are written here once.
 *
 * <pre>{@code
 * Shell shell = new Shell();
 * List<String> args = Shell.join(List.of("account", "status"), Shell.login(sandbox), papers);
 * assertThat(shell.run(args)).isZero();
 * assertThat(shell.out.toString()).contains("État : Espace ouvert.");
 * }</pre>
 */
final class Shell {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return run(null, List.of(args));
  }

  int run(List<String> args) {
    return run(null, args);
  }

  /**
   * Runs {@code guichet ARGS} with {@code terminal} at the account commands' questions; null: no
   * terminal, as for a script.
   */
  int run(ScriptedPrompt terminal, List<String> args) {
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    if (terminal != null) {
      cli.getSubcommands().get("account").getSubcommands().values().stream()
          .map(CommandLine::getCommand)
          .filter(SittingCommand.class::isInstance)
          .forEach(command -> ((SittingCommand) command).prompt = terminal);
    }
    return cli.execute(args.toArray(String[]::new));
  }

  /** The options that log the demo mediator in to {@code sandbox}, with a fresh TOTP code. */
  static List<String> login(DemoSandbox sandbox) {
    return login(sandbox.server().url(), DemoSandbox.PASSWORD, sandbox.freshTotp());
  }

  /** The options that log the demo mediator in to the server at {@code api}, as given. */
  static List<String> login(String api, String password, String totp) {
    return List.of(
        "--api", api, "--login", DemoSandbox.LOGIN, "--password", password, "--totp", totp);
  }

  /** The papers of a demo person, as the mediator types them. */
  static List<String> papers(String personId) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    return papers(p.nir(), dayFirst(p), p.vitale());
  }

  /** Papers typed at the counter: the NIR, the birth date and the Carte Vitale's serial. */
  static List<String> papers(String nir, String birthDate, String vitale) {
    return List.of("--nir", nir, "--birth-date", birthDate, "--vitale", vitale);
  }

  /** The birth date as typed at the counter, 00 for an unknown day or month. */
  static String dayFirst(DemoSandbox.Papers p) {
    return BirthDate.fromIso(p.birthDate()).dayFirst();
  }

  /** The arguments of one command line, in order. */
  @SafeVarargs
  static List<String> join(List<String>... parts) {
    List<String> args = new ArrayList<>();
    for (List<String> part : parts) {
      args.addAll(part);
    }
    return args;
  }
}
