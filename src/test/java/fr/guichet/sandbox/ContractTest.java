package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Json;
import fr.guichet.testing.DemoSandbox;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract ({@code openapi/guichet.yaml}) and the server agree: every route of one is in the
 * other, and real responses of every route, successes and refusals, validate against the contract's
 * schemas with a JSON Schema 2020-12 validator (OpenAPI 3.1 schemas are JSON Schema).
 */
class ContractTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static JsonNode contract;
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<String> checked = new ArrayList<>();

  /**
   * JSON Schema 2020-12, where {@code components} carries the contract's schemas for references.
   */
  static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b ->
              b.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                      .keyword(new NonValidationKeyword("components"))
                      .build()));

  @BeforeAll
  static void start() throws Exception {
    try (InputStream in =
        ContractTest.class.getClassLoader().getResourceAsStream("openapi/guichet.yaml")) {
      contract = YAML.readTree(in);
    }
  }

  @Test
  void everyRouteOfTheServerIsInTheContractAndTheReverse() {
    Set<String> server = new TreeSet<>();
    sandbox.server().routes().forEach(r -> server.add(r.method() + " " + r.path()));
    assertThat(server).isEqualTo(documentedOperations());
  }

  record Exchange(String method, String path, int status, String contentType, String body) {}

  static Exchange call(String method, String path, Object body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.server().url() + path.substring(1)));
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    Exchange e =
        new Exchange(
            method,
            path,
            r.statusCode(),
            r.headers().firstValue("Content-Type").orElse(""),
            r.body());
    validate(e);
    return e;
  }

  static Map<String, String> as(DemoSandbox.Sitting s) {
    return Map.of(
        "Authorization",
        "Bearer " + s.session().token(),
        Headers.DELEGATION,
        s.delegation().token(),
        Headers.IDEMPOTENCY_KEY,
        UUID.randomUUID().toString());
  }

  static Map<String, String> mediator(String token) {
    return Map.of(
        "Authorization", "Bearer " + token, Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
  }

  /** Asks the server to identify a person by NIR, birth date and the given Vitale serial. */
  static Exchange identify(DemoSandbox.Papers person, String vitaleSerial, String token)
      throws Exception {
    return call(
        "POST",
        "/v1/identifications",
        Map.of(
            "method",
            "NIR_BIRTHDATE_VITALE",
            "nir",
            person.nir(),
            "birthDate",
            person.birth().toString(),
            "vitaleSerial",
            vitaleSerial),
        mediator(token));
  }

  @Test
  void realResponsesOfEveryRouteValidateAgainstTheContract() throws Exception {
    call("GET", "/v1/health", null, Map.of());
    call("GET", "/v1/health/live", null, Map.of());
    call("GET", "/v1/health/ready", null, Map.of());
    call("GET", "/v1/keys", null, Map.of());
    call("POST", "/v1/sessions", Map.of("login", "x", "password", "y", "totp", "123456"), Map.of());
    call(
        "POST",
        "/v1/sessions",
        Map.of(
            "login",
            DemoSandbox.LOGIN,
            "password",
            DemoSandbox.PASSWORD,
            "totp",
            sandbox.freshTotp()),
        Map.of());
    String token = sandbox.session().token();
    call("GET", "/v1/structure/journal", null, mediator(token));
    call("GET", "/v1/demo/outbox", null, mediator(token));
    call("GET", "/v1/demo/outbox", null, mediator(sandbox.managerSession().token()));
    DemoSandbox.Papers jeanne = DemoSandbox.PEOPLE.get("p-jeanne");
    identify(jeanne, "1", token);
    Exchange idn = identify(jeanne, jeanne.vitale(), token);
    String idnId = Json.mapper().readTree(idn.body()).get("identificationId").asText();
    Exchange challenge =
        call(
            "POST",
            "/v1/identifications/contact-codes",
            Map.of("nir", jeanne.nir(), "birthDate", jeanne.birth().toString()),
            mediator(token));
    call(
        "POST",
        "/v1/identifications/" + idnId + "/proofs",
        Map.of(
            "method",
            "CONTACT_CODE",
            "code",
            sandbox.lastCode("p-jeanne"),
            "challengeId",
            Json.mapper().readTree(challenge.body()).get("challengeId").asText()),
        mediator(token));
    call(
        "POST",
        "/v1/consents",
        Map.of(
            "identificationId",
            idnId,
            "scopes",
            List.of("account:read"),
            "durationMinutes",
            99,
            "language",
            "fr",
            "textVersion",
            "v1",
            "personConfirmed",
            true,
            "mediatorAttestsPresence",
            true),
        mediator(token));

    DemoSandbox.Sitting j =
        sandbox.open(
            "p-jeanne",
            "account:read",
            "opposition:write",
            "journal:read",
            "record:close",
            "documents:read",
            "profile:read",
            "profile:write",
            "sharing:manage",
            "account:activate");
    String me = "/v1/persons/p-jeanne";
    call("GET", me + "/account", null, as(j));
    call("POST", me + "/status-statements", null, as(j));
    call("POST", me + "/profile-statements", null, as(j));
    call("POST", me + "/opposition", null, as(j));
    call("DELETE", me + "/opposition", null, as(j));
    call("POST", me + "/creation-request", null, as(j));
    call("POST", me + "/activation", Map.of("code", "JM4K-7P2Q"), as(j));
    call("POST", me + "/closure", Map.of("withDeletion", false), as(j));
    call("POST", me + "/deletion-request", null, as(j));
    Exchange reopened = call("POST", me + "/reopening", null, as(j));
    call("POST", me + "/caregivers", caregiver("p-alain", "Roux", "Alain"), as(j));
    call("POST", me + "/caregivers", caregiver("p-alain", "Roux", "Alain"), as(j));
    call("DELETE", me + "/caregivers/p-alain", null, as(j));
    call("GET", me + "/documents", null, as(j));
    call("GET", me + "/documents/nope", null, as(j));
    call("GET", me + "/profile/allergies", null, as(j));
    Map<String, String> put = new java.util.HashMap<>(as(j));
    put.put("If-Match", "\"0\"");
    call("PUT", me + "/profile/allergies", Map.of("allergies", List.of()), put);
    put.put(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
    assertThat(call("PUT", me + "/profile/allergies", Map.of("allergies", List.of()), put).status())
        .isEqualTo(412);
    call("GET", me + "/profile/nope", null, as(j));
    call("GET", me + "/journal", null, as(j));
    call("GET", "/v1/persons/p-louis/account", null, as(j));
    DemoSandbox.Sitting louis = sandbox.open("p-louis", "documents:read");
    Exchange docs = call("GET", "/v1/persons/p-louis/documents", null, as(louis));
    call(
        "GET",
        "/v1/persons/p-louis/documents/"
            + Json.mapper().readTree(docs.body()).get(0).get("documentId").asText(),
        null,
        as(louis));
    DemoSandbox.Sitting forEmma = sandbox.openFor("p-louis", "p-emma", "sharing:manage");
    DemoSandbox.Papers claire = DemoSandbox.PEOPLE.get("p-claire");
    Exchange invited =
        call(
            "POST",
            "/v1/persons/p-emma/shares",
            Map.of(
                "nir",
                claire.nir(),
                "lastName",
                "Morel",
                "firstName",
                "Claire",
                "birthDate",
                claire.birthDate()),
            as(forEmma));
    String shareId =
        Json.mapper()
            .readTree(invited.body())
            .get("account")
            .get("shares")
            .get(0)
            .get("shareId")
            .asText();
    DemoSandbox.Sitting claireHerself = sandbox.open("p-claire", "sharing:manage");
    String claireShares = "/v1/persons/p-claire/shares/" + shareId;
    call("POST", claireShares + "/acceptance", null, as(claireHerself));
    call("POST", claireShares + "/refusal", null, as(claireHerself));
    call("DELETE", "/v1/persons/p-emma/shares/" + shareId, null, as(forEmma));
    call("DELETE", "/v1/persons/p-emma/shares/" + shareId, null, as(forEmma));
    call(
        "DELETE",
        "/v1/identifications/" + forEmma.identification().identificationId(),
        null,
        mediator(token));
    call("DELETE", "/v1/identifications/idn-nope", null, mediator(token));
    String receipt = Json.mapper().readTree(reopened.body()).get("receipt").get("signed").asText();
    call("POST", "/v1/receipts/verify", Map.of("signed", receipt), Map.of());
    call("POST", "/v1/receipts/verify", Map.of("signed", "x.y"), Map.of());
    assertThat(call("GET", "/verify?r=" + receipt, null, Map.of()).body())
        .contains("Ce reçu est vrai", "Jeanne M. (1950)");
    assertThat(call("GET", "/verify?r=" + receipt.replace('a', 'b'), null, Map.of()).body())
        .contains("Ce reçu n’est pas vrai");
    call("DELETE", "/v1/delegations/" + j.delegation().delegationId(), null, mediator(token));
    call("GET", me + "/account", null, as(j));
    String operator =
        sandbox.loginAs(DemoSandbox.OPERATOR_LOGIN, DemoSandbox.OPERATOR_SECRET).token();
    call("POST", "/v1/operator/persons/p-louis/suspension", null, mediator(operator));
    call("DELETE", "/v1/operator/persons/p-louis/suspension", null, mediator(operator));
    call("POST", "/v1/operator/persons/p-louis/suspension", null, mediator(token));
    call("DELETE", "/v1/sessions/current", null, mediator(token));
    call("DELETE", "/v1/sessions/current", null, mediator(token));

    assertThat(checked.stream().map(c -> c.substring(0, c.lastIndexOf(' '))).toList())
        .as("every documented route was exercised")
        .containsAll(
            documentedOperations().stream().filter(op -> !op.endsWith(" /openapi.yaml")).toList());
    assertThat(checked.stream().filter(c -> c.contains(" 2"))).hasSizeGreaterThan(25);
    assertThat(checked.stream().filter(c -> c.matches(".* [45]\\d\\d"))).hasSizeGreaterThan(8);
  }

  static Map<String, Object> caregiver(String id, String last, String first) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(id);
    return Map.of("nir", p.nir(), "lastName", last, "firstName", first, "birthDate", p.birthDate());
  }

  /** Every operation of the contract, as {@code METHOD /path}. */
  static Set<String> documentedOperations() {
    Set<String> ops = new TreeSet<>();
    contract
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (!method.equals("parameters")) {
                            ops.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return ops;
  }

  /**
   * Finds the operation of the contract for a real exchange and validates the body against its
   * schema.
   */
  static void validate(Exchange e) throws Exception {
    String template = null;
    for (Iterator<String> it = contract.get("paths").fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      Pattern p = Pattern.compile("^" + candidate.replaceAll("\\{[^}]+}", "[^/]+") + "$");
      if (p.matcher(e.path().split("\\?")[0]).matches()
          && contract.get("paths").get(candidate).has(e.method().toLowerCase())) {
        template = candidate;
      }
    }
    assertThat(template).as("%s %s is in the contract", e.method(), e.path()).isNotNull();
    JsonNode responses =
        contract.get("paths").get(template).get(e.method().toLowerCase()).get("responses");
    JsonNode response = resolve(responses.get(String.valueOf(e.status())));
    assertThat(response)
        .as(
            "%s %s answered %d, which the contract does not list: %s",
            e.method(), e.path(), e.status(), e.body())
        .isNotNull();
    checked.add(e.method() + " " + template + " " + e.status());
    if (!response.has("content")) {
      assertThat(e.body()).as("%s %s %d has no body", e.method(), e.path(), e.status()).isEmpty();
      return;
    }
    String mediaType = e.contentType().split(";")[0].strip();
    JsonNode content = response.get("content").get(mediaType);
    assertThat(content)
        .as(
            "%s %s %d answered %s, not in the contract",
            e.method(), e.path(), e.status(), mediaType)
        .isNotNull();
    if (content.has("schema")) {
      Set<ValidationMessage> errors =
          schema(content.get("schema")).validate(Json.mapper().readTree(e.body()));
      assertThat(errors).as("%s %s %d: %s", e.method(), e.path(), e.status(), e.body()).isEmpty();
    }
  }

  static JsonNode resolve(JsonNode node) {
    if (node != null && node.has("$ref")) {
      String[] parts = node.get("$ref").asText().substring(2).split("/");
      JsonNode target = contract;
      for (String part : parts) {
        target = target.get(part);
      }
      return target;
    }
    return node;
  }

  static JsonSchema schema(JsonNode schema) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", contract.get("components"));
    root.setAll((ObjectNode) schema.deepCopy());
    return SCHEMAS.getSchema(root);
  }

  @Test
  void theValidatorReallyRejectsWhatTheContractForbids() throws Exception {
    JsonSchema account =
        schema(Json.mapper().readTree("{\"$ref\":\"#/components/schemas/AccountStatus\"}"));
    assertThat(account.validate(Json.mapper().readTree("{\"personId\":\"p\",\"state\":\"HAPPY\"}")))
        .isNotEmpty();
    JsonSchema problem =
        schema(Json.mapper().readTree("{\"$ref\":\"#/components/schemas/Problem\"}"));
    assertThat(problem.validate(Json.mapper().readTree("{\"type\":\"about:blank\"}"))).isNotEmpty();
    Matcher ok = Pattern.compile("x").matcher("x");
    assertThat(ok.matches()).isTrue();
  }
}
