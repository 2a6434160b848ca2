package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.guichet.api.AccountStatus;
import fr.guichet.api.Json;
import fr.guichet.api.StatusStatement;
import fr.guichet.domain.Account;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.AccountState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading a person's space: the state the rules give today, its dates, what the rules allow and
 * what the current delegation may do; and the signed statement the status sheet prints.
 *
 * <pre>{@code
 * AccountStatus status = accounts.status(c, grant, audit);
 * StatusStatement statement = accounts.statement(c, principal, grant, audit);
 * }</pre>
 */
final class Accounts {
  private final Rules rules;
  private final Journal journal;
  private final Signer signer;

  Accounts(Rules rules, Journal journal, Signer signer) {
    this.rules = rules;
    this.journal = journal;
    this.signer = signer;
  }

  private record Person(String first, String last, LocalDate birth, Account account, String email) {}

  AccountStatus status(Connection c, Grant grant, Audit audit) throws SQLException {
    Person person = load(c, grant.personId());
    Account.Today today = person.account().on(rules.today(), rules.oppositionPeriod());
    List<String> possible = today.possibleActions().stream().map(AccountAction::name).toList();
    List<String> allowed = today.possibleActions().stream()
        .filter(a -> grant.scopes().contains(a.requiredScope()))
        .map(AccountAction::name)
        .toList();
    journal.append(c, audit.chain(), audit.line("OK", today.state().name()));
    return new AccountStatus(grant.personId(), today.state().name(), person.account().informationSentOn(),
        today.oppositionDeadline().orElse(null), today.daysLeftToOppose().orElse(null),
        today.archiveEnd().orElse(null), today.deletionDue().orElse(null), possible, allowed,
        person.email() == null ? "LETTER" : "EMAIL");
  }

  StatusStatement statement(Connection c, Principal principal, Grant grant, Audit audit) throws SQLException {
    Person person = load(c, grant.personId());
    Account.Today today = person.account().on(rules.today(), rules.oppositionPeriod());
    String structure = Database.one(c, "SELECT name FROM structure WHERE id = ?", r -> r.getString(1),
        principal.structureId()).orElse(principal.structureId());
    String id = "sta-" + UUID.randomUUID();
    Instant now = rules.clock().instant();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", "account-status");
    payload.put("id", id);
    payload.put("issuedAt", now.toString());
    // Name initial and birth year only: a lost sheet must not identify anyone by itself.
    payload.put("person", person.first() + " " + person.last().charAt(0) + ". (" + person.birth().getYear() + ")");
    payload.put("state", today.state().name());
    today.oppositionDeadline().ifPresent(d -> payload.put("oppositionDeadline", d.toString()));
    today.archiveEnd().ifPresent(d -> payload.put("archiveEnd", d.toString()));
    today.deletionDue().ifPresent(d -> payload.put("deletionDue", d.toString()));
    payload.put("structure", structure);
    String signed;
    try {
      signed = signer.sign(Json.mapper().writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a statement", e);
    }
    Database.update(c, "INSERT INTO statement (id, person_id, consent_id, kind, issued_at, signed) VALUES (?, ?, ?, ?, ?, ?)",
        id, grant.personId(), grant.consentId(), "account-status", now.toString(), signed);
    journal.append(c, audit.chain(), audit.line("OK", id + " " + today.state().name()));
    return new StatusStatement(id, grant.personId(), today.state().name(), now, signed);
  }

  private Person load(Connection c, String personId) throws SQLException {
    return Database.one(c,
        "SELECT first_name, last_name, birth_date, state, information_sent_on, closed_on, deletion_requested_on,"
            + " deleted_on, email FROM person WHERE id = ?",
        r -> new Person(r.getString(1), r.getString(2), LocalDate.parse(r.getString(3)),
            new Account(AccountState.valueOf(r.getString(4)), date(r.getString(5)), date(r.getString(6)),
                date(r.getString(7)), date(r.getString(8))),
            r.getString(9)),
        personId).orElseThrow(() -> new ProblemException(404, "person-unknown", "no such person"));
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }
}
