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

  /** Louis writes {@code content} in {@code section}, based on the version he has seen. */
  ProfileSection write(String section, int basedOn, JsonNode content) {
    return write(louis, section, basedOn, content);
  }

  ProfileSection write(DemoSandbox.Sitting s, String section, int basedOn, JsonNode content) {
    return sandbox
        .api()
        .writeProfileSection(
            s.session(), s.delegation(), section, basedOn, content, IdempotencyKey.random());
  }

  ProfileSection read(String section) {
    return sandbox.api().profileSection(louis.session(), louis.delegation(), section);
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
    ProfileSection empty = read("allergies");
    assertThat(empty.version()).isZero();
    assertThat(empty.content().isEmpty()).isTrue();
    ProfileSection v1 = write("allergies", 0, allergies("Pénicilline"));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(sandbox.api().verifyReceipt(v1.receipt().signed()).payload())
        .containsEntry("section", "allergies");
    ProfileSection read = read("allergies");
    assertThat(read.content()).isEqualTo(allergies("Pénicilline"));
    assertThat(read.version()).isEqualTo(1);
  }

  @Test
  void aWriteBasedOnAnOldVersionIsRefusedWithTheCurrentOne() {
    write("allergies", 0, allergies("Pénicilline"));
    assertThatThrownBy(() -> write("allergies", 0, allergies("Arachide")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(412);
              assertThat(e.problem().slug()).isEqualTo("profile-changed");
              assertThat(e.problem().params()).containsEntry("currentVersion", 1);
              JsonNode current = Json.mapper().valueToTree(e.problem().params().get("current"));
              assertThat(current).isEqualTo(allergies("Pénicilline"));
            });
    assertThat(read("allergies").content()).isEqualTo(allergies("Pénicilline"));
  }

  /** A request to {@code url} with Louis's session and delegation, as a script sends it. */
  HttpRequest.Builder asLouis(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + louis.session().token())
        .header(Headers.DELEGATION, louis.delegation().token());
  }

  @Test
  void theEtagHeaderIsTheVersionAndAWriteWithoutIfMatchIsRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String url = sandbox.server().url() + "v1/persons/p-louis/profile/blood-group";
    HttpResponse<String> get =
        http.send(asLouis(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.headers().firstValue("ETag")).hasValue("\"0\"");
    HttpResponse<String> put =
        http.send(
            asLouis(url)
                .header(Headers.IDEMPOTENCY_KEY, "k1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"O+\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(428);
    HttpResponse<String> ok =
        http.send(
            asLouis(url)
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
    assertThatThrownBy(() -> read("horoscope"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.problem().slug()).isEqualTo("profile-section-unknown"));
    assertThatThrownBy(() -> write("allergies", 0, Json.mapper().createArrayNode()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("profile-invalid"));
  }

  @Test
  void aStatementSignsTheVersionOfEverySectionAndAHashOfTheirContents() throws Exception {
    var api = sandbox.api();
    write("allergies", 0, allergies("Kiwi"));
    var first = api.profileStatement(louis.session(), louis.delegation(), IdempotencyKey.random());
    assertThat(first.kind()).isEqualTo("profile-statement");
    assertThat(api.verifyReceipt(first.signed()).valid()).isTrue();
    var facts = first.payload();
    assertThat(String.valueOf(facts.get("sections"))).contains("allergies=1");
    assertThat(facts).containsKeys("sha256", "mediator", "structure");
    write("allergies", 1, allergies("Kiwi", "Arachide"));
    var second =
        api.profileStatement(louis.session(), louis.delegation(), IdempotencyKey.random())
            .payload();
    assertThat(String.valueOf(second.get("sections"))).contains("allergies=2");
    assertThat(second.get("sha256")).isNotEqualTo(facts.get("sha256"));
    assertThat(sandbox.journal("person:p-louis")).contains("PROFILE_STATEMENT_ISSUED OK");
  }

  @Test
  void aWriteOnlyDelegationLearnsTheVersionOfAConflictNotItsAnswers() {
    write("allergies", 0, allergies("latex"));
    DemoSandbox.Sitting writeOnly = sandbox.open("p-louis", "profile:write");
    var conflict =
        fr.guichet.testing.Refused.with(
            "profile-changed", 412, () -> write(writeOnly, "allergies", 0, allergies("pollen")));
    assertThat(conflict.params()).containsEntry("currentVersion", 1).doesNotContainKey("current");
    var seen =
        fr.guichet.testing.Refused.with(
            "profile-changed", 412, () -> write("allergies", 0, allergies("pollen")));
    assertThat(seen.params()).containsKey("current");
  }
}
