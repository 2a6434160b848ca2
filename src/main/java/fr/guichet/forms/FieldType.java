package fr.guichet.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of answer a question takes, as the form definitions name it ({@code "type": "year"}):
 * each kind has its own keys on the kiosk and its own shape in the section's content.
 *
 * <pre>{@code
 * FieldType.of("number"); // NUMBER: {"value": 72.5, "unit": "kg"} in the content
 * }</pre>
 */
public enum FieldType {
  /** Free text, with examples in the help: a string. */
  TEXT,
  /**
   * One of the common answers (an option's value), or the person's own words {@code {"other":
   * "..."}}.
   */
  CHOICE,
  /** Several of the common answers: an array of option values. */
  MULTI,
  /** A year: a number. */
  YEAR,
  /** A day: an ISO date string. */
  DATE,
  /** A number with its unit: {@code {"value": 3, "unit": "weeks"}}. */
  NUMBER,
  /** Yes, no, not concerned, I don't know: one of {@link Answers}. */
  ANSWER;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static FieldType of(String wire) {
    return Arrays.stream(values())
        .filter(t -> t.wire().equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown field type: " + wire));
  }

  /** Whether the person types the answer (rather than picking a tile). */
  public boolean typed() {
    return this == TEXT || this == YEAR || this == DATE || this == NUMBER;
  }
}
