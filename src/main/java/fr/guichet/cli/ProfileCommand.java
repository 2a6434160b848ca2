package fr.guichet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.Represented;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Scope;
import fr.guichet.fhir.ProfileBundle;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code guichet profile export --fhir}: the person's medical profile as a FHIR R4 Bundle, for a
 * doctor's or another system's software. Like the kiosk, it goes through the delegated-access API
 * and nothing else: the mediator logs in (password and TOTP code, asked for when not given), the
 * person is identified (NIR, birth date, Carte Vitale), the person's consent to {@code
 * profile:read} is recorded (the mediator confirms the person is present and agrees), the eleven
 * sections are read, and the delegation and the session are ended before the Bundle is written to
 * standard output or {@code --out}. A caregiver cannot take a copy of the data (DOMAIN.md):
 * refused.
 *
 * <p>The Patient's INS: the API never gives a NIR back, so the Patient carries the NIR typed here
 * (or {@code --for-nir} for someone represented). On a demo server (one that has the demo outbox)
 * it goes under the demo OID {@code urn:oid:1.2.250.1.213.1.4.11}: demo people are fictional. On
 * another server a typed NIR is not a qualified INS (no INSi check), so it goes out only under a
 * system named with {@code --ins-system}; otherwise the Patient has no identifier.
 *
 * <pre>
 * guichet profile export --fhir --api http://127.0.0.1:8470 --login demo.mediatrice \
 *     --nir "1 85 05 33 063 210 52" --birth-date 30/05/1985 --vitale 4567890123456 --out louis.json
 * </pre>
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "The medical profile.",
    subcommands = ProfileCommand.Export.class)
