package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import fr.guichet.print.ActivationHelpSheet;
import fr.guichet.print.QrCode;
import java.util.List;

/**
 * "Continue on my phone": the QR code of the official Mon Espace Santé site drawn on the screen,
 * black on white with half blocks, for the person to scan and open their space at home. Any of Esc
 * or Enter goes back.
 */
record QrScreen(Screen back) implements Screen {
  static final int QUIET_ZONE = 2;

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> code = QrCode.of(ActivationHelpSheet.OFFICIAL_SITE).halfBlocks(QUIET_ZONE);
    return kiosk
        .frame(m, m.text("qr.title"), false)
        .code(code)
        .lines(List.of(m.text("qr.explain"), "", ActivationHelpSheet.OFFICIAL_SITE))
        .tiles(List.of(View.Tile.back(m)))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    return key.kind() == Key.Kind.ESCAPE || key.kind() == Key.Kind.ENTER ? back : this;
  }

  @Override
  public String helpTopic() {
    return back.helpTopic();
  }
}
