package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;

/**
 * What one screen shows, with every string already in the person's language: a pure value the
 * terminal adapter draws and tests read.
 *
 * <pre>{@code
 * View v = View.titled(m.text("account.title")).forWhom(who).picture(Pictogram.ACTIVE.lines())
 *     .lines(lines).tiles(tiles).say(notice, m).hints(hints).build();
 * }</pre>
 *
 * <p>Screens start from {@link Kiosk#frame}, which sets what every screen of a sitting shows (the
 * "for whom" line, the key reminders), and add their own.
 *
 * @param forWhom "for whom" line shown on top during a sitting, or null
 * @param picture a pictogram drawn beside the text, or an empty list
 * @param focus index of the focused field, or -1
 * @param rightToLeft the person's language is written from right to left: the screen is mirrored
 * @param aside the same screen in the mediator's language, drawn small under the person's, or null
 * @param pictureIsCode the picture is a QR code, drawn black on white whatever the theme
 */
public record View(
    String title,
    String forWhom,
    List<String> picture,
    List<String> lines,
    List<Field> fields,
    int focus,
    List<Tile> tiles,
    Notice notice,
    List<Hint> hints,
    boolean rightToLeft,
    Aside aside,
    boolean pictureIsCode) {

  /** A view titled {@code title}, to fill in; every part left out is empty. */
  static Builder titled(String title) {
    return new Builder(title);
  }

  /**
   * The parts of a view, set one by one: what every screen would otherwise write out nine times.
   */
  static final class Builder {
    private final String title;
    private String forWhom;
    private List<String> picture = List.of();
    private boolean pictureIsCode;
    private List<String> lines = List.of();
    private List<Field> fields = List.of();
    private int focus = -1;
    private List<Tile> tiles = List.of();
    private Notice notice;
    private List<Hint> hints = List.of();

    private Builder(String title) {
      this.title = title;
    }

    Builder forWhom(String who) {
      this.forWhom = who;
      return this;
    }

    Builder picture(List<String> drawing) {
      this.picture = drawing;
      return this;
    }

    /**
     * The picture is a QR code: drawn black on white whatever the theme, so that a phone reads it.
     */
    Builder code(List<String> modules) {
      this.picture = modules;
      this.pictureIsCode = true;
      return this;
    }

    Builder lines(List<String> text) {
      this.lines = text;
      return this;
    }

    /** Input fields, the one at {@code focusedField} focused (-1: none). */
    Builder fields(List<Field> boxes, int focusedField) {
      this.fields = boxes;
      this.focus = focusedField;
      return this;
    }

    Builder tiles(List<Tile> choices) {
      this.tiles = choices;
      return this;
    }

    /** The notice said in {@code m}'s language; none when {@code say} is null. */
    Builder say(Say say, fr.guichet.i18n.Messages m) {
      this.notice = say == null ? null : say.in(m);
      return this;
    }

    Builder hints(List<Hint> keys) {
      this.hints = keys;
      return this;
    }

    View build() {
      return new View(
          title,
          forWhom,
          picture,
          lines,
          fields,
          focus,
          tiles,
          notice,
          hints,
          false,
          null,
          pictureIsCode);
    }
  }

  /**
   * An input field; {@code shown} is already masked for secrets.
   *
   * @param secret what is typed must never be shown (a password): plain mode turns the terminal's
   *     echo off for it
   */
  public record Field(String label, String shown, String help, int width, boolean secret) {
    public Field(String label, String shown, String help, int width) {
      this(label, shown, help, width, false);
    }
  }

  /**
   * A numbered choice with its pictogram.
   *
   * @param focused where the reading cursor is (arrow keys move it on lists such as the languages)
   */
  public record Tile(String key, String symbol, String label, boolean focused) {
    public Tile(String key, String symbol, String label) {
      this(key, symbol, label, false);
    }

    /** The Esc tile that goes back to the screen before, worded as most screens word it. */
    static Tile back(Messages m) {
      return new Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("key.back"));
    }
  }

  /**
   * The mediator's words for the same screen: the title, each line, each field label, each tile
   * label and the notice, index for index (null where there is nothing to add).
   */
  public record Aside(
      String title,
      List<String> lines,
      List<String> fields,
      List<String> tiles,
      String notice,
      boolean rightToLeft) {}

  /** A message in a box: what happened, in plain words. */
  public record Notice(Tone tone, String text) {}

  /** A key reminder in the footer. */
  public record Hint(String key, String label) {}

  /** How a notice looks. */
  public enum Tone {
    INFO,
    SUCCESS,
    ERROR,
    WAIT
  }

  /**
   * This view with the mediator's view of the same screen beside it (when their languages differ).
   * The title and the notice always come along; the lines, the fields and the tiles each when the
   * mediator's screen has as many (a sentence cut into more lines in one language cannot be paired
   * line for line).
   */
  public View withAside(View mediator) {
    return withAside(
        new Aside(
            mediator.title,
            mediator.lines.size() == lines.size() ? mediator.lines : List.of(),
            mediator.fields.size() == fields.size()
                ? mediator.fields.stream().map(Field::label).toList()
                : List.of(),
            mediator.tiles.size() == tiles.size()
                ? mediator.tiles.stream().map(Tile::label).toList()
                : List.of(),
            mediator.notice == null ? null : mediator.notice.text(),
            mediator.rightToLeft));
  }

  View withAside(Aside a) {
    return new View(
        title,
        forWhom,
        picture,
        lines,
        fields,
        focus,
        tiles,
        notice,
        hints,
        rightToLeft,
        a,
        pictureIsCode);
  }

  View withDirection(boolean rtl) {
    return new View(
        title,
        forWhom,
        picture,
        lines,
        fields,
        focus,
        tiles,
        notice,
        hints,
        rtl,
        aside,
        pictureIsCode);
  }

  View withNotice(Notice n) {
    return new View(
        title,
        forWhom,
        picture,
        lines,
        fields,
        focus,
        tiles,
        n,
        hints,
        rightToLeft,
        aside,
        pictureIsCode);
  }

  /** The key reminders as one line, in logical order: " F1 Aide F2 Langue ...". */
  public String hintLine() {
    return " " + String.join("  ", reminders());
  }

  /** Each key reminder as "key label". */
  public List<String> reminders() {
    return hints.stream().map(h -> h.key() + " " + h.label()).toList();
  }

  /** Everything on screen as plain text, top to bottom (for read-aloud and linear output). */
  public String asText() {
    StringBuilder out = new StringBuilder();
    if (forWhom != null) {
      out.append(forWhom).append('\n');
    }
    out.append(title).append('\n');
    lines.forEach(l -> out.append(l).append('\n'));
    fields.forEach(f -> out.append(f.label()).append(": ").append(f.shown()).append('\n'));
    tiles.forEach(t -> out.append(t.key()).append(' ').append(t.label()).append('\n'));
    if (notice != null) {
      out.append(notice.text()).append('\n');
    }
    return out.toString();
  }
}
