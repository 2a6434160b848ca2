package fr.guichet.sandbox;

import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may help a person with their space: a person gives access to 3 caregivers at most, a
 * caregiver helps 5 people at most, and a caregiver must have an active space (DOMAIN.md). The
 * reference server accepts a new caregiver at once; the real service waits for their answer. A
 * caregiver removed loses at once every delegation they hold for the person. The caregiver's papers
 * are a second NIR check: counted and limited like an identification.
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
  private final Delegations delegations;
  private final Identifications identifications;
  private final PersonStore persons;
  private final RepresentationStore representations;

  Caregivers(
      Rules rules,
      Journal journal,
      Receipts receipts,
      Accounts accounts,
      Delegations delegations,
      Identifications identifications,
      PersonStore persons,
      RepresentationStore representations) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.accounts = accounts;
    this.delegations = delegations;
    this.identifications = identifications;
    this.persons = persons;
    this.representations = representations;
  }

  ActionResult add(
      Connection c, Principal principal, Grant grant, CaregiverRequest request, Audit audit)
      throws SQLException {
    Person person = persons.require(c, grant.personId());
    Person caregiver =
        identifications.lookUp(
            c,
            principal,
            request.nir(),
            PersonStore.named(
                request.lastName(),
                request.firstName(),
                BirthDate.read(request.birthDate(), rules.today())),
            "caregiver-unknown",
            audit);
    if (caregiver.id().equals(person.id())) {
      throw new ProblemException(409, "caregiver-self", "a person cannot be their own caregiver");
    }
    if (caregiver.account().on(rules.today(), rules.oppositionPeriod()).state()
        != AccountState.ACTIVE) {
      throw new ProblemException(
          409, "caregiver-needs-active-space", "the caregiver must have an active space");
    }
    if (representations.kind(c, caregiver.id(), person.id()).isPresent()) {
      throw new ProblemException(409, "caregiver-already", "this caregiver already has access");
    }
    if (representations.caregiversOf(c, person.id()) >= ActingAs.MAX_CAREGIVERS_PER_PERSON) {
      throw new ProblemException(
          409,
          "caregiver-limit-person",
          "a person can have 3 caregivers at most",
          Map.of("max", ActingAs.MAX_CAREGIVERS_PER_PERSON));
    }
    if (representations.helpedBy(c, caregiver.id()) >= ActingAs.MAX_PEOPLE_PER_CAREGIVER) {
      throw new ProblemException(
          409,
          "caregiver-limit-caregiver",
          "a caregiver can help 5 people at most",
          Map.of("max", ActingAs.MAX_PEOPLE_PER_CAREGIVER));
    }
    representations.add(c, caregiver.id(), person.id(), ActingAs.CAREGIVING);
    return done(c, principal, grant, person, caregiver, ReceiptKind.CAREGIVER_ADDED, audit);
  }

  ActionResult remove(
      Connection c, Principal principal, Grant grant, String caregiverId, Audit audit)
      throws SQLException {
    Person person = persons.require(c, grant.personId());
    if (!representations.remove(c, caregiverId, person.id(), ActingAs.CAREGIVING)) {
      throw new ProblemException(
          404, "caregiver-unknown", "this person is not a caregiver of this space");
    }
    delegations.revokeBuiltOn(c, principal, caregiverId, person.id(), ActingAs.CAREGIVING, audit);
    return done(
        c,
        principal,
        grant,
        person,
        persons.require(c, caregiverId),
        ReceiptKind.CAREGIVER_REMOVED,
        audit);
  }

  private ActionResult done(
      Connection c,
      Principal principal,
      Grant grant,
      Person person,
      Person caregiver,
      ReceiptKind kind,
      Audit audit)
      throws SQLException {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("caregiver", caregiver.display());
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.putAll(grant.actorFacts());
    Receipt receipt = receipts.issue(c, kind, person, grant.consentId(), facts);
    journal.append(
        c,
        audit.chain(),
        audit.line("OK", caregiver.display() + ", receipt " + receipt.receiptId()));
    return new ActionResult(accounts.view(c, grant), receipt);
  }
}
