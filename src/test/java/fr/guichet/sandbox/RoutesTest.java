package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Headers;
import fr.guichet.contract.Json;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.OutboxMessage;
import fr.guichet.testing.DemoSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every route shares: a request id on every answer, and an unexpected failure logged with that
 * id, its route and the exception's type, never a message that could hold a NIR or a token; the
 * contract the server serves, valid OpenAPI 3.1 to the last keyword; the demo outbox, its manager's
 * alone.
 */
class RoutesTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String OAS_31 = "https://spec.openapis.org/oas/3.1/";

  static HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.server().url() + path.substring(1)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String requestId(HttpResponse<?> r) {
    return r.headers().firstValue(Headers.REQUEST_ID).orElse(null);
  }

  @Test
  void everyAnswerCarriesARequestIdOfItsOwn() throws Exception {
    HttpResponse<String> up = get("/v1/health", null);
    HttpResponse<String> again = get("/v1/health", null);
    HttpResponse<String> refused = get("/v1/structure/journal", null);
    HttpResponse<String> noRoute = get("/v1/nothing-here", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(requestId(up)).matches("[0-9a-f]{16}");
    assertThat(requestId(again)).matches("[0-9a-f]{16}").isNotEqualTo(requestId(up));
    assertThat(requestId(refused)).matches("[0-9a-f]{16}");
    assertThat(requestId(noRoute)).matches("[0-9a-f]{16}");
  }

  @Test
  void anUnexpectedFailureIsLoggedWithItsRequestIdRouteAndTypeButNoMessageNorToken()
      throws Exception {
    String token = sandbox.managerSession().token();
    // A table gone under the running server: the outbox route fails in a way no rule foresees.
    sandbox.update("ALTER TABLE outbox RENAME TO outbox_gone");
    try {
      StringBuilder log = new StringBuilder();
      HttpResponse<String> failed = logged(log, () -> get("/v1/demo/outbox", token));
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).contains("urn:guichet:problem:internal").doesNotContain("outbox");
      assertThat(log.toString().lines().filter(l -> l.contains(requestId(failed))))
          .singleElement()
          .asString()
          .contains("ERROR", "GET /v1/demo/outbox", IllegalStateException.class.getName())
          .contains("at fr.guichet.sandbox.")
          .doesNotContain(token)
          .doesNotContainIgnoringCase("no such table")
          .doesNotContainIgnoringCase("does not exist");
    } finally {
      sandbox.update("ALTER TABLE outbox_gone RENAME TO outbox");
    }
  }

  @Test
  void theDemoOutboxIsReadByTheManagerOfTheSenderStructureAloneAndEachReadingIsJournaled() {
    DemoSandbox.Papers louis = DemoSandbox.PEOPLE.get("p-louis");
    DemoSandbox.Papers jeanne = DemoSandbox.PEOPLE.get("p-jeanne");
    MediatorSession mediator = sandbox.session();
    sandbox
        .api()
        .contactCode(
            mediator, new ContactCodeRequest(louis.nir(), louis.birth()), IdempotencyKey.random());
    MediatorSession other = sandbox.loginAs(DemoSandbox.OTHER_LOGIN, DemoSandbox.OTHER_SECRET);
    sandbox
        .api()
        .contactCode(
            other, new ContactCodeRequest(jeanne.nir(), jeanne.birth()), IdempotencyKey.random());
    MediatorSession operator =
        sandbox.loginAs(DemoSandbox.OPERATOR_LOGIN, DemoSandbox.OPERATOR_SECRET);

    for (MediatorSession notTheManager : List.of(mediator, other, operator)) {
      assertThatThrownBy(() -> sandbox.api().outbox(notTheManager))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.problem().slug()).isEqualTo("role-required"));
    }
    List<OutboxMessage> read = sandbox.api().outbox(sandbox.managerSession());
    assertThat(read)
        .extracting(OutboxMessage::personId)
        .contains("p-louis")
        .doesNotContain("p-jeanne");
    assertThat(sandbox.journal("mediator:m-nadia")).contains("OUTBOX_READ OK");
    assertThat(sandbox.journal("mediator:m-camille")).contains("OUTBOX_READ REFUSED role-required");
  }

  @Test
  void describesAFailureByTypesAndPlacesWithoutItsMessages() {
    String nir = DemoSandbox.PEOPLE.get("p-jeanne").nir();
    IllegalStateException failure =
        new IllegalStateException(
            "Database error: duplicate key (nir)=(" + nir + ")",
            new SQLException("Key (nir)=(" + nir + ") already exists", "23505"));
    String described = Routes.withoutMessages(failure);
    assertThat(described)
        .startsWith(IllegalStateException.class.getName() + " at fr.guichet.sandbox.RoutesTest.")
        .contains(" <- " + SQLException.class.getName() + " at fr.guichet.sandbox.RoutesTest.")
        .doesNotContain(nir)
        .doesNotContain("duplicate");
  }

  @Test
  void theContractItServesIsValidOpenApi31WithNoUnknownKeyword() throws Exception {
    HttpResponse<String> served = get("/openapi.yaml", null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(openApi31Problems(YAML.readTree(served.body()))).isEmpty();
  }

  @Test
  void theCheckFindsADescriptionBrokenByACommaAndAFieldOpenApiDoesNotHave() throws Exception {
    JsonNode broken =
        YAML.readTree(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /x:
                get:
                  sumary: a field no operation has
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: string, description: 8 digits, or the last 11.}
            """);
    assertThat(openApi31Problems(broken))
        .anySatisfy(p -> assertThat(p).contains("sumary"))
        .anySatisfy(p -> assertThat(p).isEqualTo("unknown keyword in a schema: or the last 11."));
  }

  /**
   * What is wrong with an OpenAPI 3.1 document: what the specification's own JSON schema refuses
   * (vertx-openapi ships it), and every keyword of its Schema Objects that the OpenAPI dialect of
   * JSON Schema does not know (JSON Schema itself would only warn).
   */
  static List<String> openApi31Problems(JsonNode document) {
    Set<String> unknown = new TreeSet<>();
    JsonMetaSchema dialect =
        JsonMetaSchema.builder(OpenApi31.getInstance())
            .unknownKeywordFactory(
                (keyword, context) -> {
                  unknown.add(keyword);
                  return new AnnotationKeyword(keyword);
                })
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b ->
                b.metaSchema(dialect)
                    .schemaMappers(
                        m -> m.mapPrefix(OAS_31, "classpath:spec.openapis.org/oas/3.1/")));
    List<String> problems = new ArrayList<>();
    factory
        .getSchema(SchemaLocation.of(OAS_31 + "schema-base/2022-10-07"))
        .validate(document)
        .forEach(m -> problems.add(m.toString()));
    factory.getSchema(everySchemaObject(document, dialect.getIri())).initializeValidators();
    unknown.forEach(k -> problems.add("unknown keyword in a schema: " + k));
    return problems;
  }

  /**
   * One schema holding every Schema Object of a document, so that compiling it meets each keyword:
   * the components' schemas as {@code $defs} (references rewritten to match), and every schema of a
   * parameter, header or content.
   */
  static JsonNode everySchemaObject(JsonNode document, String dialect) {
    ObjectNode root = Json.mapper().createObjectNode().put("$schema", dialect);
    ArrayNode all = root.putArray("allOf");
    JsonNode components = document.path("components").path("schemas");
    if (components.isObject()) {
      root.set("$defs", components.deepCopy());
      components.fieldNames().forEachRemaining(n -> all.addObject().put("$ref", "#/$defs/" + n));
    }
    collectSchemas(document, all);
    return rewriteRefs(root);
  }

  private static void collectSchemas(JsonNode node, ArrayNode into) {
    node.properties()
        .forEach(
            field -> {
              if (field.getKey().equals("schema") && field.getValue().isObject()) {
                into.add(field.getValue().deepCopy());
              } else if (!field.getKey().equals("schemas") && field.getValue().isContainerNode()) {
                collectSchemas(field.getValue(), into);
              }
            });
    if (node.isArray()) {
      node.forEach(item -> collectSchemas(item, into));
    }
  }

  private static JsonNode rewriteRefs(JsonNode node) {
    try {
      String text = Json.mapper().writeValueAsString(node);
      return Json.mapper().readTree(text.replace("\"#/components/schemas/", "\"#/$defs/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a request and appends what the server logged meanwhile: slf4j-simple writes to standard
   * error, or to the file the kiosk names if it was named before the first log line of this JVM.
   */
  static <T> T logged(StringBuilder log, Callable<T> work) throws Exception {
    String named = System.getProperty("org.slf4j.simpleLogger.logFile");
    Path file = named == null || named.startsWith("System.") ? null : Path.of(named);
    long skip = file != null && Files.exists(file) ? Files.size(file) : 0;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return work.call();
    } finally {
      System.setErr(saved);
      log.append(err.toString(StandardCharsets.UTF_8));
      if (file != null && Files.exists(file)) {
        log.append(tail(file, skip));
      }
    }
  }

  private static String tail(Path file, long skip) {
    try {
      byte[] all = Files.readAllBytes(file);
      return new String(
          all,
          (int) Math.min(skip, all.length),
          (int) Math.max(0, all.length - skip),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
