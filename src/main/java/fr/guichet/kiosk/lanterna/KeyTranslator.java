package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import fr.guichet.kiosk.Key;

/** Lanterna's key strokes to the kiosk's keys; anything else (mouse, Alt+key) is ignored. */
final class KeyTranslator {
  private KeyTranslator() {}

  static Key translate(KeyStroke stroke) {
    if (stroke.isAltDown() || stroke.isCtrlDown()) {
      return null;
    }
    return switch (stroke.getKeyType()) {
      case Character -> Key.of(stroke.getCharacter());
      case Enter -> Key.ENTER;
      case Escape -> Key.ESCAPE;
      case Backspace, Delete -> Key.BACKSPACE;
      case Tab -> Key.TAB;
      case ReverseTab -> Key.BACK_TAB;
      case ArrowUp -> Key.UP;
      case ArrowDown -> Key.DOWN;
      case ArrowLeft -> Key.LEFT;
      case ArrowRight -> Key.RIGHT;
      case F1 -> Key.function(1);
      case F2 -> Key.function(2);
      case F3 -> Key.function(3);
      case F4 -> Key.function(4);
      case F5 -> Key.function(5);
      case F6 -> Key.function(6);
      case F7 -> Key.function(7);
      case F8 -> Key.function(8);
      case F9 -> Key.function(9);
      case F10 -> Key.function(10);
      case F11 -> Key.function(11);
      case F12 -> Key.function(12);
      default -> null;
    };
  }
}