public final class ProfileCommand {
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Export a person's medical profile as a FHIR R4 Bundle (JSON), with their consent.",
        "Exit code 0: written; 1: the server refused (the reason is printed); 2: usage error."
      })
  static final class Export implements Callable<Integer> {
    static final String TEXT_VERSION = "consent-profile-export-cli-v1";
    static final int MINUTES = 5;

    @Option(
        names = "--fhir",
        required = true,
        description = "Write FHIR R4 (the only format for now).")
    boolean fhir;

    @Option(
        names = "--api",
        required = true,
        description = "Address of the delegated-access server.")
    String api;

    @Option(names = "--login", required = true, description = "The mediator's login.")
    String login;

    @Option(
        names = "--password",
        interactive = true,
        arity = "0..1",
        description =
            "The mediator's password (asked for when the option has no value or is absent).")
    String password;

    @Option(
        names = "--totp",
        interactive = true,
        arity = "0..1",
        description = "The 6-digit code of the mediator's TOTP (asked for when absent).")
    String totp;

    @Option(
        names = "--nir",
        required = true,
        description = "The person's NIR (15 characters, spaces allowed).")
    String nir;

    @Option(
        names = "--birth-date",
        required = true,
        description = "The person's birth date: day/month/year.")
    String birthDate;

    @Option(
        names = "--vitale",
        required = true,
        description = "The serial number of the person's Carte Vitale.")
    String vitale;

    @Option(
        names = "--for",
        description =
            "Export the profile of someone the person represents (a child...):"
                + " their first name or their person id.")
    String forWhom;

    @Option(names = "--for-nir", description = "The NIR of that person, for the Patient's INS.")
    String forNir;

    @Option(
        names = "--ins-system",
        description =
            "FHIR system of the Patient's NIR on a server that is not a demo"
                + " (default: none on a real server, the demo OID on a demo server).")
    String insSystem;

    @Option(
        names = "--person-present-and-agrees",
        description =
            "The mediator attests that the person is present and"
                + " agrees to this export (otherwise asked on the terminal).")
    boolean agreed;

    @Option(
        names = "--lang",
        defaultValue = "fr",
        description = "Language the consent was explained in (default:" + " ${DEFAULT-VALUE}).")
    String lang;

    @Option(
        names = "--out",
        description = "Write the Bundle to this file instead of standard output.")
    Path out;

    @Spec CommandSpec spec;

    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Language language = Language.fromTag(lang).orElse(null);
      if (language == null) {
        err.println("Unknown language '" + lang + "': use one of " + Language.tags() + ".");
        return 2;
      }
      BirthDate birth;
      try {
        birth = BirthDate.read(birthDate, LocalDate.now(clock));
      } catch (InvalidValue e) {
        err.println(sentence(e.messageKey(), e.params()));
        return 2;
      }
      if (password == null || password.isEmpty()) {
        password = ask("Password: ", true);
      }
      if (totp == null || totp.isEmpty()) {
        totp = ask("TOTP code: ", false);
      }
      if (password == null || totp == null) {
        err.println(
            "The password and the TOTP code are needed (give them as options, or run in a terminal).");
        return 2;
      }
      ApiClient client = new ApiClient(api);
      MediatorSession session = null;
      Delegation delegation = null;
      try {
        session = client.login(new LoginRequest(login, password, totp));
        Identification who =
            client.identify(
                session,
                IdentificationRequest.byVitale(nir, birth.iso(), vitale),
                IdempotencyKey.random());
        Optional<Represented> other = Optional.empty();
        if (forWhom != null) {
          other =
              who.represents().stream()
                  .filter(
                      r -> r.personId().equals(forWhom) || r.firstName().equalsIgnoreCase(forWhom))
                  .findFirst();
          if (other.isEmpty()) {
            err.println(who.firstName() + " does not represent anyone called '" + forWhom + "'.");
            return 2;
          }
          if ("CAREGIVING".equals(other.get().kind())) {
            err.println(
                "A caregiver cannot take a copy of the data of the person they help (Mon Espace Santé rules)."
                    + " The person can ask for it themself.");
            return 1;
          }
        }
        String name =
            other
                .map(r -> r.firstName() + " " + r.lastName())
                .orElse(who.firstName() + " " + who.lastName());
        if (!agreed
            && !confirm(
                "Is "
                    + who.firstName()
                    + " beside you, and does "
                    + who.firstName()
                    + " agree that the medical profile of "
                    + name
                    + " is read and exported? [y/N] ")) {
          err.println("No consent: nothing was read.");
          return 1;
        }
        delegation =
            client.consent(
                session,
                new ConsentRequest(
                    who.identificationId(),
                    other.map(Represented::personId).orElse(null),
                    List.of(Scope.PROFILE_READ.wire()),
                    MINUTES,
                    language.tag(),
                    TEXT_VERSION,
                    true,
                    true),
                IdempotencyKey.random());
        Map<String, SectionContent> sections = new LinkedHashMap<>();
        for (SectionForm form : FormCatalog.standard().forms()) {
          ProfileSection s = client.profileSection(session, delegation, form.section());
          sections.put(form.section(), SectionContent.of(form, s.content()));
        }
        String system =
            insSystem != null ? insSystem : demo(client, session) ? ProfileBundle.INS_DEMO : null;
        String patientNir = other.isPresent() ? forNir : nir;
        if (system == null) {
          err.println(
              "Not a demo server: the typed NIR is not a qualified INS, so the Patient has no identifier"
                  + " (name --ins-system to add it).");
        }
        ProfileBundle.Patient patient =
            other.isPresent()
                ? new ProfileBundle.Patient(
                    other.get().firstName(),
                    other.get().lastName(),
                    null,
                    other.get().birthYear(),
                    patientNir,
                    system)
                : new ProfileBundle.Patient(
                    who.firstName(),
                    who.lastName(),
                    birth.whole() ? birth.earliest() : null,
                    who.birthYear(),
                    patientNir,
                    system);
        ObjectNode bundle = ProfileBundle.build(patient, sections, clock.instant());
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        if (out != null) {
          Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
          err.println("Written: " + out + " (" + bundle.get("entry").size() + " resources).");
        } else {
          spec.commandLine().getOut().println(json);
          spec.commandLine().getOut().flush();
        }
        return 0;
      } catch (ApiException e) {
        Problem p = e.problem();
        err.println(sentence(p.messageKey(), p.params()) + " (" + p.slug() + ")");
        return 1;
      } finally {
        end(client, session, delegation);
      }
    }

    /** The delegation is revoked and the session closed, whatever happened. */
    private static void end(ApiClient client, MediatorSession session, Delegation delegation) {
      if (session == null) {
        return;
      }
      try {
        if (delegation != null) {
          client.revoke(session, delegation, IdempotencyKey.random());
        }
        client.logout(session, IdempotencyKey.random());
      } catch (ApiException e) {
        // Both end on their own within the hour.
      }
    }

    /**
     * A demo server is one that has a demo outbox, whether this mediator may read it (a structure
     * manager) or not (403); a real server has none (404).
     */
    private static boolean demo(ApiClient client, MediatorSession session) {
      try {
        client.outbox(session);
        return true;
      } catch (ApiException e) {
        return e.problem() != null && e.problem().status() == 403;
      }
    }

    private static String sentence(String key, Map<String, ?> params) {
      Messages m = Messages.of(Language.FRENCH);
      return m.has(key) ? m.text(key, params) : key;
    }

    private static String ask(String prompt, boolean secret) {
      java.io.Console console = System.console();
      if (console == null) {
        return null;
      }
      return secret ? new String(console.readPassword(prompt)) : console.readLine(prompt);
    }

    private static boolean confirm(String question) {
      String answer = ask(question, false);
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|o|oui");
    }
  }
}
