package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Json;
import fr.guichet.contract.ProfileSection;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Documents by category, and profile sections that are never overwritten unseen. */
class RecordsTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  DemoSandbox.Sitting louis;

  @BeforeEach
  void start() {
    louis = sandbox.open("p-louis", "documents:read", "profile:read", "profile:write");
  }

  ObjectNode allergies(String... names) {
    ObjectNode node = Json.mapper().createObjectNode().put("form", 1).put("status", "filled");
    var list = node.putArray("entries");
    for (String n : names) {
      list.addObject().putObject("name").put("other", n);
    }
    return node;
  }

  @Test
  void listsDocumentsByCategoryAndGivesTheirPdf() {
    List<DocumentInfo> docs = sandbox.api().documents(louis.session(), louis.delegation());
    assertThat(docs)
        .extracting(DocumentInfo::category)
        .containsExactly("Ordonnances et soins", "Résultats de biologie");
    byte[] pdf =
        sandbox.api().document(louis.session(), louis.delegation(), docs.get(0).documentId());
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(pdf).hasSize((int) docs.get(0).sizeBytes());
    assertThatThrownBy(
            () -> sandbox.api().document(louis.session(), louis.delegation(), "doc-emma-1"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("document-unknown"));
  }

  @Test
  void anEmptySectionIsVersionZeroAndEachWriteMakesTheNextVersion() {
    ProfileSection empty =
        sandbox.api().profileSection(louis.session(), louis.delegation(), "allergies");
    assertThat(empty.version()).isZero();
    assertThat(empty.content().isEmpty()).isTrue();
    ProfileSection v1 =
        sandbox
            .api()
            .writeProfileSection(
                louis.session(),
                louis.delegation(),
                "allergies",
                0,
                allergies("Pénicilline"),
                IdempotencyKey.random());
    assertThat(v1.version()).isEqualTo(1);
    assertThat(sandbox.api().verifyReceipt(v1.receipt().signed()).payload())
        .containsEntry("section", "allergies");
    ProfileSection read =
        sandbox.api().profileSection(louis.session(), louis.delegation(), "allergies");
    assertThat(read.content()).isEqualTo(allergies("Pénicilline"));
    assertThat(read.version()).isEqualTo(1);
  }

  @Test
  void aWriteBasedOnAnOldVersionIsRefusedWithTheCurrentOne() {
    sandbox
        .api()
        .writeProfileSection(
            louis.session(),
            louis.delegation(),
            "allergies",
            0,
            allergies("Pénicilline"),
            IdempotencyKey.random());
    assertThatThrownBy(
            () ->
                sandbox
                    .api()
                    .writeProfileSection(
                        louis.session(),
                        louis.delegation(),
                        "allergies",
                        0,
                        allergies("Arachide"),
                        IdempotencyKey.random()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(412);
              assertThat(e.problem().slug()).isEqualTo("profile-changed");
              assertThat(e.problem().params()).containsEntry("currentVersion", 1);
              JsonNode current = Json.mapper().valueToTree(e.problem().params().get("current"));
              assertThat(current).isEqualTo(allergies("Pénicilline"));
            });
    assertThat(
            sandbox
                .api()
                .profileSection(louis.session(), louis.delegation(), "allergies")
                .content())
        .isEqualTo(allergies("Pénicilline"));
  }

  @Test
  void theEtagHeaderIsTheVersionAndAWriteWithoutIfMatchIsRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String url = sandbox.server().url() + "v1/persons/p-louis/profile/blood-group";
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + louis.session().token())
                .header(Headers.DELEGATION, louis.delegation().token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.headers().firstValue("ETag")).hasValue("\"0\"");
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + louis.session().token())
                .header(Headers.DELEGATION, louis.delegation().token())
                .header(Headers.IDEMPOTENCY_KEY, "k1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"O+\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(428);
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + louis.session().token())
                .header(Headers.DELEGATION, louis.delegation().token())
                .header(Headers.IDEMPOTENCY_KEY, "k2")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"O+\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("ETag")).hasValue("\"1\"");
  }

  @Test
  void refusesUnknownSectionsAndContentThatIsNotAnObject() {
    assertThatThrownBy(
            () -> sandbox.api().profileSection(louis.session(), louis.delegation(), "horoscope"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.problem().slug()).isEqualTo("profile-section-unknown"));
    assertThatThrownBy(
            () ->
                sandbox
                    .api()
                    .writeProfileSection(
                        louis.session(),
                        louis.delegation(),
                        "allergies",
                        0,
                        Json.mapper().createArrayNode(),
                        IdempotencyKey.random()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("profile-invalid"));
  }

  @Test
  void aStatementSignsTheVersionOfEverySectionAndAHashOfTheirContents() throws Exception {
    var api = sandbox.api();
    api.writeProfileSection(
        louis.session(),
        louis.delegation(),
        "allergies",
        0,
        allergies("Kiwi"),
        IdempotencyKey.random());
    var first = api.profileStatement(louis.session(), louis.delegation(), IdempotencyKey.random());
    assertThat(first.kind()).isEqualTo("profile-statement");
    assertThat(api.verifyReceipt(first.signed()).valid()).isTrue();
    var facts = first.payload();
    assertThat(String.valueOf(facts.get("sections"))).contains("allergies=1");
    assertThat(facts).containsKeys("sha256", "mediator", "structure");
    api.writeProfileSection(
        louis.session(),
        louis.delegation(),
        "allergies",
        1,
        allergies("Kiwi", "Arachide"),
        IdempotencyKey.random());
    var second =
        api.profileStatement(louis.session(), louis.delegation(), IdempotencyKey.random())
            .payload();
    assertThat(String.valueOf(second.get("sections"))).contains("allergies=2");
    assertThat(second.get("sha256")).isNotEqualTo(facts.get("sha256"));
    assertThat(sandbox.journal("person:p-louis")).contains("PROFILE_STATEMENT_ISSUED OK");
  }

  @Test
  void aWriteOnlyDelegationLearnsTheVersionOfAConflictNotItsAnswers() {
    sandbox
        .api()
        .writeProfileSection(
            louis.session(),
            louis.delegation(),
            "allergies",
            0,
            allergies("latex"),
            IdempotencyKey.random());
    DemoSandbox.Sitting writeOnly = sandbox.open("p-louis", "profile:write");
    var conflict =
        fr.guichet.testing.Refused.with(
            "profile-changed",
            412,
            () ->
                sandbox
                    .api()
                    .writeProfileSection(
                        writeOnly.session(),
                        writeOnly.delegation(),
                        "allergies",
                        0,
                        allergies("pollen"),
                        IdempotencyKey.random()));
    assertThat(conflict.params()).containsEntry("currentVersion", 1).doesNotContainKey("current");
    var seen =
        fr.guichet.testing.Refused.with(
            "profile-changed",
            412,
            () ->
                sandbox
                    .api()
                    .writeProfileSection(
                        louis.session(),
                        louis.delegation(),
                        "allergies",
                        0,
                        allergies("pollen"),
                        IdempotencyKey.random()));
    assertThat(seen.params()).containsKey("current");
  }
}
