package fr.guichet.i18n;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text in logical order (as typed, stored and read aloud) into the characters a terminal must
 * print from left to right, because most terminals do no bidi and no Arabic shaping: Arabic letters
 * become their joined presentation forms (U+FB50–U+FEFF, all in the BMP that Lanterna draws) and
 * the line is reordered by the Unicode bidi algorithm, so that numbers and Latin words inside
 * Arabic keep their own order. In a right-to-left line each run of Latin words and numbers is
 * isolated first (U+2066…U+2069), so that the signs written with it stay on its side: "AB+" stays
 * "AB+", not "+AB", and "2 50 03" keeps its groups in order. Pure and terminal-free: the Lanterna
 * painter calls it for every string it puts on screen, and tests call it directly.
 *
 * <pre>{@code
 * VisualLine.of("بقي 32 يوما.", true);           // shaped, reversed, "32" still reads 3 then 2
 * VisualLine.wrap("a long sentence…", 30, true); // lines of at most 30 cells, each in visual order
 * }</pre>
 */
public final class VisualLine {
  private static final ArabicShaping SHAPING =
      new ArabicShaping(
          ArabicShaping.LETTERS_SHAPE
              | ArabicShaping.TEXT_DIRECTION_LOGICAL
              | ArabicShaping.LENGTH_GROW_SHRINK);
  private static final ArabicShaping UNSHAPING =
      new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK);

  private VisualLine() {}

  /**
   * One line in visual order. {@code rightToLeft} is the paragraph's base direction: true for a
   * line of an Arabic screen (punctuation at the end of the sentence goes to the left end).
   */
  public static String of(String logical, boolean rightToLeft) {
    if (!needsWork(logical)) {
      return logical;
    }
    return reorder(shape(rightToLeft ? isolateLeftToRight(logical) : logical), rightToLeft);
  }

  /**
   * The letters a joined form of {@link #of} stands for ({@code U+FEDF} → "ل", the lam-alef
   * ligature → "لا"), or null when {@code c} is not an Arabic presentation form.
   */
  public static String letters(char c) {
    if (!(c >= 0xFB50 && c <= 0xFDFF) && !(c >= 0xFE70 && c <= 0xFEFF)) {
      return null;
    }
    try {
      return UNSHAPING.shape(String.valueOf(c));
    } catch (ArabicShapingException e) {
      throw new IllegalStateException("Cannot unshape U+" + Integer.toHexString(c), e);
    }
  }

  private static String reorder(String shaped, boolean rightToLeft) {
    Bidi bidi = new Bidi(shaped, rightToLeft ? Bidi.RTL : Bidi.LTR);
    String plain = bidi.writeReordered(Bidi.REMOVE_BIDI_CONTROLS);
    String mirrored = bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    if (plain.length() != mirrored.length()) {
      return mirrored;
    }
    // Brackets and quotes turn round inside right-to-left text; pictograms (⊘, ∅...) never do.
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      out.append(isBracket(plain.charAt(i)) ? mirrored.charAt(i) : plain.charAt(i));
    }
    return out.toString();
  }

  /**
   * A line of key reminders ("F1 Help", "F2 Language"...) in visual order: on a right-to-left
   * screen each reminder is kept apart by a right-to-left mark, so that "F3 3422" and "F4 الصور" do
   * not merge into one left-to-right run.
   */
  public static String hints(List<String> reminders, boolean rightToLeft) {
    String separator = rightToLeft ? "  \u200F" : "  ";
    return of(" " + String.join(separator, reminders), rightToLeft);
  }

  /** How many terminal cells a logical string takes once shaped (ligatures make it shorter). */
  public static int width(String logical) {
    return needsWork(logical) ? shape(logical).length() : logical.length();
  }

  /**
   * Cuts a logical paragraph into lines of at most {@code width} cells at spaces (a longer word is
   * cut), measured after shaping, then puts each line in visual order. Wrapping happens in logical
   * order, so the first words of an Arabic sentence are on the first line, at its right end.
   */
  public static List<String> wrap(String logical, int width, boolean rightToLeft) {
    List<String> out = cut(logical, width);
    out.replaceAll(l -> of(l, rightToLeft));
    return out;
  }

  /**
   * The lines of {@link #wrap}, still in logical order: for a caller that adds to each line (a
   * pictogram, an indentation) before putting it in visual order.
   */
  public static List<String> cut(String logical, int width) {
    List<String> out = new ArrayList<>();
    if (width <= 0) {
      return out;
    }
    for (String paragraph : logical.split("\n", -1)) {
      if (width(paragraph) <= width) {
        out.add(paragraph); // as written, its spaces too
        continue;
      }
      // The indentation of a list item is kept on each of its lines.
      String indent =
          paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
      if (indent.length() * 2 >= width) {
        indent = "";
      }
      int room = width - indent.length();
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split(" +")) {
        while (width(word) > room) {
          if (line.length() > 0) {
            out.add(indent + line);
            line = new StringBuilder();
          }
          int cut = Math.min(word.length(), room);
          out.add(indent + word.substring(0, cut));
          word = word.substring(cut);
        }
        if (line.length() > 0 && width(line + " " + word) > room) {
          out.add(indent + line);
          line = new StringBuilder();
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      out.add(indent + line);
    }
    return out;
  }

  /**
   * Shortens a logical string to {@code width} cells, ending with "…" when cut (the end of the
   * sentence is what goes, whichever side of the screen it is drawn on).
   */
  public static String clip(String logical, int width) {
    if (width(logical) <= width) {
      return logical;
    }
    String cut = logical;
    while (!cut.isEmpty() && width(cut) > width - 1) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  /** Whether the text holds a right-to-left letter, so that reordering can change it. */
  public static boolean hasRightToLeft(String text) {
    return text.codePoints()
        .anyMatch(
            c -> {
              byte d = Character.getDirectionality(c);
              return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                  || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            });
  }

  /**
   * Wraps each run of left-to-right words (Latin letters, digits, with the spaces between them) of
   * a right-to-left line in a left-to-right isolate. A run keeps the signs that belong to its words
   * ("AB+", "+33", "(France Services)"); the punctuation of the sentence around it, an unmatched
   * bracket and the bidi marks stay outside.
   */
  static String isolateLeftToRight(String logical) {
    StringBuilder out = new StringBuilder(logical.length() + 8);
    int i = 0;
    int n = logical.length();
    while (i < n) {
      int start = i;
      while (start < n && !leftToRight(logical.charAt(start))) {
        start++;
      }
      if (start == n) {
        out.append(logical, i, n);
        break;
      }
      // Back to the start of the word: a leading sign ("+33", "(France") may belong to it.
      int wordStart = start;
      while (wordStart > i
          && logical.charAt(wordStart - 1) != ' '
          && !rightToLeft(logical.charAt(wordStart - 1))) {
        wordStart--;
      }
      int end = runEnd(logical, start);
      String run = logical.substring(wordStart, end);
      int from = 0;
      int to = run.length();
      while (from < to && !keepsAtStart(run, from, to)) {
        from++;
      }
      while (to > from && !keepsAtEnd(run, from, to)) {
        to--;
      }
      out.append(logical, i, wordStart).append(run, 0, from);
      out.append('\u2066').append(run, from, to).append('\u2069');
      out.append(run, to, run.length());
      i = end;
    }
    return out.toString();
  }

  /**
   * The end of the left-to-right run that starts at {@code start}: the end of the last word holding
   * a Latin letter or a digit before a right-to-left letter.
   */
  private static int runEnd(String text, int start) {
    int end = start;
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (rightToLeft(c)) {
        break;
      }
      if (leftToRight(c)) {
        end = i + 1;
        while (end < text.length() && text.charAt(end) != ' ' && !rightToLeft(text.charAt(end))) {
          end++;
        }
        i = end;
      } else {
        i++;
      }
    }
    return end;
  }

  private static boolean keepsAtStart(String run, int from, int to) {
    char c = run.charAt(from);
    return leftToRight(c)
        || c == '+'
        || (c == '(' && run.indexOf(')', from) >= 0 && run.indexOf(')', from) < to);
  }

  private static boolean keepsAtEnd(String run, int from, int to) {
    char c = run.charAt(to - 1);
    return leftToRight(c)
        || c == '+'
        || c == '-'
        || c == '%'
        || (c == ')' && run.lastIndexOf('(', to - 1) >= from);
  }

  /** A Latin (or other left-to-right) letter, or a digit. */
  private static boolean leftToRight(char c) {
    return Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT
            && Character.getType(c) != Character.FORMAT
        || Character.isDigit(c);
  }

  /** A right-to-left letter, or a right-to-left mark: where a left-to-right run stops. */
  private static boolean rightToLeft(char c) {
    byte d = Character.getDirectionality(c);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  private static boolean isBracket(char c) {
    int type = Character.getType(c);
    return type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || c == '<'
        || c == '>';
  }

  private static boolean needsWork(String text) {
    return hasRightToLeft(text);
  }

  private static String shape(String logical) {
    try {
      return SHAPING.shape(logical);
    } catch (ArabicShapingException e) {
      // Only length options can fail; with GROW_SHRINK the text is returned shaped as it fits.
      throw new IllegalStateException("Cannot shape " + logical, e);
    }
  }
}
