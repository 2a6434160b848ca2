package fr.guichet.sandbox;

import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A live delegation checked for a request: for whom, who acts and in whose right, under which
 * consent and identification, which scopes.
 *
 * @param identifiedPersonId the person identified at the counter (the parent, for a child)
 * @param opinionAsked for a tutor, whether the consent records that the protected person's opinion
 *     was asked; null when it does not apply
 */
record Grant(
    String delegationId,
    String consentId,
    String personId,
    ActingAs actingAs,
    String identificationId,
    String identifiedPersonId,
    Set<Scope> scopes,
    Instant expiresAt,
    Boolean opinionAsked) {

  /**
   * What every receipt of an action under this grant says of who acted: in which right, and for a
   * tutor, that the protected person's opinion was asked (so that the paper prints it).
   */
  Map<String, Object> actorFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("actingAs", actingAs.name());
    if (opinionAsked != null) {
      facts.put("personOpinionAsked", opinionAsked);
    }
    return facts;
  }
}
