package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import fr.guichet.i18n.VisualLine;
import fr.guichet.kiosk.Theme;
import fr.guichet.kiosk.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link View} on a Lanterna screen: header bar, "for whom", title, pictogram beside the
 * text, fields, numbered tiles, the notice box, and the key reminders on the last line; with the
 * mediator's words small (dim) beside or under the person's when their languages differ, as many as
 * the rows allow. Mirrored for right-to-left languages (text right-aligned, pictogram and tile keys
 * on the right); every string goes through {@link VisualLine}, so Arabic is shaped and reordered
 * here, never by the terminal. Fits 80×24 and uses any extra room. Returns where the hardware
 * cursor belongs: the focused field, else the focused (or first) tile's key.
 */
final class ViewPainter {
  private static final int PICTURE_GAP = 3;
  private static final int ASIDE_GAP = 3;

  /** An aside squeezed into less room than this is left out rather than cut to nothing. */
  private static final int MIN_ASIDE = 10;

  private final View view;
  private final Theme theme;
  private final TextGraphics g;
  private final int width;
  private final int height;
  private final boolean rtl;

  private ViewPainter(View view, Theme theme, TextGraphics g, TerminalSize size) {
    this.view = view;
    this.theme = theme;
    this.g = g;
    this.width = size.getColumns();
    this.height = size.getRows();
    this.rtl = view.rightToLeft();
  }

  static TerminalPosition paint(
      View view, String header, Theme theme, TextGraphics g, TerminalSize size) {
    return new ViewPainter(view, theme, g, size).paint(header);
  }

