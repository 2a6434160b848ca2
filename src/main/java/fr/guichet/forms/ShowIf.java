package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * When a question is asked at all: after another question got one of some answers ("the end year"
 * only when the disease is over), or any answer ("the phone number" once a name is given).
 *
 * @param equals the answers of {@code field} that open this question, or null
 * @param present whether any answer of {@code field} opens it
 */
public record ShowIf(String field, List<String> equals, Boolean present) {
  public ShowIf {
    equals = equals == null ? null : List.copyOf(equals);
  }

  boolean holds(Entry answers) {
    JsonNode value = answers.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (equals != null) {
      return value.isTextual() && equals.contains(value.asText());
    }
    return Boolean.TRUE.equals(present);
  }
}
