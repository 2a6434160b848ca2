package fr.guichet.print;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.forms.Entry;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.forms.Status;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The wallet-size emergency card (85.6 × 54 mm, the size of a Carte Vitale) printed on an A4 sheet
 * with a cutting line: blood group, allergies, treatments and whom to call, as the profile says
 * them. Written in French, for the emergency services of France; each heading also in the person's
 * language when it is another, so that the person knows what the card says.
 *
 * <pre>{@code
 * byte[] pdf = EmergencyCard.render(new EmergencyCard.Content("Louis Petit", 1985, contents), Messages.of(Language.ARABIC));
 * }</pre>
 */
public final class EmergencyCard {
  /** ID-1 card size in points (85.6 × 54 mm). */
  static final float CARD_WIDTH = 85.6f / 25.4f * 72f;

  static final float CARD_HEIGHT = 54f / 25.4f * 72f;
  private static final float LEFT = 56f;
  private static final float PAD = 7f;

  /** Entries shown per list before "and n more". */
  static final int MAX_ITEMS = 4;

  /** What the card says: the person, and the profile's sections by name. */
  public record Content(String personName, int birthYear, Map<String, SectionContent> sections) {}

  private EmergencyCard() {}

  /**
   * The card's lines, heading then value, in French with the person's heading beside (also for
   * tests).
   */
  static List<String[]> lines(Content c, Messages person) {
    Messages fr = Messages.of(Language.FRENCH);
    FormCatalog forms = FormCatalog.standard();
    List<String[]> out = new ArrayList<>();
    SectionForm blood = forms.form("blood-group");
    Entry bloodAnswers = section(c, blood).answers();
    JsonNode group = bloodAnswers.get("group");
    out.add(
        new String[] {
          heading("profile.card.blood", fr, person),
          group == null
              ? fr.text("profile.card.none")
              : ReadBack.value(blood.field("group"), group, fr)
        });
    out.add(
        new String[] {
          heading("profile.card.allergies", fr, person), names(forms.form("allergies"), c, fr)
        });
    out.add(
        new String[] {
          heading("profile.card.treatments", fr, person),
          treatments(forms.form("treatments"), c, fr)
        });
    SectionForm entourage = forms.form("entourage");
    Entry e = section(c, entourage).answers();
    String contact = fr.text("profile.card.none");
    if (e.has("emergencyName")) {
      StringBuilder b = new StringBuilder(e.get("emergencyName").asText());
      if (e.has("emergencyRelation")) {
        b.append(" (")
            .append(
                ReadBack.value(
                    entourage.field("emergencyRelation"), e.get("emergencyRelation"), fr))
            .append(')');
      }
      if (e.has("emergencyPhone")) {
        b.append(" ☎ ").append(e.get("emergencyPhone").asText());
      }
      contact = b.toString();
    }
    out.add(new String[] {heading("profile.card.contact", fr, person), contact});
    return out;
  }

  private static SectionContent section(Content c, SectionForm form) {
    return c.sections().getOrDefault(form.section(), SectionContent.EMPTY);
  }

  private static String heading(String key, Messages fr, Messages person) {
    return person.language() == Language.FRENCH
        ? fr.text(key)
        : fr.text(key) + " · " + person.text(key);
  }

  private static String names(SectionForm form, Content c, Messages fr) {
    SectionContent s = section(c, form);
    return switch (s.status()) {
      case NOT_CONCERNED -> fr.text("profile.card.nothing-known");
      case EMPTY, UNKNOWN ->
          s.entries().isEmpty() ? fr.text("profile.card.none") : list(form, s, fr, false);
      case FILLED -> list(form, s, fr, false);
    };
  }

  private static String treatments(SectionForm form, Content c, Messages fr) {
    SectionContent s = section(c, form);
    if (s.status() == Status.NOT_CONCERNED) {
      return fr.text("profile.card.nothing-known");
    }
    return s.entries().isEmpty() ? fr.text("profile.card.none") : list(form, s, fr, true);
  }

  private static String list(SectionForm form, SectionContent s, Messages fr, boolean dosage) {
    List<String> items = new ArrayList<>();
    for (Entry e : s.entries()) {
      if (items.size() == MAX_ITEMS) {
        items.add(fr.text("profile.card.more", Map.of("count", s.entries().size() - MAX_ITEMS)));
        break;
      }
      String name = ReadBack.name(form, e, fr);
      items.add(dosage && e.has("dosage") ? name + " " + e.get("dosage").asText() : name);
    }
    return String.join(", ", items);
  }

  public static byte[] render(Content c, Messages person) {
    Messages fr = Messages.of(Language.FRENCH);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      doc.getDocumentInformation().setTitle(fr.text("profile.card.title"));
      doc.getDocumentInformation().setCreator("Guichet");
      PDFont regular = Fonts.regular(doc);
      PDFont bold = Fonts.bold(doc);
      float top = PDRectangle.A4.getHeight() - 72f;
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        boolean rtl = person.language().rightToLeft();
        PageWriter cut = new PageWriter(content, LEFT, top + 30, 400f, rtl);
        cut.paragraph(person.text("profile.card.cut"), regular, 9, 0);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {3f, 2f}, 0);
        content.addRect(LEFT, top - CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT);
        content.stroke();
        content.setLineDashPattern(new float[] {}, 0);
        // A red band: what the card is, seen at once.
        content.setNonStrokingColor(0.75f, 0.1f, 0.1f);
        content.addRect(LEFT, top - 16f, CARD_WIDTH, 16f);
        content.fill();
        content.setNonStrokingColor(1f, 1f, 1f);
        content.beginText();
        content.setFont(bold, 8.5f);
        content.newLineAtOffset(LEFT + PAD, top - 11.5f);
        content.showText(fr.text("profile.card.title").toUpperCase(java.util.Locale.FRENCH));
        content.endText();
        content.setNonStrokingColor(0f, 0f, 0f);
        float width = CARD_WIDTH - 2 * PAD;
        PageWriter w = new PageWriter(content, LEFT + PAD, top - 18f, width, false);
        w.paragraph(c.personName() + " (" + c.birthYear() + ")", bold, 7.5f, 1.5f);
        for (String[] line : lines(c, person)) {
          w.paragraph(line[0], bold, 5.5f, 0);
          w.paragraph(line[1], regular, 6.5f, 1.5f);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the emergency card", e);
    }
  }
}
