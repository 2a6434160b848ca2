package fr.guichet.kiosk;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a sentence into lines of at most {@code width} columns at spaces (a word longer than the
 * width is cut), keeping the leading indentation of the sentence on every line.
 *
 * <pre>{@code
 * Wrap.lines("Votre espace va être créé.", 12); // ["Votre espace", "va être", "créé."]
 * }</pre>
 */
public final class Wrap {
  private Wrap() {}

  public static List<String> lines(String text, int width) {
    List<String> out = new ArrayList<>();
    if (width <= 0) {
      return out;
    }
    for (String paragraph : text.split("\n", -1)) {
      String indent =
          paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
      if (indent.length() >= width) {
        indent = "";
      }
      StringBuilder line = new StringBuilder(indent);
      for (String word : paragraph.strip().split(" +")) {
        while (word.length() > width - indent.length()) {
          if (line.length() > indent.length()) {
            out.add(line.toString());
            line = new StringBuilder(indent);
          }
          out.add(indent + word.substring(0, width - indent.length()));
          word = word.substring(width - indent.length());
        }
        if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
          out.add(line.toString());
          line = new StringBuilder(indent);
        }
        if (line.length() > indent.length()) {
          line.append(' ');
        }
        line.append(word);
      }
      out.add(line.toString());
    }
    return out;
  }
}
