package fr.guichet.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.forms.Answers;
import fr.guichet.forms.Coding;
import fr.guichet.forms.Entry;
import fr.guichet.forms.Field;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The medical profile as a FHIR R4 (4.0.1) {@code Bundle} of type {@code collection}, for other
 * systems to read: a {@code Patient}, then {@code AllergyIntolerance}, {@code Condition} (diseases
 * and disabilities), {@code MedicationStatement}, {@code Encounter} (hospital stays), {@code
 * Immunization}, {@code FamilyMemberHistory} and {@code Observation} (blood group, measures as
 * vital signs with LOINC codes and UCUM units, way of life, wishes). Codes come from the form
 * definitions (SNOMED CT, LOINC, CVX, HL7 role codes) when an option has one; the person's own
 * words always go in {@code text}, in French. Entries reference each other by {@code urn:uuid}
 * derived from the content, so the same profile gives the same Bundle.
 *
 * <p>The INS: the API never gives a person's NIR back, so the Patient's identifier is the NIR the
 * caller typed to identify the person, under the system the caller names. A demo server's people
 * are fictional: their NIR goes under the demo OID {@link #INS_DEMO}, never under the INS-NIR OID.
 * No profile (FR Core...) is declared: the Bundle conforms to the core R4 definitions.
 *
 * <pre>{@code
 * ObjectNode bundle = ProfileBundle.build(new ProfileBundle.Patient("Louis", "Petit", birth, nir, ProfileBundle.INS_DEMO),
 *     sections, Instant.now());
 * }</pre>
 */
public final class ProfileBundle {
  /** FHIR system of the INS-NIR (a qualified INS). */
  public static final String INS_NIR = "urn:oid:1.2.250.1.213.1.4.8";

  /** FHIR system of demonstration INS: fictional people. */
  public static final String INS_DEMO = "urn:oid:1.2.250.1.213.1.4.11";

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** UCUM code of each unit the forms use. */
  private static final Map<String, String> UCUM_CODES =
      Map.ofEntries(
          Map.entry("kg", "kg"),
          Map.entry("cm", "cm"),
          Map.entry("celsius", "Cel"),
          Map.entry("g-per-l", "g/L"),
          Map.entry("mmhg", "mm[Hg]"),
          Map.entry("per-minute", "/min"),
          Map.entry("days", "d"),
          Map.entry("weeks", "wk"),
          Map.entry("months", "mo"),
          Map.entry("hours-per-day", "h/d"));

  private static final Map<String, String> UCUM_SHOWN =
      Map.of(
          "Cel",
          "°C",
          "mm[Hg]",
          "mmHg",
          "/min",
          "/min",
          "d",
          "jours",
          "wk",
          "semaines",
          "mo",
          "mois",
          "h/d",
          "h/jour");

  /**
   * Who the profile is about, as the caller knows them.
   *
   * @param birthDate the full birth date, or null (then {@code birthYear} is used)
   * @param nir the 15-character NIR typed to identify the person, or null
   * @param insSystem the FHIR system to put the NIR under ({@link #INS_DEMO} for a demo server)
   */
  public record Patient(
      String firstName,
      String lastName,
      LocalDate birthDate,
      int birthYear,
      String nir,
      String insSystem) {}

  private final Messages fr = Messages.of(Language.FRENCH);
  private final FormCatalog forms = FormCatalog.standard();
  private final ArrayNode entries = F.arrayNode();
  private final String seed;
  private String patientRef;

  private ProfileBundle(String seed) {
    this.seed = seed;
  }

  /** The Bundle of every section given (by section name; a missing one is left out). */
  public static ObjectNode build(
      Patient patient, Map<String, SectionContent> sections, Instant now) {
    ProfileBundle b =
        new ProfileBundle(
            patient.lastName() + "/" + patient.firstName() + "/" + patient.birthYear());
    b.patient(patient, sections.getOrDefault("entourage", SectionContent.EMPTY));
    b.allergies(sections.getOrDefault("allergies", SectionContent.EMPTY));
    b.diseases(sections.getOrDefault("diseases", SectionContent.EMPTY));
    b.handicaps(sections.getOrDefault("handicaps", SectionContent.EMPTY));
    b.treatments(sections.getOrDefault("treatments", SectionContent.EMPTY));
    b.hospitalisations(sections.getOrDefault("hospitalisations", SectionContent.EMPTY));
    b.vaccinations(sections.getOrDefault("vaccinations", SectionContent.EMPTY));
    b.familyHistory(sections.getOrDefault("family-history", SectionContent.EMPTY));
    b.bloodGroup(sections.getOrDefault("blood-group", SectionContent.EMPTY));
    b.measures(sections.getOrDefault("measures", SectionContent.EMPTY));
    b.lifestyle(sections.getOrDefault("lifestyle", SectionContent.EMPTY));
    b.wishes(sections.getOrDefault("entourage", SectionContent.EMPTY));
    ObjectNode bundle = F.objectNode();
    bundle.put("resourceType", "Bundle");
    bundle
        .putObject("identifier")
        .put("system", "urn:ietf:rfc:3986")
        .put("value", b.uuid("bundle", now.toString()));
    bundle.put("type", "collection");
    bundle.put("timestamp", now.toString());
    bundle.set("entry", b.entries);
    return bundle;
  }

  private String uuid(String kind, Object key) {
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode add(String fullUrl, String type) {
    ObjectNode e = entries.addObject();
    e.put("fullUrl", fullUrl);
    ObjectNode r = e.putObject("resource");
    r.put("resourceType", type);
    return r;
  }

  private ObjectNode reference(ObjectNode into, String name) {
    into.putObject(name).put("reference", patientRef);
    return into;
  }

  // ------------------------------------------------------------------ Patient

  private void patient(Patient p, SectionContent entourage) {
    patientRef = uuid("Patient", "");
    ObjectNode r = add(patientRef, "Patient");
    if (p.nir() != null && p.insSystem() != null) {
      ObjectNode id = r.putArray("identifier").addObject();
      id.put("use", "official");
      id.put("system", p.insSystem());
      id.put("value", p.nir().replace(" ", ""));
    }
    ObjectNode name = r.putArray("name").addObject();
    name.put("use", "official");
    name.put("family", p.lastName());
    name.putArray("given").add(p.firstName());
    String nir = p.nir() == null ? "" : p.nir().replace(" ", "");
    if (!nir.isEmpty()) {
      // The first digit of a NIR: 1, 3, 7 men; 2, 4, 8 women.
      char sex = nir.charAt(0);
      r.put(
          "gender",
          "137".indexOf(sex) >= 0 ? "male" : "248".indexOf(sex) >= 0 ? "female" : "unknown");
    }
    if (p.birthDate() != null) {
      r.put("birthDate", p.birthDate().toString());
    } else if (p.birthYear() > 0) {
      r.put("birthDate", String.valueOf(p.birthYear()));
    }
    Entry e = entourage.answers();
    ArrayNode contacts = F.arrayNode();
    if (e.has("emergencyName")) {
      ObjectNode c = contacts.addObject();
      ArrayNode relationship = c.putArray("relationship");
      relationship
          .addObject()
          .putArray("coding")
          .addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/v2-0131")
          .put("code", "C")
          .put("display", "Emergency Contact");
      if (e.has("emergencyRelation")) {
        relationship
            .addObject()
            .put(
                "text",
                ReadBack.value(
                    forms.form("entourage").field("emergencyRelation"),
                    e.get("emergencyRelation"),
                    fr));
      }
      c.putObject("name").put("text", e.get("emergencyName").asText());
      phone(c, e.get("emergencyPhone"));
    }
    if (e.has("trustedName")) {
      ObjectNode c = contacts.addObject();
      c.putArray("relationship")
          .addObject()
          .put("text", fr.text("profile.entourage.trustedPerson.label"));
      c.putObject("name").put("text", e.get("trustedName").asText());
      phone(c, e.get("trustedPhone"));
    }
    if (!contacts.isEmpty()) {
      r.set("contact", contacts);
    }
  }

  private static void phone(ObjectNode contact, JsonNode phone) {
    if (phone != null && phone.isTextual()) {
      contact.putArray("telecom").addObject().put("system", "phone").put("value", phone.asText());
    }
  }

  // ------------------------------------------------------------------ lists

  private void allergies(SectionContent s) {
    SectionForm form = forms.form("allergies");
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = add(uuid("AllergyIntolerance", i++), "AllergyIntolerance");
      r.set(
          "clinicalStatus",
          concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"));
      verification(r, "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", e);
      r.set("code", choice(form.field("name"), e.get("name")));
      reference(r, "patient");
      JsonNode reactions = e.get("reactions");
      if (reactions != null && reactions.isArray() && !reactions.isEmpty()) {
        ArrayNode manifestations = r.putArray("reaction").addObject().putArray("manifestation");
        reactions.forEach(v -> manifestations.add(choice(form.field("reactions"), v)));
      }
      note(r, e.get("comment"));
    }
  }

  private void diseases(SectionContent s) {
    SectionForm form = forms.form("diseases");
    int i = 0;
    for (Entry e : s.entries()) {
      boolean over = Answers.NO.equals(e.has("ongoing") ? e.get("ongoing").asText() : "");
      ObjectNode r = condition("disease" + i++, over ? "resolved" : "active");
      verification(r, "http://terminology.hl7.org/CodeSystem/condition-ver-status", e);
      r.set("code", choice(form.field("name"), e.get("name")));
      reference(r, "subject");
      year(r, "onsetDateTime", e.get("startYear"));
      if (over) {
        year(r, "abatementDateTime", e.get("endYear"));
      }
      note(r, e.get("comment"));
    }
  }

  private void handicaps(SectionContent s) {
    SectionForm form = forms.form("handicaps");
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = condition("handicap" + i++, "active");
      r.putObject("code")
          .put("text", fr.text("profile.handicaps.name.label") + " : " + e.get("name").asText(""));
      reference(r, "subject");
      StringBuilder details = new StringBuilder();
      for (String name : new String[] {"kind", "rate", "technicalAid", "humanAid"}) {
        if (e.has(name)) {
          Field f = form.field(name);
          details
              .append(details.length() == 0 ? "" : " ; ")
              .append(fr.text(f.labelKey()))
              .append(" : ")
              .append(ReadBack.value(f, e.get(name), fr));
        }
      }
      if (details.length() > 0) {
        r.putArray("note").addObject().put("text", details.toString());
      }
    }
  }

  /** A Condition of the patient's problem list (a disease, a handicap), active or resolved. */
  private ObjectNode condition(String id, String clinicalStatus) {
    ObjectNode r = add(uuid("Condition", id), "Condition");
    r.set(
        "clinicalStatus",
        concept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus));
    r.putArray("category")
        .add(
            concept(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item"));
    return r;
  }

  private void treatments(SectionContent s) {
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = add(uuid("MedicationStatement", i++), "MedicationStatement");
      String ongoing = e.has("ongoing") ? e.get("ongoing").asText() : "";
      r.put(
          "status",
          Answers.YES.equals(ongoing)
              ? "active"
              : Answers.NO.equals(ongoing) ? "completed" : "unknown");
      r.putObject("medicationCodeableConcept").put("text", e.get("name").asText(""));
      reference(r, "subject");
      if (isYear(e.get("startYear")) || (Answers.NO.equals(ongoing) && isYear(e.get("endYear")))) {
        ObjectNode period = r.putObject("effectivePeriod");
        year(period, "start", e.get("startYear"));
        if (Answers.NO.equals(ongoing)) {
          year(period, "end", e.get("endYear"));
        }
      }
      if (e.has("dosage")) {
        r.putArray("dosage").addObject().put("text", e.get("dosage").asText());
      }
      note(r, e.get("comment"));
    }
  }

  private void hospitalisations(SectionContent s) {
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = add(uuid("Encounter", i++), "Encounter");
      r.put("status", "finished");
      r.putObject("class")
          .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
          .put("code", "IMP")
          .put("display", "inpatient encounter");
      reference(r, "subject");
      JsonNode start = e.get("startDate");
      if (start != null && start.isTextual() && start.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        r.putObject("period").put("start", start.asText());
      }
      JsonNode d = e.get("duration");
      if (d != null && d.isObject() && UCUM_CODES.containsKey(d.path("unit").asText())) {
        String code = UCUM_CODES.get(d.path("unit").asText());
        r.putObject("length")
            .put("value", d.path("value").asLong())
            .put("unit", UCUM_SHOWN.getOrDefault(code, code))
            .put("system", UCUM)
            .put("code", code);
      }
      r.putArray("reasonCode").addObject().put("text", e.get("reason").asText(""));
    }
  }

  private void vaccinations(SectionContent s) {
    SectionForm form = forms.form("vaccinations");
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = add(uuid("Immunization", i++), "Immunization");
      r.put("status", "completed");
      r.set("vaccineCode", choice(form.field("vaccine"), e.get("vaccine")));
      reference(r, "patient");
      JsonNode date = e.get("date");
      if (date != null && date.isTextual() && date.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        r.put("occurrenceDateTime", date.asText());
      } else {
        r.put("occurrenceString", fr.text("form.answer.unknown"));
      }
      r.put("primarySource", e.confirmed());
      if (e.has("batch")) {
        r.put("lotNumber", e.get("batch").asText());
      }
      JsonNode dose = e.get("dose");
      if (dose != null && "first-dose".equals(dose.asText())) {
        r.putArray("protocolApplied").addObject().put("doseNumberPositiveInt", 1);
      } else if (dose != null && "booster".equals(dose.asText())) {
        r.putArray("protocolApplied")
            .addObject()
            .put("doseNumberString", fr.text("profile.option.booster"));
      }
      note(r, e.get("comment"));
    }
  }

  private void familyHistory(SectionContent s) {
    SectionForm form = forms.form("family-history");
    int i = 0;
    for (Entry e : s.entries()) {
      ObjectNode r = add(uuid("FamilyMemberHistory", i++), "FamilyMemberHistory");
      r.put("status", "completed");
      reference(r, "patient");
      r.set("relationship", choice(form.field("relative"), e.get("relative")));
      r.putArray("condition")
          .addObject()
          .set("code", choice(form.field("disease"), e.get("disease")));
      note(r, e.get("comment"));
    }
  }

  // ------------------------------------------------------------------ observations

  private void bloodGroup(SectionContent s) {
    JsonNode group = s.answers().get("group");
    if (group == null || Answers.UNKNOWN.equals(group.asText())) {
      return;
    }
    SectionForm form = forms.form("blood-group");
    ObjectNode r =
        observation(
            "blood-group",
            "laboratory",
            form.field("group").coding(),
            fr.text(form.field("group").labelKey()));
    r.set("valueCodeableConcept", choice(form.field("group"), group));
  }

  private void measures(SectionContent s) {
    SectionForm form = forms.form("measures");
    Entry a = s.answers();
    String when = s.on() == null ? null : s.on().toString();
    for (String name : new String[] {"weight", "height", "waist", "temperature", "heartRate"}) {
      if (a.has(name) && a.get(name).isObject()) {
        measured(form, name, "vital-signs", when).set("valueQuantity", quantity(a.get(name)));
      }
    }
    if (a.has("systolic") && a.has("diastolic")) {
      ObjectNode r =
          observation("bp", "vital-signs", new Coding(LOINC, "85354-9"), "Tension artérielle");
      effective(r, when);
      ArrayNode components = r.putArray("component");
      for (String name : new String[] {"systolic", "diastolic"}) {
        ObjectNode c = components.addObject();
        c.set("code", codeable(form.field(name).coding(), fr.text(form.field(name).labelKey())));
        c.set("valueQuantity", quantity(a.get(name)));
      }
    } else {
      for (String name : new String[] {"systolic", "diastolic"}) {
        if (a.has(name)) {
          measured(form, name, "vital-signs", when).set("valueQuantity", quantity(a.get(name)));
        }
      }
    }
    if (a.has("bloodSugar")) {
      measured(form, "bloodSugar", "laboratory", when)
          .set("valueQuantity", quantity(a.get("bloodSugar")));
    }
    if (a.has("pain")) {
      measured(form, "pain", "survey", when)
          .put("valueInteger", a.get("pain").path("value").asInt());
    }
  }

  /**
   * The observation of the measures form's field {@code name}, coded and named as the form codes
   * and names it, taken {@code when}.
   */
  private ObjectNode measured(SectionForm form, String name, String category, String when) {
    Field field = form.field(name);
    ObjectNode r = observation(name, category, field.coding(), fr.text(field.labelKey()));
    effective(r, when);
    return r;
  }

  private void lifestyle(SectionContent s) {
    SectionForm form = forms.form("lifestyle");
    Entry a = s.answers();
    for (Field f : form.fields()) {
      JsonNode v = a.get(f.name());
      if (v == null || (v.isTextual() && Answers.UNKNOWN.equals(v.asText()))) {
        continue;
      }
      ObjectNode r = observation(f.name(), "social-history", f.coding(), fr.text(f.labelKey()));
      if (v.isObject() && v.has("unit")) {
        r.set("valueQuantity", quantity(v));
      } else {
        r.set("valueCodeableConcept", choice(f, v));
      }
    }
  }

  private void wishes(SectionContent s) {
    SectionForm form = forms.form("entourage");
    Entry a = s.answers();
    for (String name : new String[] {"directives", "organDonation"}) {
      JsonNode v = a.get(name);
      if (v == null || !(Answers.YES.equals(v.asText()) || Answers.NO.equals(v.asText()))) {
        continue;
      }
      ObjectNode r = observation(name, null, null, fr.text(form.field(name).labelKey()));
      r.put("valueBoolean", Answers.YES.equals(v.asText()));
      if ("directives".equals(name) && a.has("directivesPlace")) {
        note(r, a.get("directivesPlace"));
      }
    }
  }

  private ObjectNode observation(String key, String category, Coding coding, String text) {
    ObjectNode r = add(uuid("Observation", key), "Observation");
    r.put("status", "final");
    if (category != null) {
      r.putArray("category").add(concept(OBSERVATION_CATEGORY, category));
    }
    r.set("code", codeable(coding, text));
    reference(r, "subject");
    return r;
  }

  private static void effective(ObjectNode r, String when) {
    if (when != null) {
      r.put("effectiveDateTime", when);
    }
  }

  private static ObjectNode quantity(JsonNode v) {
    ObjectNode q = F.objectNode();
    JsonNode value = v.path("value");
    if (value.isIntegralNumber()) {
      q.put("value", value.asLong());
    } else {
      q.put("value", value.decimalValue());
    }
    String code = UCUM_CODES.get(v.path("unit").asText());
    if (code != null) {
      q.put("unit", UCUM_SHOWN.getOrDefault(code, code)).put("system", UCUM).put("code", code);
    } else {
      q.put("unit", v.path("unit").asText());
    }
    return q;
  }

  // ------------------------------------------------------------------ pieces

  private static ObjectNode concept(String system, String code) {
    ObjectNode c = F.objectNode();
    c.putArray("coding").addObject().put("system", system).put("code", code);
    return c;
  }

  private static ObjectNode codeable(Coding coding, String text) {
    ObjectNode c = F.objectNode();
    if (coding != null) {
      c.putArray("coding").addObject().put("system", coding.system()).put("code", coding.code());
    }
    c.put("text", text);
    return c;
  }

  /**
   * An answer of a choice as a CodeableConcept: the option's code when it has one, its French words
   * always.
   */
  private ObjectNode choice(Field f, JsonNode v) {
    String text = v == null ? fr.text("form.read.unnamed") : ReadBack.value(f, v, fr);
    Coding coding =
        v != null && v.isTextual() ? f.option(v.asText()).map(o -> o.coding()).orElse(null) : null;
    return codeable(coding, text);
  }

  /** Whether the person is sure of an entry, in the words of the resource's code system. */
  private static void verification(ObjectNode r, String system, Entry e) {
    r.set("verificationStatus", concept(system, e.confirmed() ? "confirmed" : "unconfirmed"));
  }

  private static void note(ObjectNode r, JsonNode text) {
    if (text != null && text.isTextual() && !text.asText().isBlank()) {
      r.putArray("note").addObject().put("text", text.asText());
    }
  }

  private static boolean isYear(JsonNode v) {
    return v != null && v.isInt();
  }

  private static void year(ObjectNode into, String name, JsonNode v) {
    if (isYear(v)) {
      into.put(name, String.valueOf(v.asInt()));
    }
  }
}
