package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The medical profile summary the person takes home: every section as Mon Espace Santé holds it
 * that day, in the same words the kiosk read back, in the person's language with the mediator's
 * (French) in grey under each line when they differ, so that the person and any French-speaking
 * doctor read the same sheet. A4 or an 80 mm roll, as many pages as needed; a QR code holds the
 * server's signed statement of the whole profile (every section, its version, the hash of the
 * contents), after the address of the verification page.
 *
 * <pre>{@code
 * Receipt statement = api.profileStatement(session, delegation, IdempotencyKey.random());
 * byte[] pdf = ProfileSummary.render(new ProfileSummary.Content(name, 1985, contents, statement, today,
 *     mediator, structure), settings.withPerson(Language.ARABIC));
 * }</pre>
 */
public final class ProfileSummary {
  /**
   * What the summary says.
   *
   * @param sections each section's content, by section name (as the server holds them)
   * @param statement the server's signed statement of the profile ({@code profile-statement}), or a
   *     receipt of one section sent; null for none (no QR code)
   */
  public record Content(
      String personName,
      int birthYear,
      Map<String, SectionContent> sections,
      Receipt statement,
      LocalDate day,
      String mediatorName,
      String structureName) {}

  private ProfileSummary() {}

  public static byte[] render(Content c, PrintSettings settings) {
    Messages person = Messages.of(settings.person());
    Messages mediator = Messages.of(settings.mediator());
    try (Sheet sheet = new Sheet(settings, "profile.sheet.title")) {
      sheet.title("profile.sheet.title");
      sheet.line(
          "profile.sheet.for",
          Map.of("name", c.personName(), "year", String.valueOf(c.birthYear())));
      sheet.small("profile.sheet.note", Map.of("date", c.day()));
      for (SectionForm form : FormCatalog.standard().forms()) {
        SectionContent content = c.sections().getOrDefault(form.section(), SectionContent.EMPTY);
        sheet.space(10);
        sheet.heading(form.titleKey(), Map.of());
        // The read-back writes each language from the same answers; its lines pair up one to one.
        List<String> mine = ReadBack.lines(form, content, person);
        List<String> theirs =
            sheet.bilingual() ? ReadBack.lines(form, content, mediator) : List.of();
        for (int i = 0; i < mine.size(); i++) {
          String line = mine.get(i);
          sheet.pair(
              line.strip(),
              i < theirs.size() ? theirs.get(i).strip() : null,
              false,
              11,
              line.startsWith(ReadBack.DETAIL) ? 18 : 0);
        }
      }
      if (c.statement() != null) {
        sheet.space(12);
        // The caption says what the code proves: the whole profile, or one section sent.
        boolean whole = ReceiptKind.fromWire(c.statement().kind()) == ReceiptKind.PROFILE_STATEMENT;
        sheet.qr(
            settings.link().qrText(c.statement()),
            whole ? "profile.sheet.qr.all" : "profile.sheet.qr",
            Map.of());
        sheet.small("sheet.reference", Map.of("id", c.statement().receiptId()));
      }
      sheet.space(10);
      sheet.small(
          "profile.sheet.issued",
          Map.of("date", c.day(), "mediator", c.mediatorName(), "structure", c.structureName()));
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the profile summary", e);
    }
  }
}
