package fr.guichet.kiosk;

/** The kiosk's global keys, the same on every screen, one hand, no combination. */
final class KeyMap {
  static final int HELP = 1;
  static final int LANGUAGE = 2;
  static final int SUPPORT = 3;
  static final int LEGEND = 4;
  static final int LISTEN = 5;
  static final int LANGUAGES = 6;
  static final int THEME = 7;

  /** Saves the document the printer refused, so that nothing is lost. */
  static final int SAVE = 8;

  /** The official site's QR code on screen: continue on the phone. */
  static final int PHONE = 9;

  static final int END_SITTING = 10;
  static final int LOGOUT = 12;

  private KeyMap() {}
}
