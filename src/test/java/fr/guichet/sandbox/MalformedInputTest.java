package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Headers;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and malformed input to the identification, consent and profile routes: never a 5xx, always
 * problem+json, and nothing written (no identification, consent, delegation or section).
 */
class MalformedInputTest {
  static Path data;
  static DemoSandbox sandbox;
  static DemoSandbox.Sitting sitting;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeContainer
  static void start() throws Exception {
    data = Files.createTempDirectory("guichet-fuzz-");
    sandbox = new DemoSandbox(data);
    sitting = sandbox.open("p-louis", "profile:read", "profile:write");
  }

  @AfterContainer
  static void stop() throws IOException {
    sandbox.close();
    try (Stream<Path> files = Files.walk(data)) { // jqwik has no @TempDir: the folder goes here
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** What the routes receive: a body that is anything but what they expect. */
  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> jsonScalars =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.just("null"),
            Arbitraries.just("true"),
            text.map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    Arbitrary<String> keys =
        Arbitraries.of(
            "method",
            "nir",
            "birthDate",
            "vitaleSerial",
            "code",
            "challengeId",
            "identificationId",
            "forPersonId",
            "scopes",
            "durationMinutes",
            "language",
            "textVersion",
            "personConfirmed",
            "mediatorAttestsPresence",
            "x");
    Arbitrary<String> member =
        Combinators.combine(
                keys,
                Arbitraries.oneOf(
                    jsonScalars,
                    Arbitraries.of(
                        "[]",
                        "{}",
                        "[1,\"a\",null]",
                        "{\"a\":{\"b\":[]}}",
                        "\"NIR_BIRTHDATE_VITALE\"",
                        "\"LETTER_CODE\"",
                        "\"CONTACT_CODE\"",
                        "\"1950-13-45\"",
                        "\"2 50 03 75 056 123 72\"",
                        "[\"account:read\",\"root\"]",
                        "-1",
                        "99999999999999999999",
                        "1e308")))
            .as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> objects =
        member.list().ofMaxSize(8).map(m -> "{" + String.join(",", m) + "}");
    return Arbitraries.oneOf(
        text,
        jsonScalars,
        objects,
        Arbitraries.of(
            "", "{", "[", "{\"nir\":", "\u0000", "{}{}", "[{}]", "{\"scopes\":\"account:read\"}"));
  }

  @Provide
  Arbitrary<String> routes() {
    return Arbitraries.of(
        "POST /v1/identifications",
        "POST /v1/identifications/contact-codes",
        "POST /v1/identifications/idn-nope/proofs",
        "POST /v1/consents",
        "PUT /v1/persons/p-louis/profile/allergies",
        "PUT /v1/persons/p-louis/profile/../../x",
        "PUT /v1/persons/p-louis/profile/allergies%00");
  }

  @Property(tries = 300)
  void neverA5xxAlwaysAProblemNothingWritten(
      @ForAll("routes") String route,
      @ForAll("bodies") String body,
      @ForAll("ifMatch") String ifMatch)
      throws Exception {
    List<Long> before = counts();
    String[] parts = route.split(" ");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.server().url() + parts[1].substring(1)))
            .header("Authorization", "Bearer " + sitting.session().token())
            .header(Headers.DELEGATION, sitting.delegation().token())
            .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .method(parts[0], HttpRequest.BodyPublishers.ofString(body));
    if (!ifMatch.isEmpty()) {
      request.header("If-Match", ifMatch);
    }
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(route + " " + body).isBetween(400, 499);
    assertThat(r.headers().firstValue("Content-Type"))
        .as(route + " " + body)
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("\"type\":\"urn:guichet:problem:");
    assertThat(counts()).as("nothing written by " + route + " " + body).isEqualTo(before);
  }

  /** If-Match values, never the right one ("0"): a valid write is not what this test sends. */
  @Provide
  Arbitrary<String> ifMatch() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.of("\"7\"", "W/\"1\"", "*", "\"-1\"", "\"x\""),
        Arbitraries.strings().alpha().ofMaxLength(10));
  }

  static List<Long> counts() {
    return List.of(
        sandbox.count("identification"),
        sandbox.count("consent"),
        sandbox.count("delegation"),
        sandbox.count("profile_section"),
        sandbox.count("contact_challenge"),
        sandbox.count("outbox"));
  }
}