  private TerminalPosition paint(String header) {
    style(Theme.Role.TEXT);
    g.fill(' ');
    View.Aside aside = view.aside();

    bar(0, header, Theme.Role.HEADER, false);
    if (view.forWhom() != null) {
      g.enableModifiers(SGR.BOLD);
      line(1, 1, width - 2, view.forWhom(), rtl);
      g.disableModifiers(SGR.BOLD);
    }
    int row = titleRows(aside);

    List<String> notice = noticeRows(aside);
    int bottom = height - 1 - notice.size();

    // What must be drawn, row by row, before deciding how many of the mediator's lines fit.
    int textLeft = 1;
    int textWidth = width - 2;
    int pictureRows = view.picture().size();
    if (pictureRows > 0) {
      textWidth = width - 2 - view.picture().get(0).length() - PICTURE_GAP;
      textLeft = rtl ? 1 : 1 + view.picture().get(0).length() + PICTURE_GAP;
    }
    List<List<String>> mainLines = new ArrayList<>();
    int mainRows = 0;
    for (String l : view.lines()) {
      List<String> wrapped = l.isBlank() ? List.of("") : VisualLine.wrap(l, textWidth, rtl);
      mainLines.add(wrapped);
      mainRows += wrapped.size();
    }
    List<String> help =
        view.focus() >= 0 && view.focus() < view.fields().size()
            ? VisualLine.wrap(view.fields().get(view.focus()).help(), width - 4, rtl)
            : List.of();
    int fixed =
        view.fields().size() * 2 + (help.isEmpty() ? 0 : help.size() + 1) + view.tiles().size() + 1;
    int asides = 0;
    List<Integer> withAside = new ArrayList<>();
    for (int i = 0; i < view.lines().size(); i++) {
      String a = asideAt(aside == null ? null : aside.lines(), i);
      if (a != null && !a.isBlank() && !a.equals(view.lines().get(i))) {
        withAside.add(i);
      }
    }
    int room = bottom - row;
    while (asides < withAside.size()
        && Math.max(pictureRows, mainRows + asides + 1) + fixed <= room) {
      asides++;
    }
    List<Integer> shown = withAside.subList(0, asides);

    int top = row;
    for (int i = 0; i < pictureRows && row + i < bottom; i++) {
      String p = view.picture().get(i);
      if (view.pictureIsCode()) {
        // A QR code is read by a phone's camera: black modules on white, whatever the theme or
        // terminal.
        g.setForegroundColor(TextColor.ANSI.BLACK);
        g.setBackgroundColor(TextColor.ANSI.WHITE_BRIGHT);
      }
      g.putString(rtl ? width - 1 - p.length() : 1, row + i, p);
      if (view.pictureIsCode()) {
        style(Theme.Role.TEXT);
      }
    }
    for (int i = 0; i < mainLines.size(); i++) {
      for (String part : mainLines.get(i)) {
        if (row >= bottom) {
          break;
        }
        visual(row++, textLeft, textWidth, part);
      }
      if (shown.contains(i) && row < bottom) {
        style(Theme.Role.ASIDE);
        line(row++, textLeft, textWidth, aside.lines().get(i), aside.rightToLeft());
        style(Theme.Role.TEXT);
      }
    }
    row = Math.max(row, top + pictureRows) + 1;

    TerminalPosition cursor = null;
    for (int i = 0; i < view.fields().size() && row + 1 < bottom; i++) {
      View.Field f = view.fields().get(i);
      boolean focused = i == view.focus();
      if (focused) {
        g.enableModifiers(SGR.BOLD);
      }
      String label = (focused ? (rtl ? "◄ " : "► ") : "  ") + VisualLine.clip(f.label(), width - 6);
      String asideLabel = asideAt(aside == null ? null : aside.fields(), i);
      if (asideLabel != null && asideLabel.equals(f.label())) {
        asideLabel = null;
      }
      if (rtl) {
        inlineRight(row, width - 2, width - 2, label, asideLabel, aside);
      } else {
        inlineLeft(row, 1, width - 2, label, asideLabel, aside);
      }
      g.disableModifiers(SGR.BOLD);
      int boxWidth = Math.min(f.width() + 2, width - 6);
      String value =
          f.shown().length() > boxWidth - 2
              ? f.shown().substring(f.shown().length() - (boxWidth - 2))
              : f.shown();
      int boxLeft = rtl ? width - 4 - boxWidth : 4;
      style(Theme.Role.FIELD);
      if (!theme.coloured()) {
        g.enableModifiers(SGR.REVERSE);
      }
      g.putString(
          boxLeft,
          row + 1,
          " "
              + VisualLine.of(value, false)
              + " ".repeat(Math.max(0, boxWidth - 1 - value.length())));
      g.disableModifiers(SGR.REVERSE);
      style(Theme.Role.TEXT);
      if (focused) {
        cursor = new TerminalPosition(boxLeft + 1 + value.length(), row + 1);
      }
      row += 2;
    }
    if (!help.isEmpty()) {
      for (String part : help) {
        if (row >= bottom) {
          break;
        }
        visual(row++, 3, width - 4, part);
      }
      row++;
    }

    TerminalPosition firstTile = null;
    for (int i = 0; i < view.tiles().size() && row < bottom; i++) {
      View.Tile tile = view.tiles().get(i);
      String key = " " + tile.key() + " ";
      int keyLeft = rtl ? width - 2 - key.length() : 2;
      style(Theme.Role.KEY);
      g.enableModifiers(SGR.BOLD);
      if (!theme.coloured()) {
        g.enableModifiers(SGR.REVERSE);
      }
      g.putString(keyLeft, row, key);
      g.disableModifiers(SGR.REVERSE, SGR.BOLD);
      style(Theme.Role.TEXT);
      String label = symbol(tile.symbol()) + "  " + tile.label();
      int labelWidth = width - key.length() - 5;
      String asideLabel = asideAt(aside == null ? null : aside.tiles(), i);
      if (asideLabel != null && asideLabel.equals(tile.label())) {
        asideLabel = null;
      }
      if (tile.focused()) {
        g.enableModifiers(SGR.BOLD);
      }
      if (rtl) {
        inlineRight(row, width - 4 - key.length(), labelWidth, label, asideLabel, aside);
      } else {
        inlineLeft(row, keyLeft + key.length() + 1, labelWidth, label, asideLabel, aside);
      }
      g.disableModifiers(SGR.BOLD);
      TerminalPosition at = new TerminalPosition(keyLeft + 1, row);
      if (firstTile == null || tile.focused()) {
        firstTile = at;
      }
      row++;
    }
    if (cursor == null) {
      cursor = firstTile;
    }

    if (!notice.isEmpty()) {
      Theme.Role role = tone(view.notice().tone());
      for (int i = 0; i < notice.size(); i++) {
        bar(bottom + i, notice.get(i), role, true);
      }
    }
    String hints =
        VisualLine.width(view.hintLine()) <= width
            ? VisualLine.hints(view.reminders(), rtl)
            : VisualLine.of(VisualLine.clip(view.hintLine(), width), rtl);
    bar(height - 1, hints.strip(), Theme.Role.HINTS, true);
    return cursor;
  }

