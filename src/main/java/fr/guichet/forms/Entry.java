package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of one entry of a list section (one allergy, one disease), or of a whole single
 * section (the measures): field name to value, in the order given. Immutable; properties the forms
 * do not know (written by another application) are kept as they are.
 *
 * <pre>{@code
 * Entry e = Entry.EMPTY.with("name", TextNode.valueOf("penicillin"));
 * e.get("name").asText(); // "penicillin"
 * }</pre>
 */
public record Entry(Map<String, JsonNode> values) {
  public static final Entry EMPTY = new Entry(Map.of());

  /** An entry a professional confirmed (vaccinations): the person cannot change it. */
  public static final String CONFIRMED = "confirmed";

  public Entry {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public JsonNode get(String field) {
    return values.get(field);
  }

  public boolean has(String field) {
    JsonNode v = values.get(field);
    return v != null && !v.isNull();
  }

  public Entry with(String field, JsonNode value) {
    Map<String, JsonNode> copy = new LinkedHashMap<>(values);
    copy.put(field, value.deepCopy());
    return new Entry(copy);
  }

  public Entry without(String field) {
    if (!values.containsKey(field)) {
      return this;
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(values);
    copy.remove(field);
    return new Entry(copy);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether a health professional confirmed this entry: shown, kept, never changed here. */
  public boolean confirmed() {
    JsonNode c = values.get(CONFIRMED);
    return c != null && c.asBoolean(false);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    values.forEach((k, v) -> node.set(k, v.deepCopy()));
    return node;
  }

  public static Entry of(JsonNode object) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        values.put(e.getKey(), e.getValue().deepCopy());
      }
    }
    return new Entry(values);
  }
}
