package fr.guichet.print;

import fr.guichet.i18n.VisualLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes paragraphs down a page, wrapping words to the width, from the top margin down: the little
 * layout every document needs. Right-to-left paragraphs (Arabic) are shaped and reordered with
 * {@link VisualLine} before PDFBox writes them (PDFBox does neither), and right-aligned.
 */
final class PageWriter {
  private final PDPageContentStream content;
  private final float left;
  private final float width;
  private final boolean rightToLeft;
  private float y;

  PageWriter(PDPageContentStream content, float left, float top, float width) {
    this(content, left, top, width, false);
  }

  PageWriter(PDPageContentStream content, float left, float top, float width, boolean rightToLeft) {
    this.content = content;
    this.left = left;
    this.y = top;
    this.width = width;
    this.rightToLeft = rightToLeft;
  }

  /** Writes a paragraph, wrapped, then leaves {@code after} points of space. */
  void paragraph(String text, PDFont font, float size, float after) throws IOException {
    for (String line : wrap(text, font, size, width, rightToLeft)) {
      y -= size * 1.25f;
      content.beginText();
      content.setFont(font, size);
      float x = rightToLeft ? left + width - font.getStringWidth(line) / 1000 * size : left;
      content.newLineAtOffset(x, y);
      content.showText(line);
      content.endText();
    }
    y -= after;
  }

  void skip(float points) {
    y -= points;
  }

  float y() {
    return y;
  }

  static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
    return wrap(text, font, size, width, false);
  }

  /** Lines of at most {@code width} points, each in visual order (what PDFBox must show). */
  static List<String> wrap(String text, PDFont font, float size, float width, boolean rightToLeft)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0
          && font.getStringWidth(VisualLine.of(candidate, rightToLeft)) / 1000 * size > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    lines.replaceAll(l -> VisualLine.of(l, rightToLeft));
    return lines;
  }
}
