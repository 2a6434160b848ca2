package fr.guichet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The arrows of DESIGN.md, kept honest: one rule a test. */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("fr.guichet");

  static Stream<ArchRule> rules() {
    return Stream.of(
        domainIsPureRules,
        onlyTheLanternaAdapterImportsLanterna,
        onlyPrintImportsPdfboxAndZxing,
        theServerIsReachedOnlyOverHttp,
        theCommandLineOnlyStartsTheServer,
        apiKnowsNoScreenNoServer,
        onlyTheServerUsesHttpServerAndDatabase,
        onlyTheClientUsesOkHttp,
        theKioskReachesTheServerThroughItsPort,
        theServerDrawsNothing,
        theServerSpeaksOnlyTheContract,
        theContractIsJdkAndJackson,
        i18nIsALeaf,
        formsKnowNoScreenNoServer,
        fhirKnowsOnlyForms,
        printIsGivenWhatItPrints,
        noCyclesBetweenPackages);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void holds(ArchRule rule) {
    rule.check(CLASSES);
  }

  static final ArchRule domainIsPureRules =
      classes()
          .that()
          .resideInAPackage("fr.guichet.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.domain..",
              "java.lang..",
              "java.util..",
              "java.time..",
              "java.math..",
              "java.nio.charset..",
              "java.nio",
              "java.security..",
              "javax.crypto..");

  static final ArchRule onlyTheLanternaAdapterImportsLanterna =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.guichet.kiosk.lanterna..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.googlecode.lanterna..");

  static final ArchRule onlyPrintImportsPdfboxAndZxing =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.guichet.print..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.pdfbox..", "com.google.zxing..");

  static final ArchRule theServerIsReachedOnlyOverHttp =
      noClasses()
          .that()
          .resideOutsideOfPackages("fr.guichet.sandbox..", "fr.guichet.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.guichet.sandbox..")
          .because(
              "the kiosk talks to the server through the API; only the command line starts it (kiosk --demo)");

  static final ArchRule theCommandLineOnlyStartsTheServer =
      classes()
          .that()
          .resideInAPackage("fr.guichet.sandbox..")
          .and()
          .arePublic()
          .should()
          .haveSimpleName("SandboxServer")
          .orShould()
          .haveSimpleName("Options")
          .orShould()
          .haveSimpleName("JournalVerdict");

  static final ArchRule apiKnowsNoScreenNoServer =
      noClasses()
          .that()
          .resideInAnyPackage("fr.guichet.contract..", "fr.guichet.client..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.kiosk..",
              "fr.guichet.sandbox..",
              "fr.guichet.print..",
              "fr.guichet.cli..");

  static final ArchRule onlyTheServerUsesHttpServerAndDatabase =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.guichet.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "java.sql..", "org.flywaydb..");

  static final ArchRule onlyTheClientUsesOkHttp =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.guichet.client..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("okhttp3..");

  static final ArchRule theKioskReachesTheServerThroughItsPort =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.kiosk..")
          .and()
          .resideOutsideOfPackage("fr.guichet.kiosk.http..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.guichet.client..")
          .because(
              "screens and the kiosk know the server only as the port DelegatedAccess;"
                  + " kiosk.http implements it over the HTTP client");

  static final ArchRule theServerDrawsNothing =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("fr.guichet.kiosk..", "fr.guichet.print..", "fr.guichet.cli..");

  static final ArchRule theServerSpeaksOnlyTheContract =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.guichet.client..")
          .because("the server shares the wire (contract) with its clients, never a client's code");

  static final ArchRule theContractIsJdkAndJackson =
      classes()
          .that()
          .resideInAPackage("fr.guichet.contract..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.contract..", "java..", "javax.crypto..", "com.fasterxml.jackson..");

  static final ArchRule i18nIsALeaf =
      classes()
          .that()
          .resideInAPackage("fr.guichet.i18n..")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages(
              "fr.guichet.domain..",
              "fr.guichet.contract..",
              "fr.guichet.client..",
              "fr.guichet.forms..",
              "fr.guichet.fhir..",
              "fr.guichet.print..",
              "fr.guichet.kiosk..",
              "fr.guichet.cli..",
              "fr.guichet.sandbox..");

  static final ArchRule formsKnowNoScreenNoServer =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.forms..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.kiosk..",
              "fr.guichet.print..",
              "fr.guichet.cli..",
              "fr.guichet.sandbox..",
              "fr.guichet.client..",
              "fr.guichet.fhir..");

  static final ArchRule fhirKnowsOnlyForms =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.fhir..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.kiosk..",
              "fr.guichet.print..",
              "fr.guichet.cli..",
              "fr.guichet.sandbox..",
              "fr.guichet.client..");

  static final ArchRule printIsGivenWhatItPrints =
      noClasses()
          .that()
          .resideInAPackage("fr.guichet.print..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.guichet.client..",
              "fr.guichet.sandbox..",
              "fr.guichet.kiosk..",
              "fr.guichet.cli..")
          .because(
              "a document is built from values (a receipt, its story from contract, PrintSettings):"
                  + " the screen, the command line and the tests print the same paper without a server");

  static final ArchRule noCyclesBetweenPackages =
      slices().matching("fr.guichet.(*)..").should().beFreeOfCycles();
}
