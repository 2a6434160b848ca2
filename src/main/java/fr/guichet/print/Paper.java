package fr.guichet.print;

import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The paper a document is laid out for: an A4 sheet from an office printer, or the 80 mm roll of a
 * receipt printer (long pages, the last cut to the length of what is written; what is printed stays
 * inside the 72 mm such a printer reaches).
 *
 * <pre>{@code
 * Paper.fromTag("80mm"); // Optional[ROLL_80MM], what --paper and the kiosk's setting accept
 * }</pre>
 */
public enum Paper {
  A4("a4", PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 56f, 1f),
  ROLL_80MM("80mm", 226.77f, 3000f, 10f, 0.72f);

  private final String tag;
  final float width;
  final float height;
  final float margin;

  /** Font sizes are multiplied by this: a roll is narrow. */
  final float scale;

  Paper(String tag, float width, float height, float margin, float scale) {
    this.tag = tag;
    this.width = width;
    this.height = height;
    this.margin = margin;
    this.scale = scale;
  }

  /** The name settings and options use: {@code a4}, {@code 80mm}. */
  public String tag() {
    return tag;
  }

  /** The paper of a setting, case-insensitive ({@code a4}, {@code 80mm}). */
  public static Optional<Paper> fromTag(String tag) {
    return Arrays.stream(values()).filter(p -> p.tag.equalsIgnoreCase(tag.strip())).findFirst();
  }

  /** The names {@code --paper} accepts, for messages. */
  public static String tags() {
    return String.join(", ", Arrays.stream(values()).map(Paper::tag).toList());
  }

  boolean roll() {
    return this == ROLL_80MM;
  }
}
