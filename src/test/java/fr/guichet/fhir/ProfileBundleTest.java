package fr.guichet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.api.Json;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.SectionContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileBundleTest {
  static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  static final ProfileBundle.Patient LOUIS = new ProfileBundle.Patient("Louis", "Petit", LocalDate.of(1985, 5, 30), 1985,
      "1 85 05 33 063 210 52", ProfileBundle.INS_DEMO);

  /** Every section filled in, with every kind of answer the forms produce. */
  static Map<String, SectionContent> full() {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("diseases", """
        {"form":1,"status":"filled","entries":[
          {"name":"hypertension","startYear":2015,"ongoing":"yes","comment":"suivi chaque année"},
          {"name":{"other":"Hépatite A"},"startYear":2001,"ongoing":"no","endYear":2002}]}""");
    json.put("treatments", """
        {"form":1,"status":"filled","entries":[
          {"name":"Amlodipine 5 mg","dosage":"1 le matin","startYear":2015,"ongoing":"yes"},
          {"name":"Amoxicilline","startYear":"unknown","ongoing":"no","endYear":2020}]}""");
    json.put("allergies", """
        {"form":1,"status":"filled","entries":[
          {"name":"penicillin","reactions":["rash","breathing"],"comment":"boutons"},{"name":{"other":"Kiwi"}}]}""");
    json.put("hospitalisations", """
        {"form":1,"status":"filled","entries":[
          {"reason":"Opération du genou","startDate":"2019-03-12","duration":{"value":3,"unit":"days"}},
          {"reason":"Naissance","startDate":"unknown"}]}""");
    json.put("handicaps", """
        {"form":1,"status":"filled","entries":[
          {"name":"Je n’entends pas bien","kind":"sensory","rate":"under-50","technicalAid":"yes","humanAid":"no"}]}""");
    json.put("family-history", """
        {"form":1,"status":"filled","entries":[
          {"disease":"diabetes","relative":"mother"},{"disease":{"other":"Glaucome"},"relative":"other-relative"}]}""");
    json.put("blood-group", "{\"form\":1,\"status\":\"filled\",\"answers\":{\"group\":\"a-pos\"}}");
    json.put("vaccinations", """
        {"form":1,"status":"filled","entries":[
          {"vaccine":"flu","date":"2025-10-15","dose":"booster","batch":"AB1234"},
          {"vaccine":"tetanus","date":"unknown","dose":"first-dose"},{"vaccine":{"other":"Fièvre jaune"},"confirmed":true}]}""");
    json.put("measures", """
        {"form":1,"status":"filled","on":"2026-11-29","answers":{
          "weight":{"value":72.5,"unit":"kg"},"height":{"value":178,"unit":"cm"},"waist":{"value":90,"unit":"cm"},
          "temperature":{"value":37.2,"unit":"celsius"},"bloodSugar":{"value":1.05,"unit":"g-per-l"},
          "systolic":{"value":130,"unit":"mmhg"},"diastolic":{"value":80,"unit":"mmhg"},
          "heartRate":{"value":70,"unit":"per-minute"},"pain":{"value":2,"unit":"out-of-10"}}}""");
    json.put("lifestyle", """
        {"form":1,"status":"filled","answers":{"food":"food-varied","activity":"activity-weekly","sleep":"unknown",
          "screens":{"value":3,"unit":"hours-per-day"},"alcohol":"alcohol-sometimes","tobacco":"tobacco-former"}}""");
    json.put("entourage", """
        {"form":1,"status":"filled","answers":{"emergencyName":"Claire Petit","emergencyRelation":"spouse",
          "emergencyPhone":"06 12 34 56 78","trustedPerson":"yes","trustedName":"Claire Petit",
          "directives":"yes","directivesPlace":"chez mon médecin","organDonation":"no"}}""");
    Map<String, SectionContent> out = new LinkedHashMap<>();
    json.forEach((section, text) -> out.put(section, content(section, text)));
    return out;
  }

  static SectionContent content(String section, String json) {
    try {
      return SectionContent.of(FormCatalog.standard().form(section), Json.mapper().readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFullProfileValidatesWithZeroErrorsAgainstTheR4CoreDefinitions() throws Exception {
    ObjectNode bundle = ProfileBundle.build(LOUIS, full(), NOW);
    String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
    assertThat(FhirValidation.errors(json)).as(json).isEmpty();
    List<String> types = new ArrayList<>();
    bundle.get("entry").forEach(e -> types.add(e.path("resource").path("resourceType").asText()));
    assertThat(types).contains("Patient", "AllergyIntolerance", "Condition", "MedicationStatement", "Immunization",
        "FamilyMemberHistory", "Observation", "Encounter");
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
    assertThat(patient.at("/identifier/0/system").asText()).isEqualTo("urn:oid:1.2.250.1.213.1.4.11");
    assertThat(patient.at("/identifier/0/value").asText()).isEqualTo("185053306321052");
    assertThat(patient.at("/name/0/family").asText()).isEqualTo("Petit");
    assertThat(patient.at("/gender").asText()).isEqualTo("male");
    assertThat(patient.at("/birthDate").asText()).isEqualTo("1985-05-30");
  }

  @Test
  void codesComeFromTheFormsAndThePersonsWordsStayInText() {
    ObjectNode bundle = ProfileBundle.build(LOUIS, full(), NOW);
    List<JsonNode> resources = new ArrayList<>();
    bundle.get("entry").forEach(e -> resources.add(e.get("resource")));
    JsonNode hypertension = resources.stream().filter(r -> r.at("/code/text").asText().startsWith("Tension")).findFirst().orElseThrow();
    assertThat(hypertension.at("/code/coding/0/system").asText()).isEqualTo("http://snomed.info/sct");
    assertThat(hypertension.at("/code/coding/0/code").asText()).isEqualTo("38341003");
    assertThat(hypertension.at("/onsetDateTime").asText()).isEqualTo("2015");
    JsonNode weight = resources.stream().filter(r -> r.at("/code/coding/0/code").asText().equals("29463-7")).findFirst().orElseThrow();
    assertThat(weight.at("/valueQuantity/code").asText()).isEqualTo("kg");
    assertThat(weight.at("/valueQuantity/value").asDouble()).isEqualTo(72.5);
    JsonNode bp = resources.stream().filter(r -> r.at("/code/coding/0/code").asText().equals("85354-9")).findFirst().orElseThrow();
    assertThat(bp.get("component")).hasSize(2);
    JsonNode kiwi = resources.stream().filter(r -> r.at("/code/text").asText().equals("Kiwi")).findFirst().orElseThrow();
    assertThat(kiwi.at("/code/coding").isMissingNode()).isTrue();
    assertThat(ProfileBundle.build(LOUIS, full(), NOW).get("entry")).as("the same profile, the same Bundle")
        .isEqualTo(bundle.get("entry"));
  }
}
