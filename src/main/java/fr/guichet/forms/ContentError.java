package fr.guichet.forms;

import java.util.Map;

/**
 * One wrong answer in a section's content: where it is, as an RFC 6901 JSON pointer into what was
 * sent ({@code /entries/0/date}), and the bundle key of the sentence that says what is wrong.
 */
public record ContentError(String pointer, String messageKey, Map<String, Object> params) {
  public ContentError {
    params = Map.copyOf(params);
  }
}
