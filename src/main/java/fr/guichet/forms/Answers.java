package fr.guichet.forms;

import java.util.List;

/**
 * The words shared by every section: the four answers a yes/no question can take, and "I don't
 * know" as the value of any other question, so that "I don't know" is recorded (the person was
 * asked) and stays distinct from a question skipped (nothing recorded).
 *
 * <pre>{@code
 * entry.with("ongoing", TextNode.valueOf(Answers.UNKNOWN));
 * }</pre>
 */
public final class Answers {
  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String NOT_CONCERNED = "not-concerned";
  public static final String UNKNOWN = "unknown";

  /** The order answers are offered in, each with its tile digit (1 = yes...). */
  public static final List<String> ALL = List.of(YES, NO, NOT_CONCERNED, UNKNOWN);

  private Answers() {}

  /** The bundle key of an answer's words ({@code form.answer.yes}...). */
  public static String labelKey(String answer) {
    return "form.answer." + answer;
  }
}
