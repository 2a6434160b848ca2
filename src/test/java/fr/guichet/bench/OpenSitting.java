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
 * id}. With person ids after the address, one sitting for each under the same session, on one line:
 * {@code SITTINGS session delegation person;session delegation person;...} (the cluster load).
 *
 * <pre>
 * java -cp ... fr.guichet.bench.OpenSitting http://127.0.0.1:8470/
 * java -cp ... fr.guichet.bench.OpenSitting http://127.0.0.1:8480/ p-jeanne p-louis p-maria
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
    if (args.length == 1) {
      Delegation d = consent(api, session, "p-jeanne");
      System.out.println("SESSION " + session.token());
      System.out.println("DELEGATION " + d.token());
      System.out.println("PERSON " + d.personId());
      return;
    }
    StringBuilder sittings = new StringBuilder();
    for (int i = 1; i < args.length; i++) {
      Delegation d = consent(api, session, args[i]);
      sittings.append(i > 1 ? ";" : "").append(session.token()).append(' ').append(d.token());
      sittings.append(' ').append(d.personId());
    }
    System.out.println("SITTINGS " + sittings);
  }

  private static Delegation consent(ApiClient api, MediatorSession session, String personId) {
    DemoSandbox.Papers papers = DemoSandbox.PEOPLE.get(personId);
    Identification who =
        api.identify(
            session,
            IdentificationRequest.byVitale(papers.nir(), papers.birth(), papers.vitale()),
            IdempotencyKey.random());
    return api.consent(
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
  }
}
