package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.Problem;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Nir;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every {@code guichet account} command does around its action: reads or asks for the values
 * it needs, logs the mediator in, turns the server's refusals into a sentence and an exit code
 * ({@link Outcome}), and prints the result as plain lines or, with {@code --json}, as one JSON
 * object on standard output, refusals included.
 *
 * <p>The help options, the short synopsis and the version are declared here once; picocli applies a
 * superclass's {@code @Command} attributes to each subcommand, which names itself and says what it
 * does:
 *
 * <pre>{@code
 * @Command(name = "status", description = "Check the state of the space.")
 * static final class Status extends AccountSubcommand { ... }
 * }</pre>
 */
@Command(
    mixinStandardHelpOptions = true,
    abbreviateSynopsis = true,
    versionProvider = AccountCommand.Version.class)
abstract class SittingCommand implements Callable<Integer> {
  @Mixin LanguageOption language;

  @Mixin SittingOptions options;

  @ParentCommand AccountCommand parent;

  @Spec CommandSpec spec;

  /** Where questions are asked; tests put a scripted one here. */
  Prompt prompt = Prompt.console();

  AccountWords words;
  CliText text;
  Messages messages;
  private final List<String> missing = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private Thread onExit;

  /** What a command prints when it is done: lines for people, an object for scripts. */
  record Done(List<String> lines, Map<String, Object> json) {}

  /** The command's work; a {@link Stop} ends it early with its outcome. */
  abstract Done run();

