package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Json;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server checks a profile section against the same form definitions the kiosk asks with: a
 * script that sends a wrong answer gets 422 problem+json with one error per wrong answer (a JSON
 * pointer and the key of the sentence the kiosk says), nothing is written, and an entry a
 * professional confirmed is never changed nor removed.
 */
class ProfileContentTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  ProfileSection write(DemoSandbox.Sitting s, String section, long version, String content) {
    return sandbox
        .api()
        .writeProfileSection(
            s.session(), s.delegation(), section, version, json(content), IdempotencyKey.random());
  }

  /** The refusal 422 {@code profile-invalid} of a write that must not pass. */
  Problem invalid(DemoSandbox.Sitting s, String section, long version, String content) {
    return Refused.with("profile-invalid", 422, () -> write(s, section, version, content));
  }

  @Test
  void aScriptSendingWrongAnswersIsToldWhichAndWhyAndNothingIsWritten() throws Exception {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "profile:read", "profile:write");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(sandbox.server().url() + "v1/persons/p-louis/profile/measures"))
                .header("Authorization", "Bearer " + louis.session().token())
                .header(Headers.DELEGATION, louis.delegation().token())
                .header(Headers.IDEMPOTENCY_KEY, "k-measures")
                .header("If-Match", "\"0\"")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"form\":1,\"status\":\"filled\",\"answers\":{"
                            + "\"weight\":{\"value\":\"lourd\",\"unit\":\"kg\"},"
                            + "\"height\":{\"value\":400,\"unit\":\"cm\"}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    JsonNode problem = Json.mapper().readTree(r.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:guichet:problem:profile-invalid");
    assertThat(problem.get("errors"))
        .isEqualTo(
            json(
                "[{\"pointer\":\"/answers/weight\",\"messageKey\":\"form.invalid.type\",\"params\":{}},"
                    + "{\"pointer\":\"/answers/height\",\"messageKey\":\"form.invalid.number.range\","
                    + "\"params\":{\"min\":\"30\",\"max\":\"250\"}}]"));
    assertThat(
            sandbox.api().profileSection(louis.session(), louis.delegation(), "measures").version())
        .isZero();
    assertThat(sandbox.journal("person:p-louis"))
        .contains("PROFILE_WRITTEN REFUSED profile-invalid");
  }

  @Test
  void theKioskSeesTheSameErrorsThroughItsClient() {
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "profile:write");
    Problem p =
        invalid(
            louis,
            "blood-group",
            0,
            "{\"form\":1,\"status\":\"filled\",\"answers\":{\"group\":\"Z-\"}}");
    assertThat(p.errors())
        .containsExactly(new Problem.FieldError("/answers/group", "form.invalid.choice", null));
    assertThat(p.params()).containsEntry("count", 1);
  }

  @Test
  void aChildIsNeverAskedForAdvanceDirectivesWhoeverWrites() {
    DemoSandbox.Sitting forEmma = sandbox.openFor("p-louis", "p-emma", "profile:write");
    Problem p =
        invalid(
            forEmma,
            "entourage",
            0,
            "{\"form\":1,\"status\":\"filled\",\"answers\":{\"directives\":\"yes\"}}");
    assertThat(p.errors())
        .extracting(Problem.FieldError::pointer, Problem.FieldError::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/answers/directives", "form.invalid.adults-only"));
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "profile:write");
    assertThat(
            write(
                    louis,
                    "entourage",
                    0,
                    "{\"form\":1,\"status\":\"filled\",\"answers\":{\"directives\":\"yes\"}}")
                .version())
        .isEqualTo(1);
  }

  @Test
  void aVaccinationAProfessionalConfirmedIsNeitherChangedNorRemoved() {
    DemoSandbox.Sitting alain =
        sandbox.openFor("p-alain", "p-georgette", "profile:read", "profile:write");
    ProfileSection held =
        sandbox.api().profileSection(alain.session(), alain.delegation(), "vaccinations");
    assertThat(held.version()).isEqualTo(1);
    String confirmed = held.content().get("entries").get(0).toString();
    Problem changed =
        invalid(
            alain,
            "vaccinations",
            1,
            "{\"form\":1,\"status\":\"filled\",\"entries\":["
                + confirmed.replace("2019-04-02", "2020-04-02")
                + "]}");
    assertThat(changed.errors())
        .extracting(Problem.FieldError::pointer, Problem.FieldError::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/entries/0", "form.invalid.confirmed-changed"),
            org.assertj.core.groups.Tuple.tuple("/entries", "form.invalid.confirmed-removed"));
    Problem removed =
        invalid(alain, "vaccinations", 1, "{\"form\":1,\"status\":\"filled\",\"entries\":[]}");
    assertThat(removed.errors())
        .extracting(Problem.FieldError::messageKey)
        .containsExactly("form.invalid.confirmed-removed");
    // Adding a vaccination beside it is the person's right.
    ProfileSection added =
        write(
            alain,
            "vaccinations",
            1,
            "{\"form\":1,\"status\":\"filled\",\"entries\":["
                + confirmed
                + ",{\"vaccine\":\"flu\",\"date\":\"2025-10-15\"}]}");
    assertThat(added.version()).isEqualTo(2);
  }
}
