package fr.guichet.forms;

import fr.guichet.contract.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A medical profile with every section filled in, every kind of answer the forms produce: for
 * tests.
 */
public final class ProfileSamples {
  private ProfileSamples() {}

  /** Every section filled in, with every kind of answer the forms produce. */
  public static Map<String, SectionContent> full() {
    Map<String, String> json = new LinkedHashMap<>();
    json.put(
        "diseases",
        """
        {"form":1,"status":"filled","entries":[
          {"name":"hypertension","startYear":2015,"ongoing":"yes","comment":"suivi chaque année"},
          {"name":{"other":"Hépatite A"},"startYear":2001,"ongoing":"no","endYear":2002}]}""");
    json.put(
        "treatments",
        """
        {"form":1,"status":"filled","entries":[
          {"name":"Amlodipine 5 mg","dosage":"1 le matin","startYear":2015,"ongoing":"yes"},
          {"name":"Amoxicilline","startYear":"unknown","ongoing":"no","endYear":2020}]}""");
    json.put(
        "allergies",
        """
        {"form":1,"status":"filled","entries":[
          {"name":"penicillin","reactions":["rash","breathing"],"comment":"boutons"},{"name":{"other":"Kiwi"}}]}""");
    json.put(
        "hospitalisations",
        """
        {"form":1,"status":"filled","entries":[
          {"reason":"Opération du genou","startDate":"2019-03-12","duration":{"value":3,"unit":"days"}},
          {"reason":"Naissance","startDate":"unknown"}]}""");
    json.put(
        "handicaps",
        """
        {"form":1,"status":"filled","entries":[
          {"name":"Je n’entends pas bien","kind":"sensory","rate":"under-50","technicalAid":"yes","humanAid":"no"}]}""");
    json.put(
        "family-history",
        """
        {"form":1,"status":"filled","entries":[
          {"disease":"diabetes","relative":"mother"},{"disease":{"other":"Glaucome"},"relative":"other-relative"}]}""");
    json.put("blood-group", "{\"form\":1,\"status\":\"filled\",\"answers\":{\"group\":\"a-pos\"}}");
    json.put(
        "vaccinations",
        """
        {"form":1,"status":"filled","entries":[
          {"vaccine":"flu","date":"2025-10-15","dose":"booster","batch":"AB1234"},
          {"vaccine":"tetanus","date":"unknown","dose":"first-dose"},{"vaccine":{"other":"Fièvre jaune"},"confirmed":true}]}""");
    json.put(
        "measures",
        """
        {"form":1,"status":"filled","on":"2026-11-29","answers":{
          "weight":{"value":72.5,"unit":"kg"},"height":{"value":178,"unit":"cm"},"waist":{"value":90,"unit":"cm"},
          "temperature":{"value":37.2,"unit":"celsius"},"bloodSugar":{"value":1.05,"unit":"g-per-l"},
          "systolic":{"value":130,"unit":"mmhg"},"diastolic":{"value":80,"unit":"mmhg"},
          "heartRate":{"value":70,"unit":"per-minute"},"pain":{"value":2,"unit":"out-of-10"}}}""");
    json.put(
        "lifestyle",
        """
        {"form":1,"status":"filled","answers":{"food":"food-varied","activity":"activity-weekly","sleep":"unknown",
          "screens":{"value":3,"unit":"hours-per-day"},"alcohol":"alcohol-sometimes","tobacco":"tobacco-former"}}""");
    json.put(
        "entourage",
        """
        {"form":1,"status":"filled","answers":{"emergencyName":"Claire Petit","emergencyRelation":"spouse",
          "emergencyPhone":"06 12 34 56 78","trustedPerson":"yes","trustedName":"Claire Petit",
          "directives":"yes","directivesPlace":"chez mon médecin","organDonation":"no"}}""");
    Map<String, SectionContent> out = new LinkedHashMap<>();
    json.forEach((section, text) -> out.put(section, content(section, text)));
    return out;
  }

  public static SectionContent content(String section, String json) {
    try {
      return SectionContent.of(FormCatalog.standard().form(section), Json.mapper().readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
