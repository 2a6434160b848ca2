package fr.guichet.bench;

import fr.guichet.client.ApiClient;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import java.time.Instant;
import java.util.List;

/**
 * Opens a sitting on a running reference server through the real API, for a load test: a mediator's
 * login (the demo mediator of the other structure, so that the demo mediator's code of this step
 * stays free), Jeanne identified by her Carte Vitale, her consent to {@code account:read}. Prints
 * the headers' values, one per line: {@code SESSION token}, {@code DELEGATION token}, {@code PERSON
 * id}.
 *
 * <pre>
 * java -cp ... fr.guichet.bench.OpenSitting http://127.0.0.1:8470/
 * </pre>
 */
public final class OpenSitting {
  private OpenSitting() {}

  public static void main(String[] args) {
    ApiClient api = new ApiClient(args[0]);
    MediatorSession session =
        api.login(
            new LoginRequest(
                DemoSandbox.OTHER_LOGIN,
                DemoSandbox.PASSWORD,
                Totp.fromBase32(DemoSandbox.OTHER_SECRET).codeAt(Instant.now())));
    DemoSandbox.Papers jeanne = DemoSandbox.PEOPLE.get("p-jeanne");
    Identification who =
        api.identify(
            session,
            IdentificationRequest.byVitale(jeanne.nir(), jeanne.birth(), jeanne.vitale()),
            IdempotencyKey.random());
    Delegation d =
        api.consent(
            session,
            new ConsentRequest(
                who.identificationId(),
                null,
                List.of("account:read"),
                30,
                "fr",
                "bench-v1",
                true,
                true),
            IdempotencyKey.random());
    System.out.println("SESSION " + session.token());
    System.out.println("DELEGATION " + d.token());
    System.out.println("PERSON " + d.personId());
  }
}
