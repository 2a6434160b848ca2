package fr.guichet.kiosk;

/**
 * A key press, independent of the terminal library: the screens see only these.
 *
 * <pre>{@code
 * Key.of('1'); Key.ENTER; Key.function(2);
 * }</pre>
 *
 * @param kind what kind of key
 * @param character the character typed, for {@link Kind#CHARACTER}
 * @param number the F-key number, for {@link Kind#FUNCTION}
 */
public record Key(Kind kind, char character, int number) {
  /** The keys the kiosk understands. */
  public enum Kind {
    CHARACTER,
    ENTER,
    ESCAPE,
    BACKSPACE,
    TAB,
    BACK_TAB,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    FUNCTION
  }

  public static final Key ENTER = new Key(Kind.ENTER, '\0', 0);
  public static final Key ESCAPE = new Key(Kind.ESCAPE, '\0', 0);
  public static final Key BACKSPACE = new Key(Kind.BACKSPACE, '\0', 0);
  public static final Key TAB = new Key(Kind.TAB, '\0', 0);
  public static final Key BACK_TAB = new Key(Kind.BACK_TAB, '\0', 0);
  public static final Key UP = new Key(Kind.UP, '\0', 0);
  public static final Key DOWN = new Key(Kind.DOWN, '\0', 0);
  public static final Key LEFT = new Key(Kind.LEFT, '\0', 0);
  public static final Key RIGHT = new Key(Kind.RIGHT, '\0', 0);

  public static Key of(char c) {
    return new Key(Kind.CHARACTER, c, 0);
  }

  public static Key function(int n) {
    return new Key(Kind.FUNCTION, '\0', n);
  }

  public boolean isFunction(int n) {
    return kind == Kind.FUNCTION && number == n;
  }

  /** The digit typed, or -1. */
  public int digit() {
    return kind == Kind.CHARACTER && character >= '0' && character <= '9' ? character - '0' : -1;
  }
}
