package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Json;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route about a person, refused in every way it must be: without a session, without a
 * delegation, with an expired or revoked one, with the wrong scope, on another person's resource,
 * as a caregiver asking what a caregiver may not (closing, choosing who has access, downloading),
 * as a mediator of another structure. Each refusal has its status and its line in the person's
 * journal.
 */
class AuthorizationMatrixTest {
  /** A route about a person, the scope it needs, and a body it accepts. */
  record Route(String method, String suffix, String scope, String body) {
    String path(String personId) {
      return "/v1/persons/" + personId + "/" + suffix;
    }

    @Override
    public String toString() {
      return method + " " + suffix;
    }
  }

  static final List<Route> ROUTES =
      List.of(
          new Route("GET", "account", "account:read", null),
          new Route("POST", "status-statements", "account:read", "{}"),
          new Route("POST", "profile-statements", "profile:read", "{}"),
          new Route("POST", "opposition", "opposition:write", "{}"),
          new Route("DELETE", "opposition", "opposition:write", null),
          new Route("POST", "creation-request", "opposition:write", "{}"),
          new Route("POST", "activation", "account:activate", "{\"code\":\"X\"}"),
          new Route("POST", "closure", "record:close", "{\"withDeletion\":false}"),
          new Route("POST", "deletion-request", "record:close", "{}"),
          new Route("POST", "reopening", "record:close", "{}"),
          new Route("POST", "caregivers", "sharing:manage", "{\"nir\":\"x\"}"),
          new Route("DELETE", "caregivers/p-alain", "sharing:manage", null),
          new Route("POST", "shares", "sharing:manage", "{\"nir\":\"x\"}"),
          new Route("POST", "shares/shr-x/acceptance", "sharing:manage", "{}"),
          new Route("POST", "shares/shr-x/refusal", "sharing:manage", "{}"),
          new Route("DELETE", "shares/shr-x", "sharing:manage", null),
          new Route("GET", "documents", "documents:read", null),
          new Route("GET", "documents/doc-louis-1", "documents:read", null),
          new Route("GET", "profile/allergies", "profile:read", null),
          new Route("PUT", "profile/allergies", "profile:write", "{}"),
          new Route("GET", "journal", "journal:read", null));

  static final List<String> CAREGIVER_FORBIDDEN = List.of("record:close", "sharing:manage");

  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static final Sittings sittings = new Sittings(sandbox);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Stream<Route> routes() {
    return ROUTES.stream();
  }

  record Answer(int status, String slug) {}

