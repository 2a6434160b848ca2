package fr.guichet.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code as ZXing computes it, drawn as vector rectangles (sharp at any size, a few hundred
 * bytes in a PDF). UTF-8, error correction M (L when asked to be {@link #compact}), the 4-module
 * quiet zone left white around it.
 *
 * <pre>{@code
 * QrCode qr = QrCode.of(signedStatement);
 * qr.draw(content, x, y, 150); // a 150-point square, lower-left corner at (x, y)
 * }</pre>
 */
public final class QrCode {
  private static final int QUIET_ZONE = 4;
  private final BitMatrix matrix;

  private QrCode(BitMatrix matrix) {
    this.matrix = matrix;
  }

  public static QrCode of(String text) {
    return of(text, ErrorCorrectionLevel.M);
  }

  /**
   * The same text in a code of fewer modules (error correction L, 7 % instead of 15 %): for a long
   * receipt on a narrow roll, where bigger modules matter more than the margin for stains.
   */
  static QrCode compact(String text) {
    return of(text, ErrorCorrectionLevel.L);
  }

  private static QrCode of(String text, ErrorCorrectionLevel level) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.ERROR_CORRECTION,
                      level,
                      EncodeHintType.MARGIN,
                      0));
      return new QrCode(m);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "Too much data for one QR code (" + text.length() + " characters)", e);
    }
  }

  /** The side of the code, quiet zone included, with modules of {@code module} points. */
  float side(float module) {
    return module * (size() + 2 * QUIET_ZONE);
  }

  /** Modules per side, without the quiet zone. */
  public int size() {
    return matrix.getWidth();
  }

  public boolean dark(int x, int y) {
    return matrix.get(x, y);
  }

  /**
   * The code for a text screen: two modules per character cell with half blocks (▀ ▄ █), a quiet
   * zone of {@code quiet} modules around it. Meant to be drawn black on white.
   */
  public java.util.List<String> halfBlocks(int quiet) {
    int n = size();
    java.util.List<String> rows = new java.util.ArrayList<>();
    for (int y = -quiet; y < n + quiet; y += 2) {
      StringBuilder row = new StringBuilder();
      for (int x = -quiet; x < n + quiet; x++) {
        boolean top = inside(x, y) && matrix.get(x, y);
        boolean bottom = inside(x, y + 1) && matrix.get(x, y + 1);
        row.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
      }
      rows.add(row.toString());
    }
    return rows;
  }

  private boolean inside(int x, int y) {
    return x >= 0 && y >= 0 && x < size() && y < size();
  }

  /** Draws the code, quiet zone included, as a {@code side}-point square from (x, y) upwards. */
  void draw(PDPageContentStream content, float x, float y, float side) throws IOException {
    int n = size();
    float module = side / (n + 2 * QUIET_ZONE);
    float left = x + QUIET_ZONE * module;
    float top = y + side - QUIET_ZONE * module;
    content.setNonStrokingColor(0f, 0f, 0f);
    for (int row = 0; row < n; row++) {
      int col = 0;
      while (col < n) {
        if (!matrix.get(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < n && matrix.get(col, row)) {
          col++;
        }
        // One rectangle per horizontal run of dark modules.
        content.addRect(
            left + start * module, top - (row + 1) * module, (col - start) * module, module);
      }
    }
    content.fill();
  }
}
