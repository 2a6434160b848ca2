package fr.guichet.forms;

/**
 * A code of a shared terminology (SNOMED CT, LOINC, CVX, HL7 role codes) that an option or a
 * measure stands for, so that an export says it in words other systems read, not only ours.
 *
 * @param system the terminology's FHIR URI, e.g. {@code http://snomed.info/sct}
 */
public record Coding(String system, String code) {}
