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
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * Draws a {@link View} on a Lanterna screen: header bar, "for whom", title, pictogram beside the
 * text, fields, numbered tiles, the notice box, and the key reminders at the bottom; with the
 * mediator's words small (dim) beside or under the person's when their languages differ. Mirrored
 * for right-to-left languages (text right-aligned, pictogram and tile keys on the right); every
 * string goes through {@link VisualLine}, so Arabic is shaped and reordered here, never by the
 * terminal.
 *
 * <p>Nothing is cut: a sentence too long for its row wraps onto the next, in either language, and
 * the mediator's words of a tile, a field, the title and the notice are always there (beside when
 * they fit, under otherwise). Only the mediator's words of the text lines give way, from the last,
 * when the rows run out. A screen whose content is still taller than the terminal is shown in pages
 * (the adapter turns them with Pg↑ and Pg↓) with a line that says so, on the page that holds the
 * focused field or tile: never a tile dropped silently. Returns where the hardware cursor belongs
 * (the focused field, else the focused or first tile's key on the page), and the page drawn.
 *
 * <pre>{@code
 * ViewPainter.Painted p = ViewPainter.paint(view, header, pageLine, theme, g, size, -1);
 * }</pre>
 */
final class ViewPainter {
  private static final int PICTURE_GAP = 3;
  private static final int ASIDE_GAP = 3;

  /**
   * What was drawn.
   *
   * @param cursor where the hardware cursor belongs, or null when nothing on this page takes it
   * @param page the page drawn, from 0
   * @param pages how many pages the screen takes (1 when it fits)
   */
  record Painted(TerminalPosition cursor, int page, int pages) {}

  /** What focus a row of the body holds, for the hardware cursor. */
  private enum Focus {
    NONE,
    FIELD,
    TILE,
    FOCUSED_TILE
  }

  /** One row of the body: how to draw it on a terminal row, and the cursor's column there. */
  private record Row(IntConsumer draw, int column, Focus focus) {
    static Row text(IntConsumer draw) {
      return new Row(draw, -1, Focus.NONE);
    }

    static Row blank() {
      return text(y -> {});
    }
  }

  private final View view;
  private final Theme theme;
  private final TextGraphics g;
  private final int width;
  private final int height;
  private final boolean rtl;
  private final View.Aside aside;

  private ViewPainter(View view, Theme theme, TextGraphics g, TerminalSize size) {
    this.view = view;
    this.theme = theme;
    this.g = g;
    this.width = size.getColumns();
    this.height = size.getRows();
    this.rtl = view.rightToLeft();
    this.aside = view.aside();
  }

  /**
   * Draws {@code view}.
   *
   * @param pageLine the line under a screen in pages, given the page (from 1) and the count: the
   *     person's words, then the mediator's (or null)
   * @param page the page asked for with Pg↑ and Pg↓, or -1 for the one that holds the focus
   */
  static Painted paint(
      View view,
      String header,
      BiFunction<Integer, Integer, List<String>> pageLine,
      Theme theme,
      TextGraphics g,
      TerminalSize size,
      int page) {
    return new ViewPainter(view, theme, g, size).paint(header, pageLine, page);
  }

  private Painted paint(
      String header, BiFunction<Integer, Integer, List<String>> pageLine, int asked) {
    style(Theme.Role.TEXT);
    g.fill(' ');
    bar(0, VisualLine.of(VisualLine.clip(header, width), rtl), Theme.Role.HEADER, false);
    int row = 1;
    if (view.forWhom() != null) {
      g.enableModifiers(SGR.BOLD);
      for (String part : VisualLine.wrap(view.forWhom(), width - 2, rtl)) {
        visual(row++, 1, width - 2, part);
      }
      g.disableModifiers(SGR.BOLD);
    }
    int top = titleRows(Math.max(row, 2));

    List<String> hints = hintRows();
    List<String> notice = noticeRows();
    int bottom = height - hints.size() - notice.size();
    for (int i = 0; i < notice.size(); i++) {
      bar(bottom + i, notice.get(i), tone(view.notice().tone()), true);
    }
    for (int i = 0; i < hints.size(); i++) {
      bar(height - hints.size() + i, hints.get(i), Theme.Role.HINTS, true);
    }

    List<Row> body = body(bottom - top);
    if (body.size() <= bottom - top) {
      draw(body, top);
      return new Painted(cursor(body, top), 0, 1);
    }
    // Too tall for the terminal: pages, each with the line that says how to turn them.
    List<String> under = pageLine.apply(1, 2);
    List<String> marker = new ArrayList<>(VisualLine.wrap("▼ " + under.get(0), width - 2, rtl));
    if (under.size() > 1 && under.get(1) != null && !under.get(1).equals(under.get(0))) {
      marker.addAll(
          VisualLine.wrap("› " + under.get(1), width - 2, aside != null && aside.rightToLeft()));
    }
    int room = Math.max(1, bottom - top - marker.size());
    List<List<Row>> pages = new ArrayList<>();
    for (int i = 0; i < body.size(); i += room) {
      pages.add(body.subList(i, Math.min(body.size(), i + room)));
    }
    int page = asked >= 0 ? Math.min(asked, pages.size() - 1) : focusedPage(pages);
    List<Row> shown = pages.get(page);
    draw(shown, top);
    List<String> said = pageLine.apply(page + 1, pages.size());
    int y = bottom - marker.size();
    style(Theme.Role.INFO);
    for (String part : VisualLine.wrap("▼ " + said.get(0), width - 2, rtl)) {
      visual(y++, 1, width - 2, part);
    }
    style(Theme.Role.TEXT);
    if (said.size() > 1 && said.get(1) != null && !said.get(1).equals(said.get(0))) {
      boolean asideRtl = aside != null && aside.rightToLeft();
      for (String part : VisualLine.wrap("› " + said.get(1), width - 2, asideRtl)) {
        int at = y++;
        withRole(Theme.Role.ASIDE, () -> visual(at, 1, width - 2, part));
      }
    }
    return new Painted(cursor(shown, top), page, pages.size());
  }

  private void draw(List<Row> rows, int top) {
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).draw().accept(top + i);
    }
  }

  /** The focused field, else the focused tile, else the first tile of these rows. */
  private static TerminalPosition cursor(List<Row> rows, int top) {
    for (Focus wanted : List.of(Focus.FIELD, Focus.FOCUSED_TILE, Focus.TILE)) {
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).focus() == wanted) {
          return new TerminalPosition(rows.get(i).column(), top + i);
        }
      }
    }
    return null;
  }

  private static int focusedPage(List<List<Row>> pages) {
    for (Focus wanted : List.of(Focus.FIELD, Focus.FOCUSED_TILE)) {
      for (int p = 0; p < pages.size(); p++) {
        if (pages.get(p).stream().anyMatch(r -> r.focus() == wanted)) {
          return p;
        }
      }
    }
    return 0;
  }

  /**
   * The rows between the title and the notice: the text beside the picture (with as many of the
   * mediator's lines as {@code room} allows, the first lines first), a blank row, the fields and
   * the focused field's help, the tiles.
   */
  private List<Row> body(int room) {
    List<String> picture = view.picture();
    int pictureWidth = picture.isEmpty() ? 0 : picture.get(0).length();
    int textWidth = picture.isEmpty() ? width - 2 : width - 2 - pictureWidth - PICTURE_GAP;
    int textLeft = picture.isEmpty() || rtl ? 1 : 1 + pictureWidth + PICTURE_GAP;

    List<List<String>> mine = new ArrayList<>();
    List<List<String>> theirs = new ArrayList<>();
    int textRows = 0;
    for (int i = 0; i < view.lines().size(); i++) {
      String l = view.lines().get(i);
      List<String> parts = l.isBlank() ? List.of("") : VisualLine.wrap(l, textWidth, rtl);
      mine.add(parts);
      textRows += parts.size();
      String a = at(aside == null ? null : aside.lines(), i);
      theirs.add(
          a == null || a.isBlank() || a.equals(l)
              ? List.of()
              : VisualLine.wrap(a, textWidth, aside.rightToLeft()));
    }
    List<Row> rest = new ArrayList<>();
    fields(rest);
    tiles(rest);
    int fixed = rest.size() + 1; // the blank row after the text
    List<Boolean> shown = new ArrayList<>();
    for (List<String> a : theirs) {
      boolean fits =
          !a.isEmpty() && Math.max(picture.size(), textRows + a.size() + 1) + fixed <= room;
      shown.add(fits);
      textRows += fits ? a.size() : 0;
    }

    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      for (String part : mine.get(i)) {
        rows.add(Row.text(y -> visual(y, textLeft, textWidth, part)));
      }
      if (shown.get(i)) {
        for (String part : theirs.get(i)) {
          rows.add(
              Row.text(
                  y -> withRole(Theme.Role.ASIDE, () -> visual(y, textLeft, textWidth, part))));
        }
      }
    }
    while (rows.size() < picture.size()) {
      rows.add(Row.blank());
    }
    for (int i = 0; i < picture.size(); i++) {
      String p = picture.get(i);
      IntConsumer text = rows.get(i).draw();
      rows.set(
          i,
          Row.text(
              y -> {
                picture(y, p);
                text.accept(y);
              }));
    }
    rows.add(Row.blank());
    rows.addAll(rest);
    return rows;
  }

  private void picture(int y, String p) {
    if (view.pictureIsCode()) {
      // A QR code is read by a phone's camera: black modules on white, whatever the theme or
      // terminal.
      g.setForegroundColor(TextColor.ANSI.BLACK);
      g.setBackgroundColor(TextColor.ANSI.WHITE_BRIGHT);
    }
    g.putString(rtl ? width - 1 - p.length() : 1, y, p);
    if (view.pictureIsCode()) {
      style(Theme.Role.TEXT);
    }
  }

  /** Each field: its label (the focused one marked and bold), its box; then the focused help. */
  private void fields(List<Row> rows) {
    for (int i = 0; i < view.fields().size(); i++) {
      View.Field f = view.fields().get(i);
      boolean focused = i == view.focus();
      String theirs = at(aside == null ? null : aside.fields(), i);
      rows.addAll(
          labelled(focused ? (rtl ? "◄ " : "► ") : "  ", f.label(), theirs, 1, width - 2, focused));
      int boxWidth = Math.min(f.width() + 2, width - 6);
      String value =
          f.shown().length() > boxWidth - 2
              ? f.shown().substring(f.shown().length() - (boxWidth - 2))
              : f.shown();
      int boxLeft = rtl ? width - 4 - boxWidth : 4;
      rows.add(
          new Row(
              y -> {
                style(Theme.Role.FIELD);
                if (!theme.coloured()) {
                  g.enableModifiers(SGR.REVERSE);
                }
                g.putString(
                    boxLeft,
                    y,
                    " "
                        + VisualLine.of(value, false)
                        + " ".repeat(Math.max(0, boxWidth - 1 - value.length())));
                g.disableModifiers(SGR.REVERSE);
                style(Theme.Role.TEXT);
              },
              boxLeft + 1 + value.length(),
              focused ? Focus.FIELD : Focus.NONE));
    }
    if (view.focus() >= 0 && view.focus() < view.fields().size()) {
      for (String part : VisualLine.wrap(view.fields().get(view.focus()).help(), width - 4, rtl)) {
        rows.add(Row.text(y -> visual(y, 3, width - 4, part)));
      }
      rows.add(Row.blank());
    }
  }

  /** Each tile: its key in a box, its pictogram and label, the mediator's label beside or under. */
  private void tiles(List<Row> rows) {
    for (int i = 0; i < view.tiles().size(); i++) {
      View.Tile tile = view.tiles().get(i);
      String key = " " + tile.key() + " ";
      int keyLeft = rtl ? width - 2 - key.length() : 2;
      int labelWidth = width - key.length() - 5;
      int labelLeft = rtl ? 2 : keyLeft + key.length() + 1;
      List<Row> label =
          labelled(
              symbol(tile.symbol()) + "  ",
              tile.label(),
              at(aside == null ? null : aside.tiles(), i),
              labelLeft,
              labelWidth,
              tile.focused());
      IntConsumer first = label.get(0).draw();
      rows.add(
          new Row(
              y -> {
                style(Theme.Role.KEY);
                g.enableModifiers(SGR.BOLD);
                if (!theme.coloured()) {
                  g.enableModifiers(SGR.REVERSE);
                }
                g.putString(keyLeft, y, key);
                g.disableModifiers(SGR.REVERSE, SGR.BOLD);
                style(Theme.Role.TEXT);
                first.accept(y);
              },
              keyLeft + 1,
              tile.focused() ? Focus.FOCUSED_TILE : Focus.TILE));
      rows.addAll(label.subList(1, label.size()));
    }
  }

  /**
   * A label after {@code prefix} (a pictogram, a focus mark) in the columns {@code left} to {@code
   * left + room}, wrapped under itself; the mediator's words beside it when the whole of them fits
   * there, else under it, dim. Aligned to the screen's side.
   */
  private List<Row> labelled(
      String prefix, String text, String theirs, int left, int room, boolean bold) {
    String indent = " ".repeat(prefix.length());
    List<String> parts = VisualLine.cut(text, room - prefix.length());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String shown = VisualLine.of((i == 0 ? prefix : indent) + parts.get(i), rtl);
      rows.add(Row.text(y -> put(y, left, room, shown, bold)));
    }
    if (theirs == null || theirs.isBlank() || theirs.equals(text)) {
      return rows;
    }
    boolean theirsRtl = aside.rightToLeft();
    String first = VisualLine.of(prefix + parts.get(0), rtl);
    String beside = VisualLine.of(theirs, theirsRtl);
    if (parts.size() == 1 && first.length() + ASIDE_GAP + beside.length() <= room) {
      rows.set(
          0,
          Row.text(
              y -> {
                put(y, left, room, first, bold);
                int at =
                    rtl
                        ? left + room - first.length() - ASIDE_GAP - beside.length()
                        : left + first.length() + ASIDE_GAP;
                withRole(Theme.Role.ASIDE, () -> g.putString(at, y, beside));
              }));
      return rows;
    }
    for (String part : VisualLine.cut(theirs, room - prefix.length())) {
      String shown = VisualLine.of(indent + part, theirsRtl);
      rows.add(Row.text(y -> withRole(Theme.Role.ASIDE, () -> put(y, left, room, shown, false))));
    }
    return rows;
  }

  /** A row already in visual order, in the columns {@code left} to {@code left + room}. */
  private void put(int y, int left, int room, String shown, boolean bold) {
    if (bold) {
      g.enableModifiers(SGR.BOLD);
    }
    visual(y, left, room, shown);
    g.disableModifiers(SGR.BOLD);
  }

  /**
   * The title (bold, wrapped), the mediator's title beside it when both fit on the row or under the
   * rule; returns the first row of the body (a blank row left after them).
   */
  private int titleRows(int row) {
    String asideTitle =
        aside == null || aside.title() == null || aside.title().equals(view.title())
            ? null
            : aside.title();
    style(Theme.Role.TITLE);
    List<Row> title = labelled("", view.title(), asideTitle, 1, width - 2, true);
    List<String> parts = VisualLine.cut(view.title(), width - 2);
    int titleWidth = parts.stream().mapToInt(VisualLine::width).max().orElse(1);
    boolean beside = title.size() == parts.size();
    for (int i = 0; i < parts.size(); i++) {
      style(Theme.Role.TITLE);
      title.get(i).draw().accept(row++);
    }
    style(Theme.Role.TITLE);
    String rule = "═".repeat(Math.min(width - 2, Math.max(titleWidth, 1)));
    g.putString(rtl ? width - 1 - rule.length() : 1, row++, rule);
    style(Theme.Role.TEXT);
    if (asideTitle != null && !beside) {
      for (String part : VisualLine.wrap(asideTitle, width - 2, aside.rightToLeft())) {
        int at = row++;
        withRole(Theme.Role.ASIDE, () -> visual(at, 1, width - 2, part));
      }
    }
    return row + 1;
  }

  /**
   * The notice box rows, in visual order: the person's sentence, then the mediator's, each wrapped
   * whole.
   */
  private List<String> noticeRows() {
    if (view.notice() == null) {
      return List.of();
    }
    String symbol = symbol(view.notice().tone());
    String text = rtl ? view.notice().text() + " " + symbol : symbol + " " + view.notice().text();
    List<String> rows = new ArrayList<>(VisualLine.wrap(text, width - 4, rtl));
    if (aside != null && aside.notice() != null && !aside.notice().equals(view.notice().text())) {
      rows.addAll(VisualLine.wrap("› " + aside.notice(), width - 4, aside.rightToLeft()));
    }
    return rows;
  }

  /** The key reminders, in visual order: one row, or as many as they need, never cut. */
  private List<String> hintRows() {
    List<String> rows = new ArrayList<>();
    List<String> line = new ArrayList<>();
    for (String reminder : view.reminders()) {
      line.add(reminder);
      if (line.size() > 1 && VisualLine.width(" " + String.join("  ", line)) > width) {
        line.remove(line.size() - 1);
        rows.add(VisualLine.hints(line, rtl).strip());
        line = new ArrayList<>(List.of(reminder));
      }
    }
    if (!line.isEmpty() || rows.isEmpty()) {
      rows.add(VisualLine.hints(line, rtl).strip());
    }
    return rows;
  }

  /** One line already in visual order, aligned to the side of the screen's direction. */
  private void visual(int row, int left, int room, String shown) {
    g.putString(rtl ? left + room - shown.length() : left, row, shown);
  }

  /**
   * A full-width bar (header, notice, key reminders) of a row already in visual order, one column
   * of margin on its side when {@code margin}.
   */
  private void bar(int row, String shown, Theme.Role role, boolean margin) {
    style(role);
    if (!theme.coloured()) {
      g.enableModifiers(SGR.REVERSE);
    }
    String padded = !margin ? shown : rtl ? shown + " " : " " + shown;
    String padding = " ".repeat(Math.max(0, width - padded.length()));
    g.putString(0, row, rtl ? padding + padded : padded + padding);
    g.disableModifiers(SGR.REVERSE);
    style(Theme.Role.TEXT);
  }

  /** Draws in another role (the mediator's words: never bold), then back to the text's style. */
  private void withRole(Theme.Role role, Runnable draw) {
    EnumSet<SGR> before = g.getActiveModifiers();
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

  private static String at(List<String> list, int i) {
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
