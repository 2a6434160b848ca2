package fr.guichet.print;

import fr.guichet.i18n.Language;
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
 *
 * <p>Every line is marked with its language ({@code /Span <</Lang (ar)>>}), and every joined Arabic
 * form with the letters it stands for ({@code /ActualText}): copying a line, or extracting its
 * text, gives the letters in reading order, not presentation forms.
 *
 * <pre>{@code
 * new PageWriter(content, 56, 780, 480, Language.ARABIC).paragraph(text, font, 12, 4);
 * }</pre>
 */
final class PageWriter {
  private final PDPageContentStream content;
  private final float left;
  private final float width;
  private final Language language;
  private float y;

  PageWriter(PDPageContentStream content, float left, float top, float width, Language language) {
    this.content = content;
    this.left = left;
    this.y = top;
    this.width = width;
    this.language = language;
  }

  /** Writes a paragraph, wrapped, then leaves {@code after} points of space. */
  void paragraph(String text, PDFont font, float size, float after) throws IOException {
    boolean rtl = language.rightToLeft();
    for (String line : wrap(text, font, size, width, rtl)) {
      y -= size * 1.25f;
      float drawn = font.getStringWidth(VisualLine.of(line, rtl)) / 1000 * size;
      show(content, font, size, rtl ? left + width - drawn : left, y, line, language);
    }
    y -= after;
  }

  float y() {
    return y;
  }

  void skip(float points) {
    y -= points;
  }

  /**
   * Lines of at most {@code width} points, in reading order (each {@code \n} starts a new line),
   * measured once shaped and reordered as they will be drawn.
   */
  static List<String> wrap(String text, PDFont font, float size, float width, boolean rightToLeft)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
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
    }
    return lines;
  }

  /**
   * Draws one line, given in reading order, at (x, y) in the colour already set, reordered for the
   * eye when it is right to left, and marked with its language. Each joined Arabic form is marked
   * with the letters it stands for ({@code /ActualText}): text extraction and copying give the
   * letters, not their presentation forms.
   */
  @SuppressWarnings("deprecation") // appendRawCommands: PDFBox writes no inline property list
  static void show(
      PDPageContentStream content,
      PDFont font,
      float size,
      float x,
      float y,
      String logical,
      Language language)
      throws IOException {
    String visual = VisualLine.of(logical, language.rightToLeft());
    // An inline property list: poppler's text extraction reads /ActualText only there.
    content.appendRawCommands("/Span <</Lang (" + language.tag() + ")>> BDC\n");
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    int start = 0;
    for (int i = 0; i < visual.length(); i++) {
      String letters = VisualLine.letters(visual.charAt(i));
      if (letters != null) {
        if (i > start) {
          content.showText(visual.substring(start, i));
        }
        content.appendRawCommands("/Span <</ActualText " + hex(letters) + ">> BDC\n");
        content.showText(visual.substring(i, i + 1));
        content.endMarkedContent();
        start = i + 1;
      }
    }
    if (start < visual.length()) {
      content.showText(visual.substring(start));
    }
    content.endText();
    content.endMarkedContent();
  }

  /** A PDF text string in UTF-16 with its byte order mark: {@code <FEFF0644>}. */
  private static String hex(String text) {
    StringBuilder hex = new StringBuilder("<FEFF");
    for (char c : text.toCharArray()) {
      hex.append(String.format("%04X", (int) c));
    }
    return hex.append('>').toString();
  }
}