  /** Title (bold), the mediator's title beside it if it fits or under it, then the rule. */
  private int titleRows(View.Aside aside) {
    int row = 2;
    String title = VisualLine.clip(view.title(), width - 2);
    style(Theme.Role.TITLE);
    g.enableModifiers(SGR.BOLD);
    String asideTitle =
        aside == null || aside.title() == null || aside.title().equals(view.title())
            ? null
            : aside.title();
    int titleWidth = VisualLine.width(title);
    boolean beside =
        asideTitle != null && titleWidth + ASIDE_GAP + VisualLine.width(asideTitle) <= width - 2;
    if (beside && rtl) {
      inlineRight(row, width - 2, width - 2, title, asideTitle, aside);
    } else if (beside) {
      inlineLeft(row, 1, width - 2, title, asideTitle, aside);
    } else {
      line(row, 1, width - 2, title, rtl);
    }
    g.disableModifiers(SGR.BOLD);
    style(Theme.Role.TITLE);
    String rule = "═".repeat(Math.min(width - 2, Math.max(titleWidth, 1)));
    g.putString(rtl ? width - 1 - rule.length() : 1, row + 1, rule);
    style(Theme.Role.TEXT);
    if (asideTitle != null && !beside) {
      style(Theme.Role.ASIDE);
      line(row + 2, 1, width - 2, VisualLine.clip(asideTitle, width - 2), aside.rightToLeft());
      style(Theme.Role.TEXT);
      return row + 4;
    }
    return row + 3;
  }

  /**
   * The notice box rows, in visual order: the person's sentence, then the mediator's, clipped to
   * one row.
   */
  private List<String> noticeRows(View.Aside aside) {
    if (view.notice() == null) {
      return List.of();
    }
    List<String> rows = new ArrayList<>();
    String symbol = symbol(view.notice().tone());
    String text = rtl ? view.notice().text() + " " + symbol : symbol + " " + view.notice().text();
    rows.addAll(VisualLine.wrap(text, width - 4, rtl));
    if (aside != null && aside.notice() != null && !aside.notice().equals(view.notice().text())) {
      rows.add(
          VisualLine.of(VisualLine.clip("› " + aside.notice(), width - 4), aside.rightToLeft()));
    }
    return rows;
  }

  /**
   * Draws a left-to-right row: the text from {@code left}, then the aside (dim) after it when it
   * fits. Returns the columns used.
   */
  private int inlineLeft(
      int row, int left, int room, String text, String asideText, View.Aside aside) {
    String clipped = VisualLine.clip(text, room);
    String shown = VisualLine.of(clipped, false);
    g.putString(left, row, shown);
    int rest = room - shown.length() - ASIDE_GAP;
    if (asideText != null && rest >= MIN_ASIDE) {
      String a = VisualLine.of(VisualLine.clip(asideText, rest), aside.rightToLeft());
      withRole(Theme.Role.ASIDE, () -> g.putString(left + shown.length() + ASIDE_GAP, row, a));
      return shown.length() + ASIDE_GAP + a.length();
    }
    return shown.length();
  }

