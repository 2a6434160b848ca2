package fr.guichet.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A terminal for tests: answers the questions in order (a string, or a supplier asked at the moment
 * of the question, for a code the server has just sent), then the end of input; keeps a transcript
 * of what was shown and asked, secrets left out.
 */
final class ScriptedPrompt implements Prompt {
  private final Deque<Supplier<String>> answers = new ArrayDeque<>();
  private final StringBuilder transcript = new StringBuilder();

  @SuppressWarnings("unchecked")
  ScriptedPrompt(Object... answers) {
    for (Object answer : answers) {
      this.answers.add(
          answer instanceof Supplier<?> s ? (Supplier<String>) s : () -> (String) answer);
    }
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public void show(String text) {
    transcript.append(text).append('\n');
  }

  @Override
  public String line(String question) {
    String answer = next();
    transcript.append(question).append(answer == null ? "<end of input>" : answer).append('\n');
    return answer;
  }

  @Override
  public char[] secret(String question) {
    String answer = next();
    transcript.append(question).append(answer == null ? "<end of input>" : "<secret>").append('\n');
    return answer == null ? null : answer.toCharArray();
  }

  /** Everything shown and asked, with the answers (secrets masked). */
  String transcript() {
    return transcript.toString();
  }

  /** Answers not used. */
  int left() {
    return answers.size();
  }

  private String next() {
    Supplier<String> answer = answers.poll();
    return answer == null ? null : answer.get();
  }
}
