package fr.guichet.sandbox;

import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Nir;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Who may help a person with their space: a person gives access to 3 caregivers at most, a
 * caregiver helps 5 people at most, and a caregiver must have an active space (DOMAIN.md). The
 * reference server accepts a new caregiver at once; the real service waits for their answer.
 *
 * <pre>{@code
 * ActionResult r = caregivers.add(c, principal, grant, new CaregiverRequest(nir, "Roux", "Alain", birth), audit);
 * }</pre>
 */
final class Caregivers {
  private final Rules rules;
  private final Journal journal;
  private final Receipts receipts;
  private final Accounts accounts;

  Caregivers(Rules rules, Journal journal, Receipts receipts, Accounts accounts) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.accounts = accounts;
  }

  ActionResult add(
      Connection c, Principal principal, Grant grant, CaregiverRequest request, Audit audit)
      throws SQLException {
    People.Person person = People.require(c, grant.personId());
    People.Person caregiver =
        People.byNir(c, Nir.parse(request.nir()).value())
            .filter(
                p ->
                    p.last().equalsIgnoreCase(strip(request.lastName()))
                        && p.first().equalsIgnoreCase(strip(request.firstName()))
                        && p.birth().equals(request.birthDate()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "caregiver-unknown", "no person with this NIR, name and birth date"));
    if (caregiver.id().equals(person.id())) {
      throw new ProblemException(409, "caregiver-self", "a person cannot be their own caregiver");
    }
    if (caregiver.account().on(rules.today(), rules.oppositionPeriod()).state()
        != AccountState.ACTIVE) {
      throw new ProblemException(
          409, "caregiver-needs-active-space", "the caregiver must have an active space");
    }
    if (People.link(c, caregiver.id(), person.id()).isPresent()) {
      throw new ProblemException(409, "caregiver-already", "this caregiver already has access");
    }
    if (count(c, "represented_id", person.id()) >= ActingAs.MAX_CAREGIVERS_PER_PERSON) {
      throw new ProblemException(
          409,
          "caregiver-limit-person",
          "a person can have 3 caregivers at most",
          Map.of("max", ActingAs.MAX_CAREGIVERS_PER_PERSON));
    }
    if (count(c, "representative_id", caregiver.id()) >= ActingAs.MAX_PEOPLE_PER_CAREGIVER) {
      throw new ProblemException(
          409,
          "caregiver-limit-caregiver",
          "a caregiver can help 5 people at most",
          Map.of("max", ActingAs.MAX_PEOPLE_PER_CAREGIVER));
    }
    Database.update(
        c,
        "INSERT INTO representation (id, representative_id, represented_id, kind, status) VALUES (?, ?, ?, ?, ?)",
        "rep-" + java.util.UUID.randomUUID(),
        caregiver.id(),
        person.id(),
        ActingAs.CAREGIVING.name(),
        "ACCEPTED");
    return done(c, principal, grant, person, caregiver, ReceiptKind.CAREGIVER_ADDED, audit);
  }

  ActionResult remove(
      Connection c, Principal principal, Grant grant, String caregiverId, Audit audit)
      throws SQLException {
    People.Person person = People.require(c, grant.personId());
    int removed =
        Database.update(
            c,
            "UPDATE representation SET status = 'REVOKED' WHERE representative_id = ?"
                + " AND represented_id = ? AND kind = ? AND status = 'ACCEPTED'",
            caregiverId,
            person.id(),
            ActingAs.CAREGIVING.name());
    if (removed == 0) {
      throw new ProblemException(
          404, "caregiver-unknown", "this person is not a caregiver of this space");
    }
    return done(
        c,
        principal,
        grant,
        person,
        People.require(c, caregiverId),
        ReceiptKind.CAREGIVER_REMOVED,
        audit);
  }

  private ActionResult done(
      Connection c,
      Principal principal,
      Grant grant,
      People.Person person,
      People.Person caregiver,
      ReceiptKind kind,
      Audit audit)
      throws SQLException {
    Receipt receipt =
        receipts.issue(
            c,
            kind,
            person,
            grant.consentId(),
            Map.of(
                "caregiver",
                caregiver.display(),
                "mediator",
                principal.displayName(),
                "structure",
                principal.structureName()));
    journal.append(
        c,
        audit.chain(),
        audit.line("OK", caregiver.display() + ", receipt " + receipt.receiptId()));
    return new ActionResult(accounts.view(c, grant), receipt);
  }

  private static long count(Connection c, String column, String personId) throws SQLException {
    return Database.one(
            c,
            "SELECT count(*) FROM representation WHERE "
                + column
                + " = ? AND kind = ? AND status = 'ACCEPTED'",
            r -> r.getLong(1),
            personId,
            ActingAs.CAREGIVING.name())
        .orElse(0L);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }
}