  @Override
  public final Integer call() {
    Language lang = language();
    messages = Messages.of(lang);
    text = CliText.of(lang);
    words = new AccountWords(messages, text);
    missing.clear();
    warnings.clear();
    Outcome outcome;
    List<String> lines;
    PrintWriter human;
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      Done done = run();
      outcome = Outcome.DONE;
      lines = done.lines();
      human = out();
      details.putAll(done.json());
      details.put("text", lines);
    } catch (Stop stop) {
      outcome = stop.outcome();
      lines = List.of(stop.sentence());
      human = err();
      details.put("message", stop.sentence());
      if (stop.problem() != null) {
        details.put("problem", problem(stop.problem()));
      }
    }
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("outcome", outcome.wire());
      json.put("exitCode", outcome.exitCode());
      json.put("command", spec.name());
      json.putAll(details);
      json.put("warnings", warnings);
      printJson(json);
    } else {
      lines.forEach(human::println);
      warnings.forEach(err()::println);
    }
    out().flush();
    err().flush();
    return outcome.exitCode();
  }

  /** The identified person as {@code --json} gives them, then what the command adds. */
  static Map<String, Object> json(fr.guichet.contract.Identification who, String forPersonId) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("personId", who.personId());
    person.put("firstName", who.firstName());
    person.put("lastName", who.lastName());
    person.put("birthYear", who.birthYear());
    person.put("strength", who.strength());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("person", person);
    if (forPersonId != null) {
      json.put("for", forPersonId);
    }
    return json;
  }

  /**
   * {@code --lang} on this command, else on {@code account}, else {@code GUICHET_LANG}, else
   * French.
   */
  Language language() {
    return language
        .chosen()
        .or(() -> parent == null ? java.util.Optional.empty() : parent.language.chosen())
        .or(LanguageOption::fromEnvironment)
        .orElse(Language.FRENCH);
  }

  /** The client of the server named by {@code --api} (or {@code GUICHET_API}). */
  ApiClient api() {
    if (options.api == null || options.api.isBlank()) {
      throw new Stop(Outcome.USAGE, text.text("err.api"));
    }
    try {
      return new ApiClient(options.api.strip());
    } catch (IllegalArgumentException e) {
      throw new Stop(Outcome.USAGE, text.text("err.api-invalid", Map.of("api", options.api)));
    }
  }

  /** The mediator's credentials, as given or asked for. */
  LoginRequest credentials() {
    String login = value(options.login, "--login", "ask.login", Function.identity());
    String password = options.password;
    if (password == null || password.isEmpty()) {
      char[] typed = prompt.available() ? prompt.secret(text.text("ask.password")) : null;
      password = typed == null || typed.length == 0 ? null : new String(typed);
      if (password == null) {
        missing.add("--password");
      }
    }
    String totp = value(options.totp, "--totp", "ask.totp", s -> s.replaceAll("\\s", ""));
    return new LoginRequest(login, password, totp);
  }

  /** The person's social security number, as given or asked for. */
  Nir nir() {
    return value(options.nir, "--nir", "ask.nir", Nir::parse);
  }

  /**
   * The person's birth date (day/month/year, {@code 00} for an unknown day or month), as given or
   * asked for.
   */
  BirthDate birthDate() {
    return value(
        options.birthDate,
        "--birth-date",
        "ask.birth-date",
        s -> BirthDate.read(s, LocalDate.now()));
  }

  /**
   * A value as given on the command line, or asked on the terminal when it was left out, then read
   * by {@code parse}. A value typed at the question that breaks a rule is explained and asked again
   * (three tries); one given on the command line is a usage error. Without a terminal, a value left
   * out is noted as missing and null is returned: {@link #requireNothingMissing()} then lists them
   * all.
   */
  <T> T value(String given, String option, String askKey, Function<String, T> parse) {
    String typed = given;
    boolean asked = false;
    for (int tries = 1; ; tries++) {
      if (typed == null || typed.isBlank()) {
        typed = prompt.available() ? prompt.line(text.text(askKey)) : null;
        asked = true;
        if (typed == null || typed.isBlank()) {
          missing.add(option);
          return null;
        }
      }
      try {
        return parse.apply(typed.strip());
      } catch (InvalidValue e) {
        String why = messages.text(e.messageKey(), e.params());
        if (!asked || tries >= 3) {
          throw new Stop(Outcome.USAGE, why);
        }
        prompt.show(why);
        typed = null;
      }
    }
  }

  /**
   * Stops with the usage error {@code errorKey} (which names the file) when {@code file} cannot be
   * written: its folder does not exist, or it is itself a folder. Checked before anything is sent.
   */
  void requireWritable(Path file, String errorKey) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(file)) {
      throw new Stop(Outcome.USAGE, text.text(errorKey, Map.of("file", file.toString())));
    }
  }

  /** Stops with a usage error naming every value that was left out and could not be asked for. */
  void requireNothingMissing() {
    if (!missing.isEmpty()) {
      throw new Stop(
          Outcome.USAGE,
          text.text(
              "err.missing",
              Map.of("options", String.join(", ", missing), "count", missing.size())));
    }
  }

  /**
   * Logs in: a refusal is {@link Outcome#LOGIN_FAILED}, silence {@link Outcome#UNREACHABLE}. Until
   * {@link #close(Sitting)}, a shutdown hook ends the sitting if the program is stopped (Ctrl+C at
   * a question), where no finally block runs.
   */
  Sitting login(ApiClient api, LoginRequest credentials) {
    try {
      Sitting sitting = Sitting.login(api, credentials);
      onExit = new Thread(sitting::close, "account-sitting-end");
      Runtime.getRuntime().addShutdownHook(onExit);
      return sitting;
    } catch (ApiException e) {
      Problem problem = e.problem();
      Outcome outcome = unreachable(problem) ? Outcome.UNREACHABLE : Outcome.LOGIN_FAILED;
      throw new Stop(outcome, words.problem(problem), problem);
    }
  }

  /** The server's refusal (or silence) as an outcome and a sentence. */
  Stop refusal(ApiException e) {
    Problem problem = e.problem();
    Outcome outcome =
        unreachable(problem)
            ? Outcome.UNREACHABLE
            : "invalid-input".equals(problem.slug()) ? Outcome.USAGE : Outcome.REFUSED;
    return new Stop(outcome, words.problem(problem), problem);
  }

  /**
   * Closes the sitting (revocation, logout) and keeps what the server could not confirm as
   * warnings.
   */
  void close(Sitting sitting) {
    sitting.close();
    if (onExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: the sitting is closed either way.
      }
      onExit = null;
    }
    for (Problem problem : sitting.cleanupProblems()) {
      warn(
          text.text(
              "err.cleanup",
              Map.of("reason", words.problem(problem), "minutes", Sitting.CONSENT_MINUTES)));
    }
  }

  /** "A code was sent by e-mail to j***@example.org. It is good until 10:42." */
  String codeSent(ContactChallenge sent) {
    return text.text(
        "out.code.sent",
        Map.of(
            "channel",
            sent.channel(),
            "destination",
            sent.maskedDestination(),
            "time",
            text.time(sent.expiresAt().atZone(options.zone()))));
  }

  /** A warning shown after the result (on standard error, or in the JSON's {@code warnings}). */
  void warn(String warning) {
    warnings.add(warning);
  }

  boolean hasWarnings() {
    return !warnings.isEmpty();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private void printJson(Map<String, Object> json) {
    try {
      out().println(Json.mapper().writeValueAsString(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the JSON output", e);
    }
  }

  private static Map<String, Object> problem(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("slug", problem.slug());
    json.put("status", problem.status());
    json.put("messageKey", problem.messageKey());
    json.put("params", problem.params());
    return json;
  }

  private static boolean unreachable(Problem problem) {
    return "network".equals(problem.slug());
  }
}
