package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code guichet account}: the kiosk's flows as commands, for mediators who prefer a prompt, for
 * scripts and for screen-reader users. Plain sentences by default, one a line; {@code --json} for
 * scripts; a confirmation asked before any change unless {@code --yes}; the exit codes of {@link
 * Outcome}; help in French, or in English with {@code --lang en}.
 *
 * <pre>
 * export GUICHET_API=http://127.0.0.1:8470/ GUICHET_LOGIN=demo.mediatrice
 * guichet account status --nir "2 50 03 75 056 123 72" --birth-date 14/03/1950 --vitale 12345678
 * guichet account oppose ... --yes --json --receipt-out opposition.txt
 * guichet account close ... --delete            (sends a code to the person and asks for it)
 * guichet account add-caregiver ... --caregiver-nir "1 62 10 97 611 150 29" --caregiver-last-name Roux \
 *     --caregiver-first-name Alain --caregiver-birth-date 08/10/1962
 * guichet account remove-caregiver ... --caregiver p-alain
 * guichet account share-profile ... --for p-emma --parent-nir "2 87 08 75 112 345 .." --parent-last-name Morel \
 *     --parent-first-name Claire --parent-birth-date 20/08/1987
 * guichet account answer-share ... --share shr-... --accept
 * guichet account journal ... --pdf journal.pdf  (what was done in the person's name)
 * </pre>
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    versionProvider = AccountCommand.Version.class,
    description = "A person's Mon Espace Santé, from a command prompt (see --help).",
    footer =
        "Exit codes: 0 done, 1 refused, 2 usage error, 3 login refused, 4 server unreachable, 5 not confirmed.",
    subcommands = {
      AccountCommand.Status.class,
      AccountCommand.Oppose.class,
      AccountCommand.WithdrawOpposition.class,
      AccountCommand.RequestCreation.class,
      AccountCommand.Activate.class,
      AccountCommand.Close.class,
      AccountCommand.RequestDeletion.class,
      AccountCommand.Reopen.class,
      AccountCommand.SendCode.class,
      AccountCommand.AddCaregiver.class,
      AccountCommand.RemoveCaregiver.class,
      AccountCommand.ShareProfile.class,
      AccountCommand.AnswerShare.class,
      AccountJournal.class
    })
public final class AccountCommand implements Callable<Integer> {
  @Mixin LanguageOption language;

  @Spec CommandSpec spec;

  /** {@code guichet account} alone: which command? */
  @Override
  public Integer call() {
    Language lang = language.chosen().or(LanguageOption::fromEnvironment).orElse(Language.FRENCH);
    throw new ParameterException(spec.commandLine(), CliText.of(lang).text("err.subcommand"));
  }

  @Command(name = "status", description = "Check the state of the space.")
  static final class Status extends AccountSubcommand {
    Status() {
      super(null);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return new ActionResult(s.api().account(s.session(), s.delegation()), null);
    }
  }

  @Command(name = "oppose", description = "Object to the creation of the space.")
  static final class Oppose extends AccountSubcommand.Change {
    Oppose() {
      super(AccountAction.RECORD_OPPOSITION);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().recordOpposition(s.session(), s.delegation(), key);
    }
  }

  @Command(name = "withdraw-opposition", description = "Withdraw an objection.")
  static final class WithdrawOpposition extends AccountSubcommand.Change {
    WithdrawOpposition() {
      super(AccountAction.WITHDRAW_OPPOSITION);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().withdrawOpposition(s.session(), s.delegation(), key);
    }
  }

  @Command(name = "request-creation", description = "Ask for the space after an objection.")
  static final class RequestCreation extends AccountSubcommand.Change {
    RequestCreation() {
      super(AccountAction.CREATE_ON_REQUEST);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().requestCreation(s.session(), s.delegation(), key);
    }
  }

  @Command(name = "activate", description = "Open the space with the letter's code.")
  static final class Activate extends AccountSubcommand.Change {
    @Option(names = "--letter-code", paramLabel = "CODE", descriptionKey = "letter-code")
    String letterCode;

    Activate() {
      super(AccountAction.ACTIVATE);
    }

    @Override
    void askMore() {
      letterCode = value(letterCode, "--letter-code", "ask.letter-code", String::strip);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().activate(s.session(), s.delegation(), new ActivationRequest(letterCode), key);
    }
  }

  @Command(name = "close", description = "Close the space, with or without deletion.")
  static final class Close extends AccountSubcommand.StrongChange {
    @Option(names = "--delete", descriptionKey = "delete")
    boolean withDeletion;

    Close() {
      super(AccountAction.CLOSE);
    }

    @Override
    List<String> details() {
      return List.of(
          text.text("out.readback.deletion", Map.of("delete", String.valueOf(withDeletion))));
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().close(s.session(), s.delegation(), new ClosureRequest(withDeletion), key);
    }
  }

  @Command(name = "request-deletion", description = "Ask for a closed space's data to be deleted.")
  static final class RequestDeletion extends AccountSubcommand.StrongChange {
    RequestDeletion() {
      super(AccountAction.REQUEST_DELETION);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().requestDeletion(s.session(), s.delegation(), key);
    }
  }

