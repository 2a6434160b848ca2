package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Scope;
import fr.guichet.domain.VitaleSerial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shape of every {@code guichet account} command on a space, in the order of a sitting at the
 * counter: the papers of the person present (and for whom they act); the mediator's login; the
 * identification; for a change, the read-back of what will be sent and the person's confirmation;
 * for closing, deleting or reopening, a second proof (a code sent to the person); the consent to
 * exactly the one scope the command needs, for a few minutes; the action, with one idempotency key
 * that every retry reuses; then, whatever happened, the delegation revoked and the mediator logged
 * out.
 *
 * <p>A subcommand says only which action it is (its scope follows), and how it calls the server:
 *
 * <pre>{@code
 * @Command(name = "oppose")
 * static final class Oppose extends AccountSubcommand.Change {
 *   Oppose() { super(AccountAction.RECORD_OPPOSITION); }
 *   ActionResult perform(Sitting s, IdempotencyKey key) {
 *     return s.api().recordOpposition(s.session(), s.delegation(), key);
 *   }
 * }
 * }</pre>
 */
abstract class AccountSubcommand extends SittingCommand {
  private static final Set<String> YES = Set.of("o", "oui", "y", "yes");

  @Mixin PersonOptions person;

  @Option(names = "--person-opinion-asked", descriptionKey = "person-opinion-asked")
  boolean personOpinionAsked;

  /** The one scope the command needs (least privilege): the action's, or reading the account. */
  Scope scope() {
    return action() == null ? Scope.ACCOUNT_READ : action().requiredScope();
  }

  private final AccountAction action;

  AccountSubcommand(AccountAction action) {
    this.action = action;
  }

  /** The action on the space; null when the command only reads, or changes who has access. */
  final AccountAction action() {
    return action;
  }

  /** Whether the command changes something (and so asks for the person's confirmation). */
  boolean changes() {
    return action() != null;
  }

  /** What the command does, in the person's words, for the read-back. */
  String actionWords() {
    return words.action(action());
  }

  /**
   * Calls the server, with the key every retry of this one call reuses (null when only reading).
   */
  abstract ActionResult perform(Sitting sitting, IdempotencyKey key);

  /** Checks what can be checked before any question or any request. */
  void prepare() {}

  /** Asks for what this command needs beyond the papers (before logging in). */
  void askMore() {}

  /**
   * Whether the person's confirmation was given on the command line ({@code --yes}); reading needs
   * none.
   */
  boolean confirmedAlready() {
    return true;
  }

  /** Lines the read-back adds after the action (closing: with or without deletion). */
  List<String> details() {
    return List.of();
  }

  /** Before the consent: a second proof when the scope needs a strong identification. */
  void strengthen(Sitting sitting, Nir nir, BirthDate birth) {}

  /** After the action: what to keep of it (the receipt in a file). */
  void keep(ActionResult result, Map<String, Object> json, List<String> lines) {}

  @Override
  final Done run() {
    boolean change = changes();
    if (change && !confirmedAlready() && !prompt.available()) {
      throw new Stop(Outcome.USAGE, text.text("err.no-terminal"));
    }
    prepare();
    ApiClient api = api();
    LoginRequest credentials = credentials();
    Nir nir = nir();
    BirthDate birth = birthDate();
    VitaleSerial serial = value(person.vitale, "--vitale", "ask.vitale", VitaleSerial::parse);
    askMore();
    requireNothingMissing();

    Sitting sitting = login(api, credentials);
    Identification who;
    ActionResult result;
    try {
      who =
          sitting.identify(
              IdentificationRequest.byVitale(nir.value(), birth.iso(), serial.digits()));
      Boolean opinion = change ? opinion(who) : null;
      if (change && !confirmedAlready()) {
        confirm(sitting.api(), who, opinion);
      }
      strengthen(sitting, nir, birth);
      sitting.consent(
          person.forPersonId, List.of(scope().wire()), language().tag(), options.zone(), opinion);
      result = perform(sitting, change ? IdempotencyKey.random() : null);
    } catch (ApiException e) {
      throw refusal(e);
    } finally {
      close(sitting);
    }

    String actor = who.firstName() + " " + who.lastName();
    List<String> lines =
        new ArrayList<>(
            change
                ? words.result(result, actor, options.zone())
                : words.status(result.account(), actor));
    Map<String, Object> json = json(who, person.forPersonId);
    json.put("account", result.account());
    if (result.receipt() != null) {
      json.put("receipt", result.receipt());
    }
    json.put("consentReceipt", sitting.delegation().receipt());
    keep(result, json, lines);
    if (!hasWarnings()) {
      lines.add(text.text("out.revoked"));
    }
    return new Done(lines, json);
  }

  /**
   * For a tutor changing something for the protected person: that the person's opinion was asked
   * ({@code --person-opinion-asked}, else asked on the terminal; a no stops). Null when it does not
   * apply, or without a terminal to ask (the server then says what is missing).
   */
  private Boolean opinion(Identification who) {
    boolean tutor =
        person.forPersonId != null
            && who.represents().stream()
                .anyMatch(
                    r ->
                        r.personId().equals(person.forPersonId)
                            && r.kind().equals(ActingAs.GUARDIANSHIP.name()));
    if (!tutor) {
      return null;
    }
    if (personOpinionAsked) {
      return true;
    }
    if (!prompt.available()) {
      return null;
    }
    String answer = prompt.line(text.text("ask.opinion"));
    if (answer == null || !YES.contains(answer.strip().toLowerCase(Locale.ROOT))) {
      throw new Stop(Outcome.NOT_CONFIRMED, messages.text("problem.opinion-required"));
    }
    return true;
  }

