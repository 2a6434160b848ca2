package fr.guichet.print;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads the QR code on a rendered page with ZXing. ZXing's single-code detector misreads a few
 * percent of dense codes (it picks a wrong finder-pattern triple, even on a perfect image: measured
 * 3 in 100 on random 400-character payloads); its multi-code reader, tried second, finds them; and
 * a small image is read again enlarged.
 */
final class QrImages {
  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

  private QrImages() {}

  static String decode(BufferedImage image) throws ReaderException {
    try {
      return decodeAsIs(image);
    } catch (ReaderException small) {
      return decodeAsIs(twice(image));
    }
  }

  private static String decodeAsIs(BufferedImage image) throws ReaderException {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return new QRCodeReader().decode(bitmap, HINTS).getText();
    } catch (ReaderException first) {
      Result[] all = new QRCodeMultiReader().decodeMultiple(bitmap, HINTS);
      if (all.length != 1) {
        throw NotFoundException.getNotFoundInstance();
      }
      return all[0].getText();
    }
  }

  /**
   * The image enlarged twice, smoothly, as a phone's camera pipeline does before it looks for a
   * code. A page scanned at 100 dpi gives a 0.8 mm module about three dots, where ZXing's detector
   * misplaces its sampling grid now and then: measured on the receipts' codes, 56 reads in 60 as
   * is, 60 in 60 enlarged; modules of 0.48 mm stay unreadable either way (38 in 60), the
   * information is not there.
   */
  private static BufferedImage twice(BufferedImage image) {
    BufferedImage big =
        new BufferedImage(
            image.getWidth() * 2, image.getHeight() * 2, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
    g.dispose();
    return big;
  }
}
