package fr.guichet.kiosk;

import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Nir;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Someone the person at the counter names as the insurer knows them: NIR, birth name, first name
 * and birth date ({@code 00} for a day or month the civil status does not know), typed in a form
 * and checked as the identification is before anything is sent. The caregiver given access and the
 * other parent a child's profile is shared with are named so.
 *
 * <pre>{@code
 * Form form = Named.form("caregivers"); // caregivers.field.nir, caregivers.field.last-name…
 * Named.Checked c = Named.check(form, today);
 * if (c.named() != null) { server.addCaregiver(me, delegation, c.named().asCaregiver(), key); }
 * }</pre>
 */
record Named(Nir nir, String lastName, String firstName, BirthDate birth) {

  /**
   * The empty form, its labels and help under {@code prefix} ({@code prefix.field.nir}, {@code
   * prefix.help.last-name}...); the NIR's and the birth date's help are the identification's.
   */
  static Form form(String prefix) {
    return new Form(
        List.of(
            Form.Entry.digits("nir", prefix + ".field.nir", "identify.help.nir", 21, " AaBb"),
            Form.Entry.text("last", prefix + ".field.last-name", prefix + ".help.last-name", 40),
            Form.Entry.text("first", prefix + ".field.first-name", prefix + ".help.first-name", 40),
            Form.Entry.digits("birth", prefix + ".field.birth", "identify.help.birth", 10, "/ .-")),
        0);
  }

  /**
   * The form checked: the person named, or the form with the focus on the box to correct and why.
   *
   * @param named the person typed, or null
   * @param problem why not, or null
   */
  record Checked(Named named, Form form, Say problem) {}

  /** Checks a filled form (every box, the NIR's key, the birth date against today). */
  static Checked check(Form form, LocalDate today) {
    if (form.firstEmpty() >= 0) {
      return new Checked(null, form.focusAt(form.firstEmpty()), Say.error("form.missing"));
    }
    Nir nir;
    try {
      nir = Nir.parse(form.value("nir"));
    } catch (InvalidValue e) {
      return wrong(form, "nir", e);
    }
    BirthDate birth;
    try {
      birth = BirthDate.read(form.value("birth"), today);
    } catch (InvalidValue e) {
      return wrong(form, "birth", e);
    }
    return new Checked(
        new Named(nir, form.value("last").strip(), form.value("first").strip(), birth), form, null);
  }

  private static Checked wrong(Form form, String box, InvalidValue e) {
    return new Checked(
        null, form.focusOn(box), new Say(View.Tone.ERROR, e.messageKey(), e.params()));
  }

  String fullName() {
    return firstName + " " + lastName;
  }

  /**
   * What a read-back says of them: {@code who} their name, {@code birth} their birth date as the
   * civil status writes it, {@code nir} their number grouped as on the card.
   */
  Map<String, Object> words(String who, Messages m) {
    return Map.of(who, fullName(), "birth", m.date(birth.iso()), "nir", nir.grouped());
  }

  /** The request that gives them access as a caregiver. */
  CaregiverRequest asCaregiver() {
    return new CaregiverRequest(nir.value(), lastName, firstName, birth.iso());
  }

  /** The request that invites them, the child's other parent, to share the child's profile. */
  ShareRequest asOtherParent() {
    return new ShareRequest(nir.value(), lastName, firstName, birth.iso());
  }
}