  /**
   * Draws a right-to-left row ending at column {@code right} (inclusive): the text, and the aside
   * (dim) to its left when it fits. Returns the columns used.
   */
  private int inlineRight(
      int row, int right, int room, String text, String asideText, View.Aside aside) {
    String shown = VisualLine.of(VisualLine.clip(text, room), true);
    int left = right - shown.length() + 1;
    g.putString(left, row, shown);
    int rest = room - shown.length() - ASIDE_GAP;
    if (asideText != null && rest >= MIN_ASIDE) {
      String a = VisualLine.of(VisualLine.clip(asideText, rest), aside.rightToLeft());
      withRole(Theme.Role.ASIDE, () -> g.putString(left - ASIDE_GAP - a.length(), row, a));
      return shown.length() + ASIDE_GAP + a.length();
    }
    return shown.length();
  }

  /** One logical line, clipped to its room, reordered, aligned to its side. */
  private void line(int row, int left, int room, String logical, boolean rightToLeft) {
    visual(row, left, room, VisualLine.of(VisualLine.clip(logical, room), rightToLeft));
  }

  /** One line already in visual order, aligned to the side of the screen's direction. */
  private void visual(int row, int left, int room, String shown) {
    g.putString(rtl ? left + room - shown.length() : left, row, shown);
  }

  private void bar(int row, String logical, Theme.Role role, boolean alreadyVisual) {
    style(role);
    if (!theme.coloured()) {
      g.enableModifiers(SGR.REVERSE);
    }
    String shown = alreadyVisual ? logical : VisualLine.of(VisualLine.clip(logical, width), rtl);
    if (alreadyVisual) {
      shown = rtl ? shown + " " : " " + shown;
    }
    String padding = " ".repeat(Math.max(0, width - shown.length()));
    g.putString(0, row, rtl ? padding + shown : shown + padding);
    g.disableModifiers(SGR.REVERSE);
    style(Theme.Role.TEXT);
  }

  /** Draws in another role (the mediator's words: never bold), then back to the text's style. */
  private void withRole(Theme.Role role, Runnable draw) {
    java.util.EnumSet<SGR> before = g.getActiveModifiers();
    g.disableModifiers(SGR.BOLD);
    style(role);
    if (role == Theme.Role.ASIDE && !theme.coloured()) {
      g.enableModifiers(SGR.ITALIC);
    }
    draw.run();
    g.disableModifiers(SGR.ITALIC);
    style(Theme.Role.TEXT);
    g.setModifiers(before);
  }

  private void style(Theme.Role role) {
    if (role == Theme.Role.ASIDE && !theme.coloured()) {
      g.enableModifiers(SGR.ITALIC);
    } else if (role == Theme.Role.TEXT) {
      g.disableModifiers(SGR.ITALIC);
    }
    Theme.Pair pair = theme.colours(role).orElse(null);
    if (pair == null) {
      g.setForegroundColor(TextColor.ANSI.DEFAULT);
      g.setBackgroundColor(TextColor.ANSI.DEFAULT);
      return;
    }
    g.setForegroundColor(rgb(pair.foreground()));
    g.setBackgroundColor(rgb(pair.background()));
  }

  private static TextColor rgb(int rgb) {
    return new TextColor.RGB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
  }

  /** Arrows point the other way on a mirrored screen: "next" is to the left. */
  private String symbol(String symbol) {
    if (!rtl) {
      return symbol;
    }
    return switch (symbol) {
      case "►" -> "◄";
      case "◄" -> "►";
      default -> symbol;
    };
  }

  private static String asideAt(List<String> list, int i) {
    return list == null || i >= list.size() ? null : list.get(i);
  }

  private static Theme.Role tone(View.Tone tone) {
    return switch (tone) {
      case ERROR -> Theme.Role.ERROR;
      case SUCCESS -> Theme.Role.SUCCESS;
      case WAIT -> Theme.Role.WAIT;
      case INFO -> Theme.Role.INFO;
    };
  }

  private static String symbol(View.Tone tone) {
    return switch (tone) {
      case ERROR -> "⚠";
      case SUCCESS -> "✓";
      case WAIT -> "…";
      case INFO -> "ℹ";
    };
  }
}
