package fr.guichet.kiosk.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import fr.guichet.kiosk.View;
import fr.guichet.kiosk.Wrap;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link View} on a Lanterna screen: header bar, "for whom", title, pictogram beside the
 * text, fields, numbered tiles, the notice box, and the key reminders on the last line. Fits
 * 80×24 and uses any extra room. Returns where the hardware cursor belongs.
 */
final class ViewPainter {
  private static final int PICTURE_GAP = 3;

  private ViewPainter() {}

  static TerminalPosition paint(View view, String header, TextGraphics g, TerminalSize size) {
    int width = size.getColumns();
    int height = size.getRows();
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.fill(' ');

    bar(g, 0, width, header, TextColor.ANSI.WHITE, TextColor.ANSI.BLUE);
    int row = 1;
    if (view.forWhom() != null) {
      g.enableModifiers(SGR.BOLD);
      g.putString(1, row, clip(view.forWhom(), width - 2));
      g.disableModifiers(SGR.BOLD);
    }
    row = 2;
    g.enableModifiers(SGR.BOLD);
    g.putString(1, row, clip(view.title(), width - 2));
    g.disableModifiers(SGR.BOLD);
    g.putString(1, row + 1, "═".repeat(Math.min(width - 2, Math.max(view.title().length(), 1))));
    row += 3;

    List<String> notice = view.notice() == null ? List.of() : Wrap.lines(symbol(view.notice().tone()) + " " + view.notice().text(), width - 4);
    int bottom = height - 2 - (notice.isEmpty() ? 0 : notice.size() + 1);
    TerminalPosition cursor = null;

    int textLeft = 1;
    if (!view.picture().isEmpty()) {
      for (int i = 0; i < view.picture().size() && row + i < bottom; i++) {
        g.putString(1, row + i, view.picture().get(i));
      }
      textLeft = 1 + view.picture().get(0).length() + PICTURE_GAP;
    }
    int pictureEnd = row + view.picture().size();
    for (String line : view.lines()) {
      for (String part : Wrap.lines(line, width - textLeft - 1)) {
        if (row >= bottom) {
          break;
        }
        g.putString(textLeft, row++, part);
      }
    }
    row = Math.max(row, pictureEnd) + 1;

    for (int i = 0; i < view.fields().size() && row + 1 < bottom; i++) {
      View.Field f = view.fields().get(i);
      boolean focused = i == view.focus();
      if (focused) {
        g.enableModifiers(SGR.BOLD);
      }
      g.putString(1, row, (focused ? "► " : "  ") + clip(f.label(), width - 4));
      g.disableModifiers(SGR.BOLD);
      int boxWidth = Math.min(f.width() + 2, width - 6);
      String shown = f.shown().length() > boxWidth - 2 ? f.shown().substring(f.shown().length() - (boxWidth - 2)) : f.shown();
      g.enableModifiers(SGR.REVERSE);
      g.putString(4, row + 1, " " + shown + " ".repeat(boxWidth - 1 - shown.length()));
      g.disableModifiers(SGR.REVERSE);
      if (focused) {
        cursor = new TerminalPosition(5 + shown.length(), row + 1);
      }
      row += 2;
    }
    if (view.focus() >= 0 && view.focus() < view.fields().size()) {
      for (String part : Wrap.lines(view.fields().get(view.focus()).help(), width - 4)) {
        if (row >= bottom) {
          break;
        }
        g.putString(3, row++, part);
      }
      row++;
    }

    for (View.Tile tile : view.tiles()) {
      if (row >= bottom) {
        break;
      }
      String key = " " + tile.key() + " ";
      g.enableModifiers(SGR.REVERSE, SGR.BOLD);
      g.putString(2, row, key);
      g.disableModifiers(SGR.REVERSE, SGR.BOLD);
      g.putString(2 + key.length() + 1, row, clip(tile.symbol() + "  " + tile.label(), width - key.length() - 4));
      if (cursor == null) {
        cursor = new TerminalPosition(3, row);
      }
      row++;
    }

    if (!notice.isEmpty()) {
      TextColor[] colours = colours(view.notice().tone());
      int top = height - 2 - notice.size();
      for (int i = 0; i < notice.size(); i++) {
        bar(g, top + i, width, " " + notice.get(i), colours[0], colours[1]);
      }
    }
    bar(g, height - 1, width, hints(view.hints(), width), TextColor.ANSI.BLACK, TextColor.ANSI.WHITE);
    return cursor;
  }

  private static String hints(List<View.Hint> hints, int width) {
    List<String> parts = new ArrayList<>();
    hints.forEach(h -> parts.add(h.key() + " " + h.label()));
    return clip(" " + String.join("  ", parts), width);
  }

  private static void bar(TextGraphics g, int row, int width, String text, TextColor fg, TextColor bg) {
    g.setForegroundColor(fg);
    g.setBackgroundColor(bg);
    String clipped = clip(text, width);
    g.putString(0, row, clipped + " ".repeat(Math.max(0, width - clipped.length())));
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
  }

  private static String symbol(View.Tone tone) {
    return switch (tone) {
      case ERROR -> "⚠";
      case SUCCESS -> "✓";
      case WAIT -> "…";
      case INFO -> "ℹ";
    };
  }

  private static TextColor[] colours(View.Tone tone) {
    return switch (tone) {
      case ERROR -> new TextColor[] {TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED};
      case SUCCESS -> new TextColor[] {TextColor.ANSI.BLACK, TextColor.ANSI.GREEN};
      case WAIT -> new TextColor[] {TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW};
      case INFO -> new TextColor[] {TextColor.ANSI.BLACK, TextColor.ANSI.CYAN};
    };
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
  }
}
