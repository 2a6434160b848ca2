package fr.guichet.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's validator, offline: the core R4 structure definitions and value sets shipped in
 * {@code hapi-fhir-validation-resources-r4}, the in-memory terminology service and the common code
 * systems (UCUM, languages...). No terminology server is asked, so SNOMED CT, LOINC and CVX codes
 * are checked for their place and shape, not looked up; nothing goes on the network.
 */
final class FhirValidation {
  static final FhirContext R4 = FhirContext.forR4();
  private static final FhirValidator VALIDATOR = validator();

  private FhirValidation() {}

  private static FhirValidator validator() {
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(R4),
            new InMemoryTerminologyServerValidationSupport(R4),
            new CommonCodeSystemsTerminologyService(R4),
            new SnapshotGeneratingValidationSupport(R4));
    FhirInstanceValidator instance = new FhirInstanceValidator(chain);
    instance.setAnyExtensionsAllowed(false);
    return R4.newValidator().registerValidatorModule(instance);
  }

  /** Every message of the validator, as "SEVERITY location: message". */
  static List<String> messages(String json) {
    return VALIDATOR.validateWithResult(json).getMessages().stream()
        .map(FhirValidation::line)
        .toList();
  }

  /** The errors and fatal errors only. */
  static List<String> errors(String json) {
    return VALIDATOR.validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(FhirValidation::line)
        .toList();
  }

  private static String line(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
