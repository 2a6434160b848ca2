package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  MediatorSession session;
  Identification who;

  @BeforeEach
  void start() {
    session = sandbox.login();
    who =
        sandbox
            .api()
            .identify(
                session,
                IdentificationRequest.byVitale(
                    DemoSandbox.JEANNE_NIR, LocalDate.of(1950, 3, 14), "12345678"),
                IdempotencyKey.random());
  }

  @Test
  void theSameKeyAndBodyGiveTheFirstAnswerWithoutASecondEffect() {
    IdempotencyKey key = IdempotencyKey.random();
    ConsentRequest request =
        ConsentRequest.forSelf(who.identificationId(), List.of("account:read"), 30, "fr", "v1");
    Delegation first = sandbox.api().consent(session, request, key);
    Delegation again = sandbox.api().consent(session, request, key);
    assertThat(again).isEqualTo(first);
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly("IDENTIFY OK", "CONSENT OK", "DELEGATION_OPENED OK");
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    IdempotencyKey key = IdempotencyKey.random();
    sandbox
        .api()
        .consent(
            session,
            ConsentRequest.forSelf(who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
            key);
    assertThatThrownBy(
            () ->
                sandbox
                    .api()
                    .consent(
                        session,
                        ConsentRequest.forSelf(
                            who.identificationId(), List.of("account:read"), 20, "fr", "v1"),
                        key))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().slug()).isEqualTo("idempotency-key-reused");
            });
  }

  @Test
  void aMutatingRequestWithoutAKeyIsRefused() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.server().url() + "v1/consents"))
                    .header("Authorization", "Bearer " + session.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("idempotency-key-required");
  }

  @Test
  void theDatabaseHoldsNeitherTheKeyNorTheTokenInClear() {
    IdempotencyKey key = new IdempotencyKey("a-very-recognisable-idempotency-key");
    Delegation d =
        sandbox
            .api()
            .consent(
                session,
                ConsentRequest.forSelf(
                    who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
                key);
    StringBuilder everything = new StringBuilder();
    for (String table :
        List.of("idempotency", "delegation", "mediator_session", "consent", "journal", "receipt")) {
      sandbox.query(
          "SELECT * FROM " + table,
          r -> {
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
              everything.append(r.getString(i)).append('|');
            }
            return null;
          });
    }
    assertThat(everything.toString())
        .contains(d.consentId())
        .doesNotContain(d.token())
        .doesNotContain(key.value())
        .doesNotContain(session.token());
  }
}
