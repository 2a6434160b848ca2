package fr.guichet.kiosk;

import java.util.List;

/**
 * What one screen shows, with every string already in the person's language: a pure value the
 * terminal adapter draws and tests read.
 *
 * <pre>{@code
 * View v = new View(title, forWhom, Pictogram.ACTIVE.lines(), lines, fields, focus, tiles, notice, hints);
 * }</pre>
 *
 * @param forWhom "for whom" line shown on top during a sitting, or null
 * @param picture a pictogram drawn beside the text, or an empty list
 * @param focus index of the focused field, or -1
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
    List<Hint> hints) {

  /** An input field; {@code shown} is already masked for secrets. */
  public record Field(String label, String shown, String help, int width) {}

  /** A numbered choice with its pictogram. */
  public record Tile(String key, String symbol, String label) {}

  /** A message in a box: what happened, in plain words. */
  public record Notice(Tone tone, String text) {}

  /** A key reminder in the footer. */
  public record Hint(String key, String label) {}

  /** How a notice looks. */
  public enum Tone { INFO, SUCCESS, ERROR, WAIT }

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