  @Command(name = "reopen", description = "Reopen a closed space.")
  static final class Reopen extends AccountSubcommand.StrongChange {
    Reopen() {
      super(AccountAction.REOPEN);
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().reopen(s.session(), s.delegation(), key);
    }
  }

  /**
   * {@code guichet account send-code}: the first half of a strong identification, for scripts. The
   * code reaches the person; the reference printed here goes with it to {@code --challenge}.
   */
  @Command(name = "send-code", description = "Send a one-time code to the person.")
  static final class SendCode extends SittingCommand {
    @Override
    Done run() {
      ApiClient api = api();
      LoginRequest credentials = credentials();
      Nir nir = nir();
      BirthDate birth = birthDate();
      requireNothingMissing();
      Sitting sitting = login(api, credentials);
      ContactChallenge sent;
      try {
        sent = sitting.sendCode(new ContactCodeRequest(nir.value(), birth.iso()));
      } catch (ApiException e) {
        throw refusal(e);
      } finally {
        close(sitting);
      }
      List<String> lines =
          List.of(
              codeSent(sent), text.text("out.code.challenge", Map.of("id", sent.challengeId())));
      return new Done(lines, Map.of("challenge", sent));
    }
  }

  /**
   * {@code guichet account add-caregiver}: the person gives a caregiver (proche aidant) access to
   * their space, or to the space of a child or protected adult they represent ({@code --for}). The
   * caregiver is named as on their Carte Vitale and must have an open space; the server refuses a
   * fourth caregiver, a caregiver who already helps five people, and a caregiver acting for
   * someone.
   */
  @Command(name = "add-caregiver", description = "Give a caregiver access to the space.")
  static final class AddCaregiver extends AccessChange {
    @Option(names = "--caregiver-nir", paramLabel = "NIR", descriptionKey = "caregiver-nir")
    String caregiverNir;

    @Option(
        names = "--caregiver-last-name",
        paramLabel = "NAME",
        descriptionKey = "caregiver-last-name")
    String caregiverLastName;

    @Option(
        names = "--caregiver-first-name",
        paramLabel = "NAME",
        descriptionKey = "caregiver-first-name")
    String caregiverFirstName;

    @Option(
        names = "--caregiver-birth-date",
        paramLabel = "DATE",
        descriptionKey = "caregiver-birth-date")
    String caregiverBirthDate;

    private Named caregiver;

    @Override
    void askMore() {
      caregiver =
          named(
              "caregiver", caregiverNir, caregiverLastName, caregiverFirstName, caregiverBirthDate);
    }

    @Override
    String actionWords() {
      return messages.text("action.ADD_CAREGIVER");
    }

    @Override
    List<String> details() {
      return List.of(readBack("out.readback.caregiver", caregiver));
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      CaregiverRequest request =
          new CaregiverRequest(
              caregiver.nir().value(),
              caregiver.lastName(),
              caregiver.firstName(),
              caregiver.birth().iso());
      return s.api().addCaregiver(s.session(), s.delegation(), request, key);
    }

    @Override
    void keep(ActionResult result, Map<String, Object> json, List<String> lines) {
      result.account().access().stream()
          .filter(
              r ->
                  r.kind().equals("CAREGIVING")
                      && r.firstName().equalsIgnoreCase(caregiver.firstName())
                      && r.lastName().equalsIgnoreCase(caregiver.lastName())
                      && r.birthYear() == caregiver.birth().year())
          .findFirst()
          .ifPresent(
              r -> {
                json.put("caregiver", r);
                lines.add(text.text("out.caregiver.undo-add", Map.of("id", r.personId())));
              });
      super.keep(result, json, lines);
    }
  }

  /**
   * {@code guichet account remove-caregiver}: the person takes a caregiver's access away; the
   * caregiver is named by the id {@code status} shows beside them.
   */
  @Command(name = "remove-caregiver", description = "Take a caregiver's access away.")
  static final class RemoveCaregiver extends AccessChange {
    @Option(names = "--caregiver", paramLabel = "PERSON_ID", descriptionKey = "caregiver")
    String caregiver;

    @Override
    void askMore() {
      caregiver = value(caregiver, "--caregiver", "ask.caregiver", String::strip);
    }

    @Override
    String actionWords() {
      return messages.text("action.REMOVE_CAREGIVER");
    }

    @Override
    List<String> details() {
      return List.of(text.text("out.readback.caregiver-id", Map.of("id", caregiver)));
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().removeCaregiver(s.session(), s.delegation(), caregiver, key);
    }

    @Override
    void keep(ActionResult result, Map<String, Object> json, List<String> lines) {
      lines.add(text.text("out.caregiver.undo-remove"));
      super.keep(result, json, lines);
    }
  }

