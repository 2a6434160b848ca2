package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.api.Receipt;
import fr.guichet.api.ReceiptCheck;
import fr.guichet.testing.DemoSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {
  @TempDir static Path data;
  static DemoSandbox sandbox;
  static DemoSandbox.Sitting sitting;

  @BeforeAll
  static void start() {
    sandbox = new DemoSandbox(data);
    sitting = sandbox.open("p-jeanne", "account:read");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aConsentComesWithASignedReceiptAnyoneCanCheck() {
    ReceiptCheck check = sandbox.api.verifyReceipt(sitting.delegation().receipt().signed());
    assertThat(check.valid()).isTrue();
    assertThat(check.payload()).containsEntry("kind", "consent").containsEntry("actingAs", "SELF")
        .containsEntry("mediator", "Camille Bernard").containsEntry("structure", "France Services Démo");
    assertThat(check.payload().get("scopes")).isEqualTo(java.util.List.of("account:read"));
    assertThat(sandbox.count("receipt")).isPositive();
  }

  @Test
  void aTamperedOrForeignReceiptIsReportedAsSuch() {
    String signed = sitting.delegation().receipt().signed();
    String[] parts = signed.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace("account:read",
        "record:close");
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[1];
    assertThat(sandbox.api.verifyReceipt(tampered)).isEqualTo(new ReceiptCheck(false, "signature", null));
    assertThat(sandbox.api.verifyReceipt("not a receipt").valid()).isFalse();
    assertThat(sandbox.api.verifyReceipt("").valid()).isFalse();
  }

  @Test
  void theStructureManagerReadsWhatTheTeamDidAndNobodyElse() {
    var manager = sandbox.loginAs(DemoSandbox.MANAGER_LOGIN, DemoSandbox.MANAGER_SECRET);
    var http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get = token -> {
      try {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.server.url() + "v1/structure/journal"))
            .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
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

  @Test
  void aReceiptSignedOutsideTheLockIsTheOneStoredWithWhatItsTransactionWrote(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
      db.tx(c -> {
        DemoSeed.load(c, LocalDate.now());
        return null;
      });
      Receipts receipts = new Receipts(Clock.systemUTC(), Signer.inDirectory(dir));
      AtomicInteger runs = new AtomicInteger();
      Receipt receipt = receipts.signedOutsideTheLock(db, c -> {
        runs.incrementAndGet();
        Database.update(c, "INSERT INTO outbox (id, person_id, channel, destination, body, created_at)"
            + " VALUES ('o-1', 'p-jeanne', 'SMS', '0600000000', 'hello', '2026-11-29T09:00:00Z')");
        return receipts.issue(c, "test", People.require(c, "p-jeanne"), null, Map.of("state", "ACTIVE"));
      });
      assertThat(runs).hasValue(2); // the first run stopped at the receipt to sign and was rolled back
      assertThat(receipts.check(receipt.signed()).valid()).isTrue();
      assertThat(receipts.check(receipt.signed()).payload()).containsEntry("id", receipt.receiptId())
          .containsEntry("issuedAt", receipt.issuedAt().toString()).containsEntry("state", "ACTIVE");
      assertThat(db.<java.util.List<String>>tx(c -> Database.query(c, "SELECT signed FROM receipt WHERE id = ?", r -> r.getString(1),
          receipt.receiptId()))).containsExactly(receipt.signed());
      assertThat(db.<java.util.Optional<Integer>>tx(c -> Database.one(c, "SELECT count(*) FROM outbox WHERE id = 'o-1'", r -> r.getInt(1))))
          .contains(1);
    }
  }

  @Test
  void aReceiptWhoseContentChangesAtEveryRunIsSignedInTheTransactionInTheEnd(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
      db.tx(c -> {
        DemoSeed.load(c, LocalDate.now());
        return null;
      });
      Receipts receipts = new Receipts(Clock.systemUTC(), Signer.inDirectory(dir));
      AtomicInteger runs = new AtomicInteger();
      Receipt receipt = receipts.signedOutsideTheLock(db, c -> receipts.issue(c, "test",
          People.require(c, "p-jeanne"), null, Map.of("run", runs.incrementAndGet())));
      assertThat(runs.get()).isGreaterThan(2);
      ReceiptCheck check = receipts.check(receipt.signed());
      assertThat(check.valid()).isTrue();
      assertThat(check.payload()).containsEntry("run", runs.get());
    }
  }
}