  /** Reads back what will be sent, and asks the person to confirm; anything but yes stops. */
  private void confirm(ApiClient api, Identification who, Boolean opinion) {
    List<String> lines = new ArrayList<>();
    lines.add(text.text("out.readback.title", Map.of("api", api.baseUrl())));
    lines.add(
        text.text(
            "out.readback.person",
            Map.of(
                "name",
                who.firstName() + " " + who.lastName(),
                "year",
                String.valueOf(who.birthYear()))));
    if (person.forPersonId != null) {
      lines.add(text.text("out.readback.for", Map.of("name", represented(who))));
    }
    lines.add(text.text("out.readback.action", Map.of("action", actionWords())));
    lines.addAll(details());
    if (Boolean.TRUE.equals(opinion)) {
      lines.add(text.text("out.readback.opinion"));
    }
    lines.add(
        text.text(
            "out.readback.consent",
            Map.of("minutes", Sitting.CONSENT_MINUTES, "scope", words.scope(scope().wire()))));
    lines.add(text.text("out.readback.attest"));
    lines.forEach(prompt::show);
    String answer = prompt.line(text.text("out.confirm"));
    if (answer == null || !YES.contains(answer.strip().toLowerCase(Locale.ROOT))) {
      throw new Stop(Outcome.NOT_CONFIRMED, messages.text("consent.refused"));
    }
  }

  /**
   * The person acted for, as the identification names them; their id alone if it does not (the
   * server decides).
   */
  private String represented(Identification who) {
    return person
        .actedFor(who)
        .map(
            r ->
                r.firstName()
                    + " "
                    + r.lastName()
                    + " ("
                    + r.birthYear()
                    + ", "
                    + words.kind(r.kind())
                    + ")")
        .orElse(person.forPersonId);
  }

  /** A change of the space: confirmed by the person, with a receipt that can be saved. */
  abstract static class Change extends AccountSubcommand {
    @Option(names = "--yes", descriptionKey = "yes")
    boolean yes;

    @Option(names = "--receipt-out", paramLabel = "FILE", descriptionKey = "receipt-out")
    Path receiptOut;

    Change(AccountAction action) {
      super(action);
    }

    @Override
    boolean confirmedAlready() {
      return yes;
    }

    @Override
    void prepare() {
      if (receiptOut != null) {
        requireWritable(receiptOut, "err.receipt-out");
      }
    }

    @Override
    void keep(ActionResult result, Map<String, Object> json, List<String> lines) {
      if (receiptOut == null) {
        return;
      }
      try {
        Files.writeString(receiptOut, result.receipt().signed() + "\n", StandardCharsets.UTF_8);
        json.put("receiptFile", receiptOut.toString());
        lines.add(text.text("out.receipt.saved", Map.of("file", receiptOut.toString())));
      } catch (IOException e) {
        // The action is done and its receipt is in the output: say the file failed, do not hide the
        // success.
        warn(text.text("err.receipt-out", Map.of("file", receiptOut.toString())));
      }
    }
  }

  /**
   * Closing, deleting, reopening: a change that needs a strong identification, the Carte Vitale and
   * a code sent to the person's contact. The command sends the code and asks for it; a script sends
   * it beforehand ({@code send-code}) and gives {@code --challenge} and {@code --code}.
   */
  abstract static class StrongChange extends Change {
    private static final int CODE_TRIES = 3;

    @Option(names = "--challenge", paramLabel = "ID", descriptionKey = "challenge")
    String challenge;

    @Option(names = "--code", paramLabel = "CODE", descriptionKey = "code")
    String code;

    StrongChange(AccountAction action) {
      super(action);
    }

    @Override
    void prepare() {
      super.prepare();
      if ((challenge == null) != (code == null)) {
        throw new Stop(Outcome.USAGE, text.text("err.challenge-and-code"));
      }
      if (challenge == null && !prompt.available()) {
        throw new Stop(Outcome.USAGE, text.text("err.strong-no-terminal"));
      }
    }

    @Override
    void strengthen(Sitting sitting, Nir nir, BirthDate birth) {
      if (challenge != null) {
        sitting.addContactCode(challenge.strip(), code.strip());
        return;
      }
      ContactChallenge sent = sitting.sendCode(new ContactCodeRequest(nir.value(), birth.iso()));
      prompt.show(codeSent(sent));
      for (int left = CODE_TRIES - 1; ; left--) {
        String typed = prompt.line(text.text("ask.contact-code"));
        if (typed == null || typed.isBlank()) {
          throw new Stop(Outcome.NOT_CONFIRMED, messages.text("consent.refused"));
        }
        try {
          sitting.addContactCode(sent.challengeId(), typed.strip());
          return;
        } catch (ApiException e) {
          if (left == 0 || !"identification-failed".equals(e.problem().slug())) {
            throw e;
          }
          prompt.show(text.text("out.code.wrong", Map.of("left", left)));
        }
      }
    }
  }
}
