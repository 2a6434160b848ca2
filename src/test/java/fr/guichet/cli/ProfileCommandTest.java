package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.Json;
import fr.guichet.testing.DemoSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
  static final String LOUIS_NIR = "1 85 05 33 063 210 52";
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();

  @BeforeAll
  static void start() throws Exception {
    DemoSandbox.Sitting s = sandbox.open("p-louis", "profile:read", "profile:write");
    sandbox
        .api()
        .writeProfileSection(
            s.session(),
            s.delegation(),
            "allergies",
            0,
            Json.mapper()
                .readTree(
                    "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"name\":\"penicillin\",\"reactions\":[\"rash\"]}]}"),
            IdempotencyKey.random());
    sandbox
        .api()
        .writeProfileSection(
            s.session(),
            s.delegation(),
            "blood-group",
            0,
            Json.mapper()
                .readTree("{\"form\":1,\"status\":\"filled\",\"answers\":{\"group\":\"o-neg\"}}"),
            IdempotencyKey.random());
    DemoSandbox.Sitting emma =
        sandbox.openFor("p-louis", "p-emma", "profile:read", "profile:write");
    sandbox
        .api()
        .writeProfileSection(
            emma.session(),
            emma.delegation(),
            "vaccinations",
            0,
            Json.mapper()
                .readTree(
                    "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"mmr\",\"date\":\"2016-09-12\",\"dose\":\"first-dose\"}]}"),
            IdempotencyKey.random());
  }

  final Shell shell = new Shell();

  /** {@code guichet profile export --fhir}, logged in as the demo mediator. */
  int export(List<String> papers, String... more) {
    List<String> export = List.of("profile", "export", "--fhir");
    return shell.run(Shell.join(export, Shell.login(sandbox), papers, List.of(more)));
  }

  @Test
  void exportsTheProfileAsAValidFhirBundleWithTheInsUnderTheDemoOid(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("louis.json");
    int code =
        export(
            Shell.papers(LOUIS_NIR, "30/05/1985", "4567890123456"),
            "--person-present-and-agrees",
            "--out",
            file.toString());
    assertThat(code).as(shell.err.toString()).isZero();
    String json = Files.readString(file);
    assertThat(fr.guichet.fhir.FhirValidationAccess.errors(json)).isEmpty();
    JsonNode bundle = Json.mapper().readTree(json);
    assertThat(bundle.at("/entry/0/resource/identifier/0/system").asText())
        .isEqualTo("urn:oid:1.2.250.1.213.1.4.11");
    assertThat(bundle.at("/entry/0/resource/identifier/0/value").asText())
        .isEqualTo("185053306321052");
    assertThat(json).contains("\"AllergyIntolerance\"", "Pénicilline", "278148006");
    assertThat(shell.err.toString()).contains("Written: ");
    assertThat(sandbox.journal("person:p-louis"))
        .containsSubsequence(
            "CONSENT OK", "DELEGATION_OPENED OK", "PROFILE_READ OK", "DELEGATION_REVOKED OK");
    assertThat(sandbox.journal("person:p-louis").stream().filter(l -> l.equals("PROFILE_READ OK")))
        .hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void aParentExportsTheirChildsProfileToStandardOutput() throws Exception {
    int code =
        export(
            Shell.papers(LOUIS_NIR, "30/05/1985", "4567890123456"),
            "--for",
            "Emma",
            "--for-nir",
            "2 15 09 33 063 318 90",
            "--person-present-and-agrees");
    assertThat(code).as(shell.err.toString()).isZero();
    JsonNode bundle = Json.mapper().readTree(shell.out.toString());
    assertThat(bundle.at("/entry/0/resource/name/0/given/0").asText()).isEqualTo("Emma");
    assertThat(bundle.at("/entry/0/resource/birthDate").asText()).isEqualTo("2015");
    assertThat(bundle.at("/entry/0/resource/identifier/0/value").asText())
        .isEqualTo("215093306331890");
    assertThat(shell.out.toString()).contains("\"Immunization\"", "\"03\"");
    assertThat(fr.guichet.fhir.FhirValidationAccess.errors(shell.out.toString())).isEmpty();
  }

  @Test
  void aCaregiverCannotTakeACopyOfThePersonsData() {
    int code = export(Shell.papers("p-alain"), "--for", "Georgette", "--person-present-and-agrees");
    assertThat(code).isEqualTo(1);
    assertThat(shell.err.toString()).contains("A caregiver cannot take a copy");
    assertThat(sandbox.journal("person:p-georgette")).doesNotContain("PROFILE_READ OK");
  }

  @Test
  void withoutTheConsentNothingIsRead() {
    int code = export(Shell.papers(LOUIS_NIR, "30/05/1985", "4567890123456"));
    assertThat(code).isEqualTo(1);
    assertThat(shell.err.toString()).contains("No consent: nothing was read.");
  }

  @Test
  void aRefusalIsSaidInPlainWords() {
    int code =
        export(
            Shell.papers("1 85 05 33 063 210 53", "30/05/1985", "4567890123456"),
            "--person-present-and-agrees");
    assertThat(code).isEqualTo(1);
    assertThat(shell.err.toString()).contains("les 2 derniers chiffres ne correspondent pas");
  }
}
