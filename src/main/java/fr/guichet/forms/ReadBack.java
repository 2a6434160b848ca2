package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.i18n.Messages;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section's content said back in plain words, in one language: what the review screen shows
 * before anything is sent, what the conflict screen shows for both versions, and what the printed
 * summary says. One function for all three, so that what the person checked is what is sent and
 * what is printed.
 *
 * <pre>{@code
 * ReadBack.lines(form, content, Messages.of(Language.FRENCH));
 * // ["• Pénicilline", "    Réactions : Boutons, rougeurs", "• Pollen"]
 * }</pre>
 */
public final class ReadBack {
  /** Indentation of the details of an entry under its first line. */
  public static final String DETAIL = "    ";

  public static final String BULLET = "• ";

  private ReadBack() {}

  /** Every line of the section, top to bottom. */
  public static List<String> lines(SectionForm form, SectionContent content, Messages m) {
    List<String> out = new ArrayList<>();
    switch (content.status()) {
      case EMPTY -> out.add(m.text("form.read.empty"));
      case NOT_CONCERNED ->
          out.add(
              content.since() == null
                  ? m.text("form.answer.not-concerned")
                  : m.text("form.read.not-concerned", Map.of("date", m.date(content.since()))));
      case UNKNOWN -> out.add(m.text("form.read.unknown"));
      case FILLED -> {}
    }
    if (form.repeated()) {
      for (Entry e : content.entries()) {
        out.addAll(entry(form, e, m));
      }
    } else if (!content.answers().isEmpty()) {
      for (Field f : form.fields()) {
        if (content.answers().has(f.name())) {
          out.add(pair(m, f, content.answers().get(f.name())));
        }
      }
      out.addAll(unknownProperties(form, content.answers(), "", m));
      if (form.dated() && content.on() != null) {
        out.add(m.text("form.read.on", Map.of("date", m.date(content.on()))));
      }
    }
    return out;
  }

  /** One entry: its name on a bullet, then each other answer indented. */
  public static List<String> entry(SectionForm form, Entry e, Messages m) {
    List<String> out = new ArrayList<>();
    Field head = form.field(form.repeat().summaryField());
    String first =
        e.has(head.name()) ? value(head, e.get(head.name()), m) : m.text("form.read.unnamed");
    out.add(BULLET + first + (e.confirmed() ? "  ✓ " + m.text("form.read.confirmed") : ""));
    for (Field f : form.fields()) {
      if (f != head && e.has(f.name())) {
        out.add(DETAIL + pair(m, f, e.get(f.name())));
      }
    }
    out.addAll(unknownProperties(form, e, DETAIL, m));
    return out;
  }

  /** The entry's name only (the first answer), for lists and the emergency card. */
  public static String name(SectionForm form, Entry e, Messages m) {
    Field head = form.field(form.repeat().summaryField());
    return e.has(head.name()) ? value(head, e.get(head.name()), m) : m.text("form.read.unnamed");
  }

  /** Where a section stands, in a few words (the assistant's list of sections). */
  public static String summary(SectionForm form, SectionContent content, Messages m) {
    return switch (content.status()) {
      case EMPTY -> m.text("form.status.empty");
      case NOT_CONCERNED -> m.text("form.answer.not-concerned");
      case UNKNOWN -> m.text("form.answer.unknown");
      case FILLED ->
          m.text(
              "form.status.filled",
              Map.of(
                  "count",
                  form.repeated() ? content.entries().size() : content.answers().values().size()));
    };
  }

  private static String pair(Messages m, Field f, JsonNode v) {
    return m.text("form.read.pair", Map.of("label", m.text(f.labelKey()), "value", value(f, v, m)));
  }

  private static List<String> unknownProperties(
      SectionForm form, Entry e, String indent, Messages m) {
    List<String> out = new ArrayList<>();
    e.values()
        .forEach(
            (k, v) -> {
              if (form.find(k).isEmpty() && !Entry.CONFIRMED.equals(k) && !v.isNull()) {
                out.add(
                    indent
                        + m.text(
                            "form.read.pair",
                            Map.of(
                                "label", k, "value", v.isValueNode() ? v.asText() : v.toString())));
              }
            });
    return out;
  }

  /** One answer in words: an option's label, a date written in full, a number with its unit. */
  public static String value(Field f, JsonNode v, Messages m) {
    if (v.isTextual()
        && f.type() != FieldType.TEXT
        && Answers.ALL.contains(v.asText())
        && !(f.type() == FieldType.CHOICE && f.option(v.asText()).isPresent())) {
      return m.text(Answers.labelKey(v.asText()));
    }
    return switch (f.type()) {
      // In a right-to-left line, "06 12 34 56 78" would show its groups in reverse order (each
      // space takes the
      // direction of the line): no-break spaces keep a number's groups together, left to right
      // (bidi rule W4).
      case TEXT ->
          m.language().rightToLeft()
              ? v.asText().replaceAll("(?<=\\d) (?=\\d)", "\u00A0")
              : v.asText();
      case YEAR -> v.asText();
      case ANSWER -> v.asText();
      case CHOICE -> choice(f, v, m);
      case MULTI -> {
        if (!v.isArray()) {
          yield choice(f, v, m);
        }
        List<String> words = new ArrayList<>();
        v.forEach(item -> words.add(choice(f, item, m)));
        yield String.join(" · ", words);
      }
      case DATE -> {
        try {
          yield m.date(LocalDate.parse(v.asText()));
        } catch (DateTimeException e) {
          yield v.asText();
        }
      }
      case NUMBER -> {
        JsonNode n = v.path("value");
        String unit = v.path("unit").asText("");
        Object number =
            n.isIntegralNumber()
                ? (Object) n.asLong()
                : n.isNumber() ? (Object) n.asDouble() : n.asText();
        String key = "form.unit." + unit;
        yield m.has(key) ? m.text(key, Map.of("value", number)) : n.asText() + " " + unit;
      }
    };
  }

  private static String choice(Field f, JsonNode v, Messages m) {
    if (v.isObject() && v.has("other")) {
      return v.get("other").asText();
    }
    return f.option(v.asText()).map(o -> m.text(o.labelKey())).orElse(v.asText());
  }
}
