package fr.guichet.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The activation help sheet, for a person who will open their space at home: what they need, where
 * the Carte Vitale serial number is on each kind of card (drawn), the 3422 line, and a QR code to
 * the official site. It names nobody, so it can be printed in advance.
 *
 * <pre>{@code
 * byte[] pdf = ActivationHelpSheet.render(settings.withPerson(Language.PORTUGUESE));
 * }</pre>
 */
public final class ActivationHelpSheet {
  /** The official site of Mon Espace Santé. */
  public static final String OFFICIAL_SITE = "https://www.monespacesante.fr";

  private ActivationHelpSheet() {}

  public static byte[] render(PrintSettings settings) {
    try (Sheet sheet = new Sheet(settings, "help-sheet.title")) {
      sheet.title("help-sheet.title");
      sheet.line("help-sheet.need", Map.of());
      sheet.space(6);
      sheet.line("help-sheet.card-old", Map.of());
      sheet.draw(
          70,
          (content, left, top, width) -> card(content, left, top - 4, 100 * sheet.scale(), false));
      sheet.line("help-sheet.card-photo", Map.of());
      sheet.draw(
          70,
          (content, left, top, width) -> card(content, left, top - 4, 100 * sheet.scale(), true));
      sheet.line("help-sheet.where", Map.of());
      sheet.line("help-sheet.code-lost", Map.of());
      sheet.line("sheet.help", Map.of());
      sheet.space(10);
      sheet.qr(OFFICIAL_SITE, "help-sheet.qr", Map.of());
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the activation help sheet", e);
    }
  }

  /**
   * A card seen from the side that carries the number: a rounded rectangle, the chip or the photo
   * in grey, and the number's place as a thick black frame.
   */
  private static void card(PDPageContentStream c, float left, float top, float width, boolean photo)
      throws IOException {
    float height = width * 0.63f;
    float bottom = top - height;
    c.setLineWidth(1.2f);
    c.setStrokingColor(0f, 0f, 0f);
    c.addRect(left, bottom, width, height);
    c.stroke();
    c.setNonStrokingColor(0.75f, 0.75f, 0.75f);
    if (photo) {
      c.addRect(
          left + width * 0.06f, bottom + height * 0.12f, width * 0.26f, height * 0.5f); // the photo
    } else {
      c.addRect(
          left + width * 0.1f,
          bottom + height * 0.2f,
          width * 0.8f,
          height * 0.12f); // the magnetic strip side
    }
    c.fill();
    c.setNonStrokingColor(0f, 0f, 0f);
    c.setLineWidth(2.5f);
    float boxWidth = width * 0.42f;
    float boxLeft = photo ? left + width - boxWidth - width * 0.05f : left + width * 0.05f;
    c.addRect(boxLeft, top - height * 0.22f, boxWidth, height * 0.14f); // where the number is
    c.stroke();
    c.setLineWidth(1f);
  }
}
