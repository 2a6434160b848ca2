package fr.guichet.print;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes paragraphs down a page, wrapping words to the width, from the top margin down: the
 * little layout every document needs.
 */
final class PageWriter {
  private final PDPageContentStream content;
  private final float left;
  private final float width;
  private float y;

  PageWriter(PDPageContentStream content, float left, float top, float width) {
    this.content = content;
    this.left = left;
    this.y = top;
    this.width = width;
  }

  /** Writes a paragraph, wrapped, then leaves {@code after} points of space. */
  void paragraph(String text, PDFont font, float size, float after) throws IOException {
    for (String line : wrap(text, font, size, width)) {
      y -= size * 1.25f;
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(left, y);
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
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }
}
