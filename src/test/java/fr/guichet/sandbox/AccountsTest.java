package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.Json;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static MediatorSession session;

  @BeforeAll
  static void start() {
    session = sandbox.login();
  }

  static Delegation sittingFor(String p) {
    DemoSeed.Person person =
        DemoSeed.PEOPLE.stream().filter(x -> x.id().equals(p)).findFirst().orElseThrow();
    var who =
        sandbox
            .api()
            .identify(
                session,
                IdentificationRequest.byVitale(person.nir(), person.birth().iso(), person.vitale()),
                IdempotencyKey.random());
    return sandbox
        .api()
        .consent(
            session,
            ConsentRequest.forSelf(who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
            IdempotencyKey.random());
  }

  @ParameterizedTest
  @CsvSource({
    "p-jeanne,ANNOUNCED",
    "p-ahmed,OPPOSED",
    "p-maria,ACTIVE_NOT_ACTIVATED",
    "p-louis,ACTIVE",
    "p-fatima,CLOSED",
    "p-pierre,CLOSED_DELETION_REQUESTED",
    "p-yves,SUSPENDED",
    "p-raymond,ANNOUNCED"
  })
  void everyDemoStateReadsBackWithItsDates(String person, String state) {
    AccountStatus account = sandbox.api().account(session, sittingFor(person));
    assertThat(account.state()).isEqualTo(state);
    LocalDate today = LocalDate.of(2026, 11, 29);
    switch (state) {
      case "ANNOUNCED", "OPPOSED" -> assertThat(account.oppositionDeadline()).isAfter(today);
      case "CLOSED" ->
          assertThat(account.archiveEnd()).isEqualTo(today.minusDays(365).plusYears(10));
      case "CLOSED_DELETION_REQUESTED" ->
          assertThat(account.deletionDue()).isEqualTo(today.minusDays(20).plusMonths(3));
      default -> assertThat(account.oppositionDeadline()).isNull();
    }
  }

  @Test
  void tellsWhatIsPossibleAndWhatThisDelegationMayDo() {
    AccountStatus jeanne = sandbox.api().account(session, sittingFor("p-jeanne"));
    assertThat(jeanne.possibleActions()).containsExactlyInAnyOrder("RECORD_OPPOSITION", "ACTIVATE");
    assertThat(jeanne.allowedActions()).isEmpty(); // account:read only
    assertThat(jeanne.daysLeftToOppose()).isEqualTo(32L);
    assertThat(jeanne.contactChannel()).isEqualTo("EMAIL");
    assertThat(sandbox.api().account(session, sittingFor("p-raymond")).contactChannel())
        .isEqualTo("LETTER");
  }

  @Test
  void signsAStatementAnyoneCanVerifyWithThePublicKey() throws Exception {
    Receipt statement =
        sandbox.api().statusStatement(session, sittingFor("p-fatima"), IdempotencyKey.random());
    String[] parts = statement.signed().split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
    JsonNode json = Json.mapper().readTree(payload);
    assertThat(json.get("state").asText()).isEqualTo("CLOSED");
    assertThat(json.get("person").asText()).isEqualTo("Fatima H. (1948)");
    assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("248012A");

    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(publicKey());
    verifier.update(payload);
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();

    verifier.initVerify(publicKey());
    verifier.update(
        new String(payload, StandardCharsets.UTF_8)
            .replace("CLOSED", "ACTIVE")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isFalse();
    assertThat(sandbox.journal("person:p-fatima")).contains("STATUS_STATEMENT_ISSUED OK");
  }

  static PublicKey publicKey() throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.server().url() + "v1/keys")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    byte[] der = Base64.getDecoder().decode(Json.mapper().readTree(body).get("publicKey").asText());
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }
}
