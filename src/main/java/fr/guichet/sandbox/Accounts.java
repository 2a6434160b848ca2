package fr.guichet.sandbox;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.Account;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.RuleTable;
import fr.guichet.domain.TransitionRefused;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's space: what the rules make of it today (state, dates, whether the person is a minor,
 * the actions the {@link RuleTable} allows to whoever acts and what this delegation may do, the
 * profiles the person manages, who else has access, the shares of a child's profile), the signed
 * statement the status sheet prints, and the lifecycle actions, each with its receipt.
 *
 * <pre>{@code
 * AccountStatus status = accounts.status(c, grant, audit);
 * ActionResult done = accounts.act(c, principal, grant, AccountAction.RECORD_OPPOSITION, false, audit);
 * ActionResult active = accounts.activate(c, principal, grant, "JM4K-7P2Q", audit);
 * }</pre>
 */
final class Accounts {
  private final Rules rules;
  private final Journal journal;
  private final Receipts receipts;
  private final Identifications identifications;
  private final PersonStore persons;
  private final RepresentationStore representations;
  private final ShareStore shares;

  Accounts(
      Rules rules,
      Journal journal,
      Receipts receipts,
      Identifications identifications,
      PersonStore persons,
      RepresentationStore representations,
      ShareStore shares) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.identifications = identifications;
    this.persons = persons;
    this.representations = representations;
    this.shares = shares;
  }

  AccountStatus status(Connection c, Grant grant, Audit audit) throws SQLException {
    AccountStatus status = view(c, grant);
    journal.append(c, audit.chain(), audit.line("OK", status.state()));
    return status;
  }

  Receipt statement(Connection c, Principal principal, Grant grant, Audit audit)
      throws SQLException {
    Person person = persons.require(c, grant.personId());
    Account.Today today = person.account().on(rules.today(), rules.oppositionPeriod());
    Map<String, Object> facts = dates(today);
    facts.put("structure", principal.structureName());
    Receipt receipt =
        receipts.issue(c, ReceiptKind.ACCOUNT_STATUS, person, grant.consentId(), facts);
    journal.append(
        c, audit.chain(), audit.line("OK", receipt.receiptId() + " " + today.state().name()));
    return receipt;
  }

  /** Applies a lifecycle action as the rules allow today, and signs its receipt. */
  ActionResult act(
      Connection c,
      Principal principal,
      Grant grant,
      AccountAction action,
      boolean withDeletion,
      Audit audit)
      throws SQLException {
    Person person = persons.require(c, grant.personId());
    Account after;
    try {
      after = person.account().apply(action, withDeletion, rules.today(), rules.oppositionPeriod());
    } catch (TransitionRefused refused) {
      throw new ProblemException(409, refused.reason(), refused.getMessage(), refused.params());
    }
    persons.saveAccount(c, person.id(), after);
    Account.Today today = after.on(rules.today(), rules.oppositionPeriod());
    Map<String, Object> facts = dates(today);
    facts.put("action", action.name());
    if (action == AccountAction.REOPEN) {
      facts.put("dataRestored", after.deletedOn() == null);
    }
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.putAll(grant.actorFacts());
    Receipt receipt =
        receipts.issue(c, ReceiptKind.forAction(action.name()), person, grant.consentId(), facts);
    journal.append(
        c,
        audit.chain(),
        audit.line(
            "OK",
            person.account().storedState()
                + " -> "
                + today.state()
                + (withDeletion ? " with deletion" : "")
                + ", receipt "
                + receipt.receiptId()));
    return new ActionResult(view(c, grant), receipt);
  }

  /**
   * Activates a space on the one-time code of the letter that announced it, for a person who showed
   * their Carte Vitale at identification; the code is good once. The rule table has allowed it.
   */
  ActionResult activate(Connection c, Principal principal, Grant grant, String code, Audit audit)
      throws SQLException {
    if (!identifications.proofs(c, grant).contains(Identifications.VITALE)) {
      throw new ProblemException(
          403, "vitale-required", "activation needs the Carte Vitale shown at identification");
    }
    identifications.checkLetterCode(c, grant.personId(), code, principal, audit);
    return act(c, principal, grant, AccountAction.ACTIVATE, false, audit);
  }

  /**
   * The operator suspends a space (fraud, malfunction) or lifts the suspension, restoring the state
   * it interrupted. Only an account with the operator role may; nothing in the kiosk does.
   */
  Map<String, Object> suspend(
      Connection c, Principal principal, String personId, boolean suspend, Audit audit)
      throws SQLException {
    audit.personId = personId;
    if (!Principal.OPERATOR.equals(principal.role())) {
      throw new ProblemException(
          403,
          "role-required",
          "only the operator suspends a space",
          Map.of("role", Principal.OPERATOR));
    }
    Person person = persons.require(c, personId);
    boolean suspended = person.account().storedState() == AccountState.SUSPENDED;
    if (suspend && !suspended) {
      persons.suspend(c, personId);
    } else if (!suspend && suspended) {
      persons.liftSuspension(c, personId);
    }
    String state = persons.require(c, personId).account().storedState().name();
    journal.append(c, audit.chain(), audit.line("OK", state));
    return Map.of("personId", personId, "state", state);
  }

  AccountStatus view(Connection c, Grant grant) throws SQLException {
    Person person = persons.require(c, grant.personId());
    LocalDate day = rules.today();
    Account.Today today = person.account().on(day, rules.oppositionPeriod());
    // What the rule table allows whoever acts (a caregiver is never offered a closure), and of
    // that, what this delegation's scopes cover.
    List<AccountAction> possible =
        List.copyOf(
            RuleTable.possibleActions(
                new RuleTable.Situation(
                    person.account(),
                    grant.actingAs(),
                    person.birth(),
                    day,
                    rules.oppositionPeriod())));
    List<String> allowed =
        possible.stream()
            .filter(a -> grant.scopes().contains(a.requiredScope()))
            .map(AccountAction::name)
            .toList();
    boolean minor = person.birth().minorOn(day);
    String channel = person.email() != null ? "EMAIL" : person.phone() != null ? "SMS" : "LETTER";
    return new AccountStatus(
        person.id(),
        person.first(),
        person.last(),
        person.birth().year(),
        today.state().name(),
        person.account().informationSentOn(),
        today.oppositionDeadline().orElse(null),
        today.daysLeftToOppose().orElse(null),
        today.archiveEnd().orElse(null),
        today.deletionDue().orElse(null),
        person.account().dataDeleted(day),
        possible.stream().map(AccountAction::name).toList(),
        allowed,
        channel,
        grant.actingAs().name(),
        representations.represented(c, person.id(), day),
        representations.representatives(c, person.id(), day),
        minor,
        minor ? person.birth().adultOn() : null,
        shares.about(c, person.id(), day));
  }

  private static Map<String, Object> dates(Account.Today today) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("state", today.state().name());
    today.oppositionDeadline().ifPresent(d -> facts.put("oppositionDeadline", d.toString()));
    today.archiveEnd().ifPresent(d -> facts.put("archiveEnd", d.toString()));
    today.deletionDue().ifPresent(d -> facts.put("deletionDue", d.toString()));
    return facts;
  }
}
