package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.ReceiptCheck;
import fr.guichet.testing.DemoSandbox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReceiptsTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static DemoSandbox.Sitting sitting;

  @BeforeAll
  static void start() {
    sitting = sandbox.open("p-jeanne", "account:read");
  }

  @Test
  void aConsentComesWithASignedReceiptAnyoneCanCheck() {
    ReceiptCheck check = sandbox.api().verifyReceipt(sitting.delegation().receipt().signed());
    assertThat(check.valid()).isTrue();
    assertThat(check.payload())
        .containsEntry("kind", "consent")
        .containsEntry("actingAs", "SELF")
        .containsEntry("mediator", "Camille Bernard")
        .containsEntry("structure", "France Services Démo");
    assertThat(check.payload().get("scopes")).isEqualTo(java.util.List.of("account:read"));
    assertThat(sandbox.count("receipt")).isPositive();
  }

  @Test
  void everyReceiptOfAConsentSaysItsLanguageAndTheCountersZone() {
    var who = sandbox.identify("p-jeanne");
    var d =
        sandbox
            .api()
            .consent(
                sandbox.session(),
                fr.guichet.contract.ConsentRequest.forSelf(
                        who.identificationId(), java.util.List.of("account:read"), 30, "ar", "v1")
                    .at(java.time.ZoneId.of("Indian/Reunion")),
                fr.guichet.client.IdempotencyKey.random());
    assertThat(d.receipt().payload())
        .containsEntry("language", "ar")
        .containsEntry("zone", "Indian/Reunion");
    var statement =
        sandbox
            .api()
            .statusStatement(sandbox.session(), d, fr.guichet.client.IdempotencyKey.random());
    assertThat(statement.payload())
        .containsEntry("language", "ar")
        .containsEntry("zone", "Indian/Reunion");
    assertThat(sitting.delegation().receipt().payload())
        .as("a consent without a zone: the language alone")
        .containsEntry("language", "fr")
        .doesNotContainKey("zone");
  }

  @Test
  void aReceiptNamesWhereThePersonsJournalStoodWhenItWasGiven() {
    ReceiptCheck check = sandbox.api().verifyReceipt(sitting.delegation().receipt().signed());
    // Identified, consent given, delegation opened: the receipt comes after those three.
    java.util.List<String> hashes =
        sandbox.query(
            "SELECT hash FROM journal WHERE chain = 'person:p-jeanne' ORDER BY seq",
            r -> r.getString(1));
    assertThat(check.payload())
        .containsEntry("journalChain", "person:p-jeanne")
        .containsEntry("journalSeq", 3)
        .containsEntry("journalHead", hashes.get(2));
  }

  @Test
  void aTamperedOrForeignReceiptIsReportedAsSuch() {
    String signed = sitting.delegation().receipt().signed();
    String[] parts = signed.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
            .replace("account:read", "record:close");
    String tampered =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1];
    assertThat(sandbox.api().verifyReceipt(tampered))
        .isEqualTo(new ReceiptCheck(false, "signature", null));
    assertThat(sandbox.api().verifyReceipt("not a receipt").valid()).isFalse();
    assertThat(sandbox.api().verifyReceipt("").valid()).isFalse();
  }

  @Test
  void theStructureManagerReadsWhatTheTeamDidAndNobodyElse() {
    var manager = sandbox.loginAs(DemoSandbox.MANAGER_LOGIN, DemoSandbox.MANAGER_SECRET);
    var http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get =
        token -> {
          try {
            return http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.server().url() + "v1/structure/journal"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    var forManager = get.apply(manager.token());
    assertThat(forManager.statusCode()).isEqualTo(200);
    assertThat(forManager.body()).contains("LOGIN");
    var forMediator = get.apply(sitting.session().token());
    assertThat(forMediator.statusCode()).isEqualTo(403);
    assertThat(forMediator.body()).contains("role-required");
  }
}