  static Answer call(Route route, String personId, String sessionToken, String delegationToken)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(sandbox.server().url() + route.path(personId).substring(1)))
            .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
            .header("If-Match", "\"0\"");
    if (sessionToken != null) {
      b.header("Authorization", "Bearer " + sessionToken);
    }
    if (delegationToken != null) {
      b.header(Headers.DELEGATION, delegationToken);
    }
    b.method(
        route.method(),
        route.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(route.body()));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String slug =
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
            ? Json.mapper()
                .readTree(r.body())
                .get("type")
                .asText()
                .replace("urn:guichet:problem:", "")
            : "";
    return new Answer(r.statusCode(), slug);
  }

  static Delegation delegation(String personId, String forPersonId, int minutes, String... scopes) {
    var who = sandbox.identify(personId);
    if (List.of(scopes).contains("record:close")) {
      who = sandbox.strengthen(who);
    }
    return sittings.consentFor(who, forPersonId, minutes, scopes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyRefusalHasItsStatusAndItsJournalLine(Route route) throws Exception {
    String session = sandbox.session().token();
    String otherScope = route.scope().equals("account:read") ? "journal:read" : "account:read";
    Delegation right = delegation("p-jeanne", null, 30, route.scope());
    Delegation wrongScope = delegation("p-jeanne", null, 30, otherScope);
    Delegation revoked = delegation("p-jeanne", null, 30, route.scope());
    sandbox.api().revoke(sandbox.session(), revoked, IdempotencyKey.random());
    Delegation shortLived = delegation("p-jeanne", null, 1, route.scope());

    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("no session", call(route, "p-jeanne", null, right.token()));
    answers.put("no delegation", call(route, "p-jeanne", session, null));
    answers.put("forged delegation", call(route, "p-jeanne", session, "forged-" + right.token()));
    answers.put("revoked", call(route, "p-jeanne", session, revoked.token()));
    answers.put("wrong scope", call(route, "p-jeanne", session, wrongScope.token()));
    answers.put("another person", call(route, "p-louis", session, right.token()));
    MediatorSession otherStructure =
        sandbox.loginAs(DemoSandbox.OTHER_LOGIN, DemoSandbox.OTHER_SECRET);
    answers.put(
        "another structure", call(route, "p-jeanne", otherStructure.token(), right.token()));
    sandbox.clock().advance(Duration.ofMinutes(2));
    answers.put("expired", call(route, "p-jeanne", session, shortLived.token()));

    assertThat(answers)
        .containsExactly(
            Map.entry("no session", new Answer(401, "session-required")),
            Map.entry("no delegation", new Answer(401, "delegation-required")),
            Map.entry("forged delegation", new Answer(401, "delegation-required")),
            Map.entry("revoked", new Answer(401, "delegation-revoked")),
            Map.entry("wrong scope", new Answer(403, "scope-missing")),
            Map.entry("another person", new Answer(403, "wrong-person")),
            Map.entry("another structure", new Answer(403, "delegation-not-yours")),
            Map.entry("expired", new Answer(401, "delegation-expired")));

    List<String> jeanne = sandbox.journal("person:p-jeanne");
    String action =
        jeanne.stream()
            .filter(l -> l.contains(" REFUSED delegation-revoked"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .split(" ")[0];
    // A missing or forged delegation proves nothing: counted and summarised, not in her journal.
    assertThat(jeanne)
        .as(route.toString())
        .noneMatch(l -> l.endsWith(" REFUSED delegation-required"));
    for (String slug :
        List.of(
            "delegation-revoked", "scope-missing", "delegation-not-yours", "delegation-expired")) {
      assertThat(jeanne).as(route + " journals " + slug).contains(action + " REFUSED " + slug);
    }
    assertThat(sandbox.journal("person:p-louis")).contains(action + " REFUSED wrong-person");
    assertThat(sandbox.journal("mediator:m-olivier"))
        .contains(action + " REFUSED delegation-not-yours");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void aCaregiverGetsWhatACaregiverMayAndNothingElse(Route route) throws Exception {
    if (CAREGIVER_FORBIDDEN.contains(route.scope())) {
      var who = sandbox.strengthen(sandbox.identify("p-alain"));
      var refused =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              fr.guichet.client.ApiException.class,
              () -> sittings.consentFor(who, "p-georgette", 30, route.scope()));
      assertThat(refused.problem().slug()).isEqualTo("caregiver-forbidden");
      Delegation allowed =
          delegation(
              "p-alain",
              "p-georgette",
              30,
              "account:read",
              "documents:read",
              "profile:read",
              "profile:write",
              "journal:read",
              "opposition:write",
              "account:activate");
      assertThat(call(route, "p-georgette", sandbox.session().token(), allowed.token()))
          .isEqualTo(new Answer(403, "scope-missing"));
      assertThat(sandbox.journal("person:p-georgette"))
          .contains("CONSENT REFUSED caregiver-forbidden");
    } else if (route.suffix().startsWith("documents/")
        || route.suffix().equals("profile-statements")) {
      Delegation d = delegation("p-alain", "p-georgette", 30, route.scope());
      assertThat(call(route, "p-georgette", sandbox.session().token(), d.token()))
          .as("a caregiver never downloads nor takes a signed copy of the profile")
          .isEqualTo(new Answer(403, "caregiver-forbidden"));
    } else {
      Delegation d = delegation("p-alain", "p-georgette", 30, route.scope());
      Answer answer = call(route, "p-georgette", sandbox.session().token(), d.token());
      assertThat(answer.status()).as(route + " for a caregiver: " + answer).isNotIn(401, 403);
    }
  }

  @Test
  void theMatrixCoversEveryRouteAboutAPerson() {
    long personRoutes =
        sandbox.server().routes().stream().filter(r -> r.path().startsWith("/v1/persons/")).count();
    assertThat(ROUTES).hasSize((int) personRoutes);
  }
}
