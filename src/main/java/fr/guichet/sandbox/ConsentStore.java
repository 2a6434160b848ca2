package fr.guichet.sandbox;

import fr.guichet.contract.ConsentRequest;
import fr.guichet.domain.ActingAs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code consent} table: what a person agreed to, for how long, as whom, in which language and
 * version of the text shown, confirmed by the person and attested by the mediator; for a tutor,
 * whether the protected person's opinion was asked.
 *
 * <pre>{@code
 * consents.insert(c, id, principal, personId, ActingAs.SELF, "account:read", null, request, now);
 * }</pre>
 */
final class ConsentStore {
  void insert(
      Connection c,
      String id,
      Principal principal,
      String personId,
      ActingAs actingAs,
      String wireScopes,
      Boolean opinionAsked,
      ConsentRequest request,
      Instant at)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO consent (id, identification_id, mediator_id, structure_id, person_id, acting_as, scopes,"
            + " duration_minutes, language, text_version, person_confirmed, mediator_attested,"
            + " person_opinion_asked, created_at, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)",
        id,
        request.identificationId(),
        principal.mediatorId(),
        principal.structureId(),
        personId,
        actingAs.name(),
        wireScopes,
        request.durationMinutes(),
        request.language(),
        request.textVersion(),
        opinionAsked == null ? null : opinionAsked ? 1 : 0,
        at.toString(),
        request.zone());
  }
}
