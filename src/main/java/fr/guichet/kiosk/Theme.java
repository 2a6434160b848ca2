package fr.guichet.kiosk;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the screen is coloured, for people who see well, badly, or on a terminal without colours. The
 * colours are explicit RGB values (never the terminal's own palette, which nobody can measure), so
 * that their contrast is computed and tested: at least 4.5:1 for {@code default} and 7:1 for {@code
 * high-contrast} (WCAG 1.4.3 and 1.4.6). {@code monochrome} uses no colour at all, only the
 * terminal's own foreground and background with bold and reverse video.
 *
 * <pre>{@code
 * Theme t = Theme.fromName("high-contrast").orElseThrow();
 * t.colours(Theme.Role.TEXT);                    // Optional[Pair[fg=#FFFFFF, bg=#000000]]
 * Theme.contrast(0xFFFFFF, 0x000000);            // 21.0
 * }</pre>
 */
public enum Theme {
  DEFAULT(
      "default",
      Map.ofEntries(
          Map.entry(Role.TEXT, new Pair(0x1A1A1A, 0xFAFAF5)),
          Map.entry(Role.TITLE, new Pair(0x003A70, 0xFAFAF5)),
          Map.entry(Role.ASIDE, new Pair(0x555555, 0xFAFAF5)),
          Map.entry(Role.HEADER, new Pair(0xFFFFFF, 0x003A70)),
          Map.entry(Role.HINTS, new Pair(0x1A1A1A, 0xDDDDDD)),
          Map.entry(Role.KEY, new Pair(0xFFFFFF, 0x003A70)),
          Map.entry(Role.FIELD, new Pair(0x1A1A1A, 0xE3E8EE)),
          Map.entry(Role.INFO, new Pair(0x1A1A1A, 0xCFE8F3)),
          Map.entry(Role.SUCCESS, new Pair(0xFFFFFF, 0x1B5E20)),
          Map.entry(Role.ERROR, new Pair(0xFFFFFF, 0xB00020)),
          Map.entry(Role.WAIT, new Pair(0x1A1A1A, 0xFFE082)))),
  HIGH_CONTRAST(
      "high-contrast",
      Map.ofEntries(
          Map.entry(Role.TEXT, new Pair(0xFFFFFF, 0x000000)),
          Map.entry(Role.TITLE, new Pair(0xFFFF00, 0x000000)),
          Map.entry(Role.ASIDE, new Pair(0xD0D0D0, 0x000000)),
          Map.entry(Role.HEADER, new Pair(0x000000, 0xFFFF00)),
          Map.entry(Role.HINTS, new Pair(0x000000, 0xFFFFFF)),
          Map.entry(Role.KEY, new Pair(0x000000, 0xFFFF00)),
          Map.entry(Role.FIELD, new Pair(0xFFFFFF, 0x202020)),
          Map.entry(Role.INFO, new Pair(0x000000, 0x00FFFF)),
          Map.entry(Role.SUCCESS, new Pair(0x000000, 0x00FF00)),
          Map.entry(Role.ERROR, new Pair(0xFFFFFF, 0x8B0000)),
          Map.entry(Role.WAIT, new Pair(0x000000, 0xFFFF00)))),
  MONOCHROME("monochrome", Map.of());

  /** What a piece of the screen is, so that each theme can colour it. */
  public enum Role {
    TEXT,
    TITLE,
    ASIDE,
    HEADER,
    HINTS,
    KEY,
    FIELD,
    INFO,
    SUCCESS,
    ERROR,
    WAIT
  }

  /** A foreground and a background colour, as 0xRRGGBB. */
  public record Pair(int foreground, int background) {
    public double contrast() {
      return Theme.contrast(foreground, background);
    }

    @Override
    public String toString() {
      return String.format("#%06X on #%06X", foreground, background);
    }
  }

  private final String id;
  private final Map<Role, Pair> colours;

  Theme(String id, Map<Role, Pair> colours) {
    this.id = id;
    this.colours = colours.isEmpty() ? Map.of() : new EnumMap<>(colours);
  }

  /**
   * The name used on the command line ({@code --theme}) and in the bundles ({@code theme.<id>}).
   */
  public String id() {
    return id;
  }

  /** The colours of a role, or empty in {@code monochrome} (the terminal's own colours). */
  public Optional<Pair> colours(Role role) {
    return Optional.ofNullable(colours.get(role));
  }

  /** Whether this theme sets colours at all. */
  public boolean coloured() {
    return !colours.isEmpty();
  }

  /** The next theme, for the key that cycles them. */
  public Theme next() {
    return values()[(ordinal() + 1) % values().length];
  }

  public static Optional<Theme> fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(name.strip())).findFirst();
  }

  /** The names {@code --theme} accepts, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(Theme::id).toList())
        .toLowerCase(Locale.ROOT);
  }

  /** WCAG 2 contrast ratio of two sRGB colours, from 1 (none) to 21 (black on white). */
  public static double contrast(int rgb1, int rgb2) {
    double l1 = luminance(rgb1);
    double l2 = luminance(rgb2);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  /** WCAG 2 relative luminance of an sRGB colour. */
  public static double luminance(int rgb) {
    return 0.2126 * channel((rgb >> 16) & 0xFF)
        + 0.7152 * channel((rgb >> 8) & 0xFF)
        + 0.0722 * channel(rgb & 0xFF);
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
