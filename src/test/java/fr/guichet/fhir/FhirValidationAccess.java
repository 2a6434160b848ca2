package fr.guichet.fhir;

import java.util.List;

/** {@link FhirValidation} for tests of other packages (the command line's export). */
public final class FhirValidationAccess {
  private FhirValidationAccess() {}

  public static List<String> errors(String json) {
    return FhirValidation.errors(json);
  }
}
