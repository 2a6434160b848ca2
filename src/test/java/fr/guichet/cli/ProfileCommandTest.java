package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.Guichet;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.Json;
import fr.guichet.testing.DemoSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {
  static final String LOUIS_NIR = "1 85 05 33 063 210 52";
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  StringWriter out;
  StringWriter err;

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

  @BeforeEach
  void fresh() {
    out = new StringWriter();
    err = new StringWriter();
  }

  int run(String... args) {
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  List<String> login(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "profile",
                "export",
                "--fhir",
                "--api",
                sandbox.server().url(),
                "--login",
                DemoSandbox.LOGIN,
                "--password",
                DemoSandbox.PASSWORD,
                "--totp",
                sandbox.freshTotp()));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void exportsTheProfileAsAValidFhirBundleWithTheInsUnderTheDemoOid(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("louis.json");
    int code =
        run(
            login(
                    "--nir",
                    LOUIS_NIR,
                    "--birth-date",
                    "30/05/1985",
                    "--vitale",
                    "4567890123456",
                    "--person-present-and-agrees",
                    "--out",
                    file.toString())
                .toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    String json = Files.readString(file);
    assertThat(fr.guichet.fhir.FhirValidationAccess.errors(json)).isEmpty();
    JsonNode bundle = Json.mapper().readTree(json);
    assertThat(bundle.at("/entry/0/resource/identifier/0/system").asText())
        .isEqualTo("urn:oid:1.2.250.1.213.1.4.11");
    assertThat(bundle.at("/entry/0/resource/identifier/0/value").asText())
        .isEqualTo("185053306321052");
    assertThat(json).contains("\"AllergyIntolerance\"", "Pénicilline", "278148006");
    assertThat(err.toString()).contains("Written: ");
    assertThat(sandbox.journal("person:p-louis"))
        .containsSubsequence(
            "CONSENT OK", "DELEGATION_OPENED OK", "PROFILE_READ OK", "DELEGATION_REVOKED OK");
    assertThat(sandbox.journal("person:p-louis").stream().filter(l -> l.equals("PROFILE_READ OK")))
        .hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void aParentExportsTheirChildsProfileToStandardOutput() throws Exception {
    int code =
        run(
            login(
                    "--nir",
                    LOUIS_NIR,
                    "--birth-date",
                    "30/05/1985",
                    "--vitale",
                    "4567890123456",
                    "--for",
                    "Emma",
                    "--for-nir",
                    "2 15 09 33 063 318 90",
                    "--person-present-and-agrees")
                .toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    JsonNode bundle = Json.mapper().readTree(out.toString());
    assertThat(bundle.at("/entry/0/resource/name/0/given/0").asText()).isEqualTo("Emma");
    assertThat(bundle.at("/entry/0/resource/birthDate").asText()).isEqualTo("2015");
    assertThat(bundle.at("/entry/0/resource/identifier/0/value").asText())
        .isEqualTo("215093306331890");
    assertThat(out.toString()).contains("\"Immunization\"", "\"03\"");
    assertThat(fr.guichet.fhir.FhirValidationAccess.errors(out.toString())).isEmpty();
  }

  @Test
  void aCaregiverCannotTakeACopyOfThePersonsData() {
    DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
    int code =
        run(
            login(
                    "--nir",
                    alain.nir(),
                    "--birth-date",
                    "08/10/1962",
                    "--vitale",
                    alain.vitale(),
                    "--for",
                    "Georgette",
                    "--person-present-and-agrees")
                .toArray(String[]::new));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("A caregiver cannot take a copy");
    assertThat(sandbox.journal("person:p-georgette")).doesNotContain("PROFILE_READ OK");
  }

  @Test
  void withoutTheConsentNothingIsRead() {
    int code =
        run(
            login("--nir", LOUIS_NIR, "--birth-date", "30/05/1985", "--vitale", "4567890123456")
                .toArray(String[]::new));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("No consent: nothing was read.");
  }

  @Test
  void aRefusalIsSaidInPlainWords() {
    int code =
        run(
            login(
                    "--nir",
                    "1 85 05 33 063 210 53",
                    "--birth-date",
                    "30/05/1985",
                    "--vitale",
                    "4567890123456",
                    "--person-present-and-agrees")
                .toArray(String[]::new));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("les 2 derniers chiffres ne correspondent pas");
  }
}
