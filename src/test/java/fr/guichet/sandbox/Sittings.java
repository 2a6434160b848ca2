package fr.guichet.sandbox;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.testing.DemoSandbox;
import java.util.List;

/**
 * What the sandbox tests do again and again in a sitting with the demo people, written once: a
 * consent given for someone the identified person represents, a caregiver named as on their Carte
 * Vitale and added, a space closed; each change with a fresh {@code Idempotency-Key}, as the kiosk
 * sends it.
 *
 * <pre>{@code
 * Sittings sittings = new Sittings(sandbox);
 * Identification alain = sandbox.strengthen(sandbox.identify("p-alain"));
 * Refused.with("caregiver-forbidden", 403,
 *     () -> sittings.consentFor(alain, "p-georgette", 30, "record:close"));
 * sittings.addCaregiver(sandbox.open("p-louis", "sharing:manage"), "p-alain", "Roux", "Alain");
 * }</pre>
 */
record Sittings(DemoSandbox sandbox) {
  /**
   * The consent of {@code who}, for {@code forPersonId} (null: themself), to {@code scopes} for
   * {@code minutes}, in French, the person confirming and the mediator attesting their presence.
   */
  Delegation consentFor(Identification who, String forPersonId, int minutes, String... scopes) {
    ConsentRequest request =
        new ConsentRequest(
            who.identificationId(), forPersonId, List.of(scopes), minutes, "fr", "v1", true, true);
    return sandbox.api().consent(sandbox.session(), request, IdempotencyKey.random());
  }

  /** A demo person named as a caregiver: their NIR and birth date, and the names given. */
  static CaregiverRequest caregiver(String personId, String lastName, String firstName) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    return new CaregiverRequest(p.nir(), lastName, firstName, p.birthDate());
  }

  /** In {@code sitting}, gives the demo person {@code personId} access as a caregiver. */
  ActionResult addCaregiver(
      DemoSandbox.Sitting sitting, String personId, String lastName, String firstName) {
    return sandbox
        .api()
        .addCaregiver(
            sitting.session(),
            sitting.delegation(),
            caregiver(personId, lastName, firstName),
            IdempotencyKey.random());
  }

  /** In {@code sitting}, closes the space, with or without deletion. */
  ActionResult close(DemoSandbox.Sitting sitting, boolean withDeletion) {
    return sandbox
        .api()
        .close(
            sitting.session(),
            sitting.delegation(),
            new ClosureRequest(withDeletion),
            IdempotencyKey.random());
  }
}
