package fr.guichet.print;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The paper a document is laid out for: an A4 sheet from an office printer, or the 80 mm roll of a
 * receipt printer (one long page, cut to the length of what is written).
 */
public enum Paper {
  A4(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 56f, 1f, 170f),
  ROLL_80MM(226.77f, 3000f, 10f, 0.72f, 206f);

  final float width;
  final float height;
  final float margin;

  /** Font sizes are multiplied by this: a roll is narrow. */
  final float scale;

  final float qrSide;

  Paper(float width, float height, float margin, float scale, float qrSide) {
    this.width = width;
    this.height = height;
    this.margin = margin;
    this.scale = scale;
    this.qrSide = qrSide;
  }

  boolean roll() {
    return this == ROLL_80MM;
  }
}