  /**
   * {@code guichet account share-profile}: the parent a child is attached to ({@code --for} the
   * child) shares the child's profile with the second legal representative, named as a caregiver
   * is; the other parent has 30 days to answer with {@code answer-share}, and both are told.
   */
  @Command(name = "share-profile", description = "Share a child's profile with the other parent.")
  static final class ShareProfile extends AccessChange {
    @Option(names = "--parent-nir", paramLabel = "NIR", descriptionKey = "parent-nir")
    String parentNir;

    @Option(names = "--parent-last-name", paramLabel = "NAME", descriptionKey = "parent-last-name")
    String parentLastName;

    @Option(
        names = "--parent-first-name",
        paramLabel = "NAME",
        descriptionKey = "parent-first-name")
    String parentFirstName;

    @Option(
        names = "--parent-birth-date",
        paramLabel = "DATE",
        descriptionKey = "parent-birth-date")
    String parentBirthDate;

    private Named parent;

    @Override
    void askMore() {
      parent = named("parent", parentNir, parentLastName, parentFirstName, parentBirthDate);
    }

    @Override
    String actionWords() {
      return messages.text("action.SHARE_PROFILE");
    }

    @Override
    List<String> details() {
      return List.of(readBack("out.readback.share", parent));
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      ShareRequest request =
          new ShareRequest(
              parent.nir().value(), parent.lastName(), parent.firstName(), parent.birth().iso());
      return s.api().shareProfile(s.session(), s.delegation(), request, key);
    }

    @Override
    void keep(ActionResult result, Map<String, Object> json, List<String> lines) {
      result.account().shares().stream()
          .filter(share -> share.status().equals("PENDING"))
          .findFirst()
          .ifPresent(
              share -> {
                json.put("share", share);
                lines.add(text.text("out.share.answer", Map.of("id", share.shareId())));
              });
      super.keep(result, json, lines);
    }
  }

  /**
   * {@code guichet account answer-share}: the second legal representative, for themself, accepts or
   * refuses the share of a child's profile ({@code --share}, the reference {@code status} shows).
   */
  @Command(
      name = "answer-share",
      description = "Accept or refuse the sharing of a child's profile.")
  static final class AnswerShare extends AccessChange {
    @Option(names = "--share", paramLabel = "ID", descriptionKey = "share")
    String share;

    @Option(names = "--accept", descriptionKey = "accept")
    boolean accept;

    @Option(names = "--refuse", descriptionKey = "refuse")
    boolean refuse;

    @Override
    void prepare() {
      if (accept == refuse) {
        throw new Stop(Outcome.USAGE, text.text("err.accept-or-refuse"));
      }
      super.prepare();
    }

    @Override
    void askMore() {
      share = value(share, "--share", "ask.share", String::strip);
    }

    @Override
    String actionWords() {
      return messages.text(accept ? "action.ACCEPT_SHARE" : "action.REFUSE_SHARE");
    }

    @Override
    List<String> details() {
      return List.of(text.text("out.readback.share-id", Map.of("id", share)));
    }

    @Override
    ActionResult perform(Sitting s, IdempotencyKey key) {
      return s.api().answerShare(s.session(), s.delegation(), share, accept, key);
    }
  }

  /**
   * Choosing who has access (caregivers, the share of a child's profile): a change confirmed by the
   * person, under the one scope {@code sharing:manage}.
   */
  abstract static class AccessChange extends AccountSubcommand.Change {
    AccessChange() {
      super(null); // not a change of the space's state
    }

    @Override
    boolean changes() {
      return true;
    }

    @Override
    Scope scope() {
      return Scope.SHARING_MANAGE;
    }

    /** Someone the person names as on their Carte Vitale: a caregiver, the other parent. */
    record Named(Nir nir, String lastName, String firstName, BirthDate birth) {}

    /**
     * The person named by the four options {@code --ROLE-nir}, {@code --ROLE-last-name}, {@code
     * --ROLE-first-name} and {@code --ROLE-birth-date}, each asked with {@code ask.ROLE-...} when
     * it was left out; null when one of them is missing.
     */
    Named named(String role, String nir, String lastName, String firstName, String birthDate) {
      String option = "--" + role + "-";
      String ask = "ask." + role + "-";
      Nir n = value(nir, option + "nir", ask + "nir", Nir::parse);
      String last = value(lastName, option + "last-name", ask + "last-name", String::strip);
      String first = value(firstName, option + "first-name", ask + "first-name", String::strip);
      BirthDate birth =
          value(
              birthDate,
              option + "birth-date",
              ask + "birth-date",
              s -> BirthDate.read(s, LocalDate.now()));
      return n == null || last == null || first == null || birth == null
          ? null
          : new Named(n, last, first, birth);
    }

    /** The read-back line {@code key} that names someone: name, birth date, grouped NIR. */
    String readBack(String key, Named someone) {
      return text.text(
          key,
          Map.of(
              "name",
              someone.firstName() + " " + someone.lastName(),
              "birth",
              messages.date(someone.birth().iso()),
              "nir",
              someone.nir().grouped()));
    }
  }

  /** The same version as {@code guichet --version}. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AccountCommand.class.getPackage().getImplementationVersion();
      return new String[] {"guichet " + (v == null ? "dev" : v)};
    }
  }
}
