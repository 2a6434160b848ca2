package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.client.ApiClient;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.Json;
import fr.guichet.domain.Account;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.RuleTable;
import fr.guichet.domain.Scope;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state of a space decides what its data routes do, for any client with real tokens: a space
 * not created yet has nothing in it, a closed one keeps its data out of reach, a suspended one
 * shows only its state and its journal; and the actions a space offers ({@code possibleActions},
 * {@code allowedActions}) are the rule table's, for every state and every way of acting.
 */
class SpaceStateRulesTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();

  static final String[] DATA =
      new String[] {
        "account:read", "documents:read", "profile:read", "profile:write", "journal:read"
      };

  ApiClient api() {
    return sandbox.api();
  }

  static ObjectNode allergy(String name) {
    ObjectNode node = Json.mapper().createObjectNode().put("form", 1).put("status", "filled");
    node.putArray("entries").addObject().put("name", name);
    return node;
  }

  /** Every data route refused with {@code slug}; the state and the journal still read. */
  void dataOutOfReach(String personId, String slug) {
    DemoSandbox.Sitting s = sandbox.open(personId, DATA);
    Refused.with(
        slug,
        409,
        () ->
            api()
                .writeProfileSection(
                    s.session(),
                    s.delegation(),
                    "allergies",
                    0,
                    allergy("latex"),
                    IdempotencyKey.random()));
    Refused.with(slug, 409, () -> api().profileSection(s.session(), s.delegation(), "allergies"));
    Refused.with(slug, 409, () -> api().documents(s.session(), s.delegation()));
    Refused.with(slug, 409, () -> api().document(s.session(), s.delegation(), "doc-louis-1"));
    assertThat(api().account(s.session(), s.delegation()).personId()).isEqualTo(personId);
    assertThat(api().journal(s.session(), s.delegation())).isNotEmpty();
    assertThat(sandbox.journal("person:" + personId))
        .contains(
            "PROFILE_WRITTEN REFUSED " + slug,
            "PROFILE_READ REFUSED " + slug,
            "DOCUMENTS_LISTED REFUSED " + slug,
            "DOCUMENT_READ REFUSED " + slug);
    assertThat(
            sandbox.query(
                "SELECT count(*) FROM profile_section WHERE person_id = ?",
                r -> r.getLong(1),
                personId))
        .containsExactly(0L);
  }

  @Test
  void aClosedSpaceKeepsItsDataOutOfReachAndTakesNoNewCaregiver() {
    dataOutOfReach("p-fatima", "space-closed");
    DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
    DemoSandbox.Sitting fatima = sandbox.open("p-fatima", "sharing:manage");
    Refused.with(
        "space-closed",
        409,
        () ->
            api()
                .addCaregiver(
                    fatima.session(),
                    fatima.delegation(),
                    new CaregiverRequest(alain.nir(), "Roux", "Alain", alain.birthDate()),
                    IdempotencyKey.random()));
    assertThat(sandbox.journal("person:p-fatima")).contains("CAREGIVER_ADDED REFUSED space-closed");
  }

  @Test
  void aSpaceClosedWithDeletionKeepsItsDataOutOfReach() {
    dataOutOfReach("p-pierre", "space-closed");
  }

  @Test
  void aSuspendedSpaceShowsOnlyItsStateAndItsJournal() {
    dataOutOfReach("p-yves", "account-suspended");
    DemoSandbox.Sitting yves = sandbox.open("p-yves", "account:read");
    assertThat(api().account(yves.session(), yves.delegation()).possibleActions()).isEmpty();
  }

  @Test
  void aSpaceNotCreatedYetHasNothingInIt() {
    dataOutOfReach("p-jeanne", "space-not-created");
    dataOutOfReach("p-ahmed", "space-not-created");
  }

  /** Who acts for whom, one way of acting each, and every scope that way of acting may use. */
  record Actor(ActingAs actingAs, String representative, String person) {
    String[] scopes() {
      return Arrays.stream(Scope.values())
          .filter(actingAs::allows)
          .map(Scope::wire)
          .toArray(String[]::new);
    }
  }

  @Test
  void theActionsOfferedAreTheRuleTablesForEveryStateAndEveryWayOfActing() {
    // Claire as Hugo's second parent, as if Louis had shared his profile with her.
    sandbox.update(
        "INSERT INTO representation (id, representative_id, represented_id, kind, status)"
            + " VALUES ('rep-claire-hugo', 'p-claire', 'p-hugo', 'SECOND_PARENT', 'ACCEPTED')");
    List<Actor> actors =
        List.of(
            new Actor(ActingAs.SELF, "p-louis", null),
            new Actor(ActingAs.LEGAL_REPRESENTATION, "p-louis", "p-emma"),
            new Actor(ActingAs.SECOND_PARENT, "p-claire", "p-hugo"),
            new Actor(ActingAs.GUARDIANSHIP, "p-sophie", "p-marcel"),
            new Actor(ActingAs.CURATORSHIP, "p-claire", "p-raymond"),
            new Actor(ActingAs.CAREGIVING, "p-alain", "p-georgette"));
    LocalDate today = LocalDate.ofInstant(sandbox.clock().instant(), ZoneId.of("Europe/Paris"));
    LocalDate sent = today.minusDays(10);
    LocalDate closed = today.minusDays(20);
    int checked = 0;
    for (Actor actor : actors) {
      DemoSandbox.Sitting s =
          sandbox.openFor(actor.representative(), actor.person(), true, actor.scopes());
      String personId = s.delegation().personId();
      assertThat(s.delegation().actingAs()).isEqualTo(actor.actingAs().name());
      for (AccountState state : AccountState.values()) {
        boolean isClosed =
            state == AccountState.CLOSED || state == AccountState.CLOSED_DELETION_REQUESTED;
        Account account =
            new Account(
                state,
                sent,
                isClosed ? closed : null,
                state == AccountState.CLOSED_DELETION_REQUESTED ? closed : null,
                null);
        sandbox.update(
            "UPDATE person SET state = ?, information_sent_on = ?, closed_on = ?,"
                + " deletion_requested_on = ?, deleted_on = NULL WHERE id = ?",
            state.name(),
            sent.toString(),
            isClosed ? closed.toString() : null,
            state == AccountState.CLOSED_DELETION_REQUESTED ? closed.toString() : null,
            personId);
        AccountStatus status = api().account(s.session(), s.delegation());
        List<String> expected =
            RuleTable.possibleActions(
                    new RuleTable.Situation(
                        account,
                        actor.actingAs(),
                        BirthDate.fromIso(DemoSandbox.PEOPLE.get(personId).birthDate()),
                        today,
                        Period.ofWeeks(6)))
                .stream()
                .map(AccountAction::name)
                .toList();
        assertThat(status.possibleActions()).as(actor + " " + state).isEqualTo(expected);
        assertThat(status.allowedActions()).as(actor + " " + state).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(actors.size() * AccountState.values().length);
  }

  @Test
  void theActionsAllowedAreThoseOfferedThatTheConsentCovers() {
    DemoSandbox.Sitting jeanne = sandbox.open("p-jeanne", "account:read", "opposition:write");
    AccountStatus status = api().account(jeanne.session(), jeanne.delegation());
    assertThat(status.possibleActions()).containsExactly("RECORD_OPPOSITION", "ACTIVATE");
    assertThat(status.allowedActions()).containsExactly("RECORD_OPPOSITION");
    assertThat(status.minor()).isFalse();
    assertThat(status.adultOn()).isNull();
  }
}
