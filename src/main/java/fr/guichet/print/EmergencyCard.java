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
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * The wallet-size emergency card (85.6 × 54 mm, the size of a Carte Vitale) printed on an A4 sheet
 * with a cutting line: blood group, allergies, treatments and whom to call, as the profile says
 * them. Written in French, for the emergency services of France; each heading also in the person's
 * language when it is another, so that the person knows what the card says.
 *
 * <pre>{@code
 * byte[] pdf = EmergencyCard.render(new EmergencyCard.Content("Louis Petit", 1985, contents),
 *     settings.withPerson(Language.ARABIC));
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
   * A line of the card: its heading in French and in the person's language (or null), its value.
   */
  private record Row(String french, String theirs, String value) {
    String heading() {
      return theirs == null ? french : french + " · " + theirs;
    }
  }

  /**
   * The card's lines, heading then value, in French with the person's heading beside (also for
   * tests).
   */
  static List<String[]> lines(Content c, Messages person) {
    return rows(c, person.language()).stream()
        .map(r -> new String[] {r.heading(), r.value()})
        .toList();
  }

  private static List<Row> rows(Content c, Language language) {
    Messages fr = Messages.of(Language.FRENCH);
    Messages person = Messages.of(language);
    FormCatalog forms = FormCatalog.standard();
    List<Row> out = new ArrayList<>();
    SectionForm blood = forms.form("blood-group");
    Entry bloodAnswers = section(c, blood).answers();
    JsonNode group = bloodAnswers.get("group");
    out.add(
        row(
            "profile.card.blood",
            person,
            group == null
                ? fr.text("profile.card.none")
                : ReadBack.value(blood.field("group"), group, fr)));
    out.add(row("profile.card.allergies", person, names(forms.form("allergies"), c, fr)));
    out.add(row("profile.card.treatments", person, treatments(forms.form("treatments"), c, fr)));
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
    out.add(row("profile.card.contact", person, contact));
    return out;
  }

  private static Row row(String key, Messages person, String value) {
    Messages fr = Messages.of(Language.FRENCH);
    boolean french =
        person.language() == Language.FRENCH || person.language() == Language.EASY_FRENCH;
    return new Row(fr.text(key), french ? null : person.text(key), value);
  }

  private static SectionContent section(Content c, SectionForm form) {
    return c.sections().getOrDefault(form.section(), SectionContent.EMPTY);
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

  /**
   * The card on A4 with a cutting line around it; on an 80 mm roll, the same card made as wide as
   * the roll prints (84 % of a Carte Vitale), still a card for a wallet.
   */
  public static byte[] render(Content c, PrintSettings settings) {
    Paper paper = settings.paper();
    Language language = settings.person();
    Messages fr = Messages.of(Language.FRENCH);
    float scale = paper.roll() ? (paper.width - 2 * paper.margin) / CARD_WIDTH : 1f;
    float left = paper.roll() ? paper.margin : LEFT;
    PDRectangle size =
        paper.roll() ? new PDRectangle(paper.width, CARD_HEIGHT * scale + 70f) : PDRectangle.A4;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(size);
      doc.addPage(page);
      doc.getDocumentInformation().setTitle(fr.text("profile.card.title"));
      doc.getDocumentInformation().setCreator("Guichet");
      doc.getDocumentCatalog().setLanguage(Language.FRENCH.tag());
      PDFont regular = Fonts.regular(doc);
      PDFont bold = Fonts.bold(doc);
      float top = size.getHeight() - (paper.roll() ? 40f : 72f);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        new PageWriter(content, left, top + 30, size.getWidth() - 2 * left, language)
            .paragraph(Messages.of(language).text("profile.card.cut"), regular, 9 * paper.scale, 0);
        content.saveGraphicsState();
        content.transform(new Matrix(scale, 0, 0, scale, left, top - CARD_HEIGHT * scale));
        card(content, c, language, regular, bold);
        content.restoreGraphicsState();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the emergency card", e);
    }
  }

  /** The card, its lower-left corner at (0, 0), at its real size. */
  private static void card(
      PDPageContentStream content, Content c, Language language, PDFont regular, PDFont bold)
      throws IOException {
    Messages fr = Messages.of(Language.FRENCH);
    content.setLineWidth(0.5f);
    content.setLineDashPattern(new float[] {3f, 2f}, 0);
    content.addRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
    content.stroke();
    content.setLineDashPattern(new float[] {}, 0);
    // A red band: what the card is, seen at once.
    content.setNonStrokingColor(0.75f, 0.1f, 0.1f);
    content.addRect(0, CARD_HEIGHT - 16f, CARD_WIDTH, 16f);
    content.fill();
    content.setNonStrokingColor(1f, 1f, 1f);
    PageWriter.show(
        content,
        bold,
        8.5f,
        PAD,
        CARD_HEIGHT - 11.5f,
        fr.text("profile.card.title").toUpperCase(java.util.Locale.FRENCH),
        Language.FRENCH);
    content.setNonStrokingColor(0f, 0f, 0f);
    float width = CARD_WIDTH - 2 * PAD;
    PageWriter w = new PageWriter(content, PAD, CARD_HEIGHT - 18f, width, Language.FRENCH);
    w.paragraph(c.personName() + " (" + c.birthYear() + ")", bold, 7.5f, 1.5f);
    for (Row row : rows(c, language)) {
      // The heading in French, then " · " and the person's words for it, on one line.
      float y = w.y() - 5.5f * 1.25f;
      PageWriter.show(content, bold, 5.5f, PAD, y, row.french(), Language.FRENCH);
      if (row.theirs() != null) {
        float x = PAD + bold.getStringWidth(row.french() + " · ") / 1000 * 5.5f;
        PageWriter.show(
            content,
            bold,
            5.5f,
            PAD + bold.getStringWidth(row.french()) / 1000 * 5.5f,
            y,
            " · ",
            Language.FRENCH);
        PageWriter.show(content, bold, 5.5f, x, y, row.theirs(), language);
      }
      w.skip(5.5f * 1.25f);
      w.paragraph(row.value(), regular, 6.5f, 1.5f);
    }
  }
}
