package fr.guichet.kiosk;

import fr.guichet.contract.ActingKind;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.ProfileSection;
import fr.guichet.domain.Operation;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.Respondent;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The medical profile during the assistant, in memory only: whose it is and how the person at the
 * counter acts for them, the delegation consented to for it, every section as the server last gave
 * it (version and content), and what was sent or left for later during this sitting. The screens of
 * the assistant carry it from one to the next; it is dropped with them when the sitting ends.
 *
 * @param name the first and last name of the person whose profile this is
 * @param firstName their first name, as the questions about someone else name them
 * @param helper the name of the person at the counter when they act for someone else, or null
 * @param actingAs how the person at the counter acts for the person whose profile this is
 * @param minor whether the person whose profile this is is under 18 today, as the server computes
 *     it from their whole birth date (the questions for adults are not asked)
 */
record MedicalProfile(
    Delegation delegation,
    String name,
    String firstName,
    int birthYear,
    String helper,
    ActingKind actingAs,
    Map<String, ProfileSection> sections,
    Set<String> sent,
    Set<String> seen,
    boolean minor) {

  MedicalProfile {
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    sent = Collections.unmodifiableSet(new LinkedHashSet<>(sent));
    seen = Collections.unmodifiableSet(new LinkedHashSet<>(seen));
  }

  /**
   * A section was opened and left without sending (skipped, cancelled): "continue" goes past it.
   */
  MedicalProfile seen(String section) {
    Set<String> all = new LinkedHashSet<>(seen);
    all.add(section);
    return new MedicalProfile(
        delegation, name, firstName, birthYear, helper, actingAs, sections, sent, all, minor);
  }

  static FormCatalog forms() {
    return FormCatalog.standard();
  }

  boolean onOwnBehalf() {
    return actingAs == ActingKind.SELF;
  }

  /**
   * Whether the summary and the emergency card, copies of the data, are offered: not to a caregiver
   * (DOMAIN.md: no download) nor to a curator alone, as the server's rule table says; nor to
   * someone acting in a way this build does not know.
   */
  boolean mayTakeACopy() {
    return AccountScreen.reaches(actingAs, Operation.ISSUE_PROFILE_STATEMENT);
  }

  Respondent respondent(LocalDate today) {
    return new Respondent(today, birthYear, onOwnBehalf(), minor);
  }

  /**
   * A question (or its help, or what it explains) put to the person at the counter about this
   * profile: "Avez-vous une allergie ?" for themself, "Est-ce qu'Emma a une allergie ?" for a child
   * or someone else, where the bundle has the {@code .about} form of the sentence.
   */
  String ask(Messages m, String key) {
    if (!m.has(key + ".about")) {
      return m.text(key);
    }
    String subject =
        switch (actingAs) {
          case SELF -> "self";
          case LEGAL_REPRESENTATION, SECOND_PARENT -> "child";
          default -> "other";
        };
    return m.text(key + ".about", Map.of("subject", subject, "name", firstName));
  }

  /** The "for whom" line of the assistant's screens. */
  String forWhom(Messages m) {
    return helper == null
        ? m.text("profile.for-whom", Map.of("name", name, "year", String.valueOf(birthYear)))
        : m.text(
            "profile.for-whom.by",
            Map.of("name", name, "year", String.valueOf(birthYear), "helper", helper));
  }

  /** What the server holds for a section (empty before the first write). */
  SectionContent content(SectionForm form) {
    ProfileSection s = sections.get(form.section());
    return s == null ? SectionContent.EMPTY : SectionContent.of(form, s.content());
  }

  long version(String section) {
    ProfileSection s = sections.get(section);
    return s == null ? 0 : s.version();
  }

  MedicalProfile withSection(ProfileSection s) {
    Map<String, ProfileSection> copy = new LinkedHashMap<>(sections);
    copy.put(s.section(), s);
    return new MedicalProfile(
        delegation, name, firstName, birthYear, helper, actingAs, copy, sent, seen, minor);
  }

  MedicalProfile sent(ProfileSection s) {
    Set<String> done = new LinkedHashSet<>(sent);
    done.add(s.section());
    MedicalProfile p = withSection(s);
    return new MedicalProfile(
        delegation, name, firstName, birthYear, helper, actingAs, p.sections, done, seen, minor);
  }
}
