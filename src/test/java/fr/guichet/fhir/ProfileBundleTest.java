package fr.guichet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.contract.Json;
import fr.guichet.forms.ProfileSamples;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileBundleTest {
  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final ProfileBundle.Patient LOUIS =
      new ProfileBundle.Patient(
          "Louis",
          "Petit",
          LocalDate.of(1985, 5, 30),
          1985,
          "1 85 05 33 063 210 52",
          ProfileBundle.INS_DEMO);

  @Test
  void aFullProfileValidatesWithZeroErrorsAgainstTheR4CoreDefinitions() throws Exception {
    ObjectNode bundle = ProfileBundle.build(LOUIS, ProfileSamples.full(), NOW);
    String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
    assertThat(FhirValidation.errors(json)).as(json).isEmpty();
    List<String> types = new ArrayList<>();
    bundle.get("entry").forEach(e -> types.add(e.path("resource").path("resourceType").asText()));
    assertThat(types)
        .contains(
            "Patient",
            "AllergyIntolerance",
            "Condition",
            "MedicationStatement",
            "Immunization",
            "FamilyMemberHistory",
            "Observation",
            "Encounter");
  }

  @Test
  void anEmptyProfileIsABundleWithThePatientAlone() {
    ObjectNode bundle = ProfileBundle.build(LOUIS, Map.of(), NOW);
    assertThat(FhirValidation.errors(bundle.toString())).isEmpty();
    assertThat(bundle.get("entry")).hasSize(1);
  }

  @Test
  void thePatientCarriesTheTypedNirUnderTheDemoOid() {
    JsonNode patient = ProfileBundle.build(LOUIS, Map.of(), NOW).at("/entry/0/resource");
    assertThat(patient.at("/identifier/0/system").asText())
        .isEqualTo("urn:oid:1.2.250.1.213.1.4.11");
    assertThat(patient.at("/identifier/0/value").asText()).isEqualTo("185053306321052");
    assertThat(patient.at("/name/0/family").asText()).isEqualTo("Petit");
    assertThat(patient.at("/gender").asText()).isEqualTo("male");
    assertThat(patient.at("/birthDate").asText()).isEqualTo("1985-05-30");
  }

  @Test
  void codesComeFromTheFormsAndThePersonsWordsStayInText() {
    ObjectNode bundle = ProfileBundle.build(LOUIS, ProfileSamples.full(), NOW);
    List<JsonNode> resources = new ArrayList<>();
    bundle.get("entry").forEach(e -> resources.add(e.get("resource")));
    JsonNode hypertension =
        resources.stream()
            .filter(r -> r.at("/code/text").asText().startsWith("Tension"))
            .findFirst()
            .orElseThrow();
    assertThat(hypertension.at("/code/coding/0/system").asText())
        .isEqualTo("http://snomed.info/sct");
    assertThat(hypertension.at("/code/coding/0/code").asText()).isEqualTo("38341003");
    assertThat(hypertension.at("/onsetDateTime").asText()).isEqualTo("2015");
    JsonNode weight =
        resources.stream()
            .filter(r -> r.at("/code/coding/0/code").asText().equals("29463-7"))
            .findFirst()
            .orElseThrow();
    assertThat(weight.at("/valueQuantity/code").asText()).isEqualTo("kg");
    assertThat(weight.at("/valueQuantity/value").asDouble()).isEqualTo(72.5);
    JsonNode bp =
        resources.stream()
            .filter(r -> r.at("/code/coding/0/code").asText().equals("85354-9"))
            .findFirst()
            .orElseThrow();
    assertThat(bp.get("component")).hasSize(2);
    JsonNode kiwi =
        resources.stream()
            .filter(r -> r.at("/code/text").asText().equals("Kiwi"))
            .findFirst()
            .orElseThrow();
    assertThat(kiwi.at("/code/coding").isMissingNode()).isTrue();
    assertThat(ProfileBundle.build(LOUIS, ProfileSamples.full(), NOW).get("entry"))
        .as("the same profile, the same Bundle")
        .isEqualTo(bundle.get("entry"));
  }
}
