package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.domain.InvalidValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a section's content as a client sends it ({@code PUT /v1/persons/{id}/profile/{section}})
 * against the same form definitions the kiosk asks with: the shape of the section, each answer's
 * type, the common answers of a choice, ranges, lengths, patterns, required answers, the questions
 * never asked of a minor, and the entries a health professional confirmed, which nobody changes nor
 * removes here. Each answer is read with the very rules the kiosk applies to what is typed ({@link
 * Field#parse}), so that both refuse the same answers with the same sentences.
 *
 * <pre>{@code
 * List<ContentError> errors = ContentCheck.errors(form, sent, stored, respondent);
 * // [ContentError[pointer=/entries/0/date, messageKey=form.invalid.date.future, params={}]]
 * }</pre>
 */
public final class ContentCheck {
  private static final Set<String> STATUSES = Set.of("empty", "filled", "not-concerned", "unknown");

  private final SectionForm form;
  private final Respondent who;
  private final List<ContentError> errors = new ArrayList<>();

  private ContentCheck(SectionForm form, Respondent who) {
    this.form = form;
    this.who = who;
  }

  /**
   * What is wrong with {@code content}, empty when nothing is.
   *
   * @param stored the section as the server holds it now (an empty object before the first write)
   */
  public static List<ContentError> errors(
      SectionForm form, JsonNode content, JsonNode stored, Respondent who) {
    ContentCheck check = new ContentCheck(form, who);
    check.section(content, stored);
    return List.copyOf(check.errors);
  }

  private void section(JsonNode content, JsonNode stored) {
    JsonNode version = content.get("form");
    if (version != null && !(version.isInt() && version.asInt() == form.version())) {
      error("/form", "form.invalid.version", Map.of("version", form.version()));
    }
    JsonNode status = content.get("status");
    if (status != null
        && !(status.isTextual()
            && STATUSES.contains(status.asText())
            && (form.notConcerned() || !status.asText().equals("not-concerned")))) {
      error("/status", "form.invalid.choice", Map.of());
    }
    day(content, "since");
    day(content, "on");
    if (form.repeated()) {
      JsonNode entries = content.get("entries");
      if (entries != null && !entries.isArray()) {
        error("/entries", "form.invalid.type", Map.of());
        return;
      }
      if (entries != null) {
        for (int i = 0; i < entries.size(); i++) {
          entry(entries.get(i), "/entries/" + i);
        }
      }
      confirmed(entries, stored.path("entries"));
    } else {
      JsonNode answers = content.get("answers");
      if (answers != null && !answers.isObject()) {
        error("/answers", "form.invalid.type", Map.of());
      } else if (answers != null && !answers.isEmpty()) {
        entry(answers, "/answers");
      }
    }
  }

  private void day(JsonNode content, String name) {
    JsonNode value = content.get(name);
    if (value == null) {
      return;
    }
    try {
      if (LocalDate.parse(text(value)).isAfter(who.today())) {
        error("/" + name, "form.invalid.date.future", Map.of());
      }
    } catch (DateTimeException e) {
      error("/" + name, "form.invalid.date.format", Map.of());
    } catch (InvalidValue e) {
      error("/" + name, e.messageKey(), e.params());
    }
  }

  private void entry(JsonNode node, String at) {
    if (!node.isObject()) {
      error(at, "form.invalid.type", Map.of());
      return;
    }
    Entry entry = Entry.of(node);
    for (Field f : form.fields()) {
      String here = at + "/" + escape(f.name());
      JsonNode value = entry.get(f.name());
      if (value == null || value.isNull()) {
        if (f.required() && f.applies(entry, who)) {
          error(here, "form.required", Map.of());
        }
        continue;
      }
      if (!who.asked(f)) {
        error(here, "form.invalid.adults-only", Map.of());
        continue;
      }
      try {
        answer(f, value, entry);
      } catch (InvalidValue e) {
        error(here, e.messageKey(), e.params());
      }
    }
  }

  /** Refuses a wrong answer with {@link InvalidValue}, as {@link Field#parse} does. */
  private void answer(Field f, JsonNode value, Entry entry) {
    if (f.unknown()
        && f.type() != FieldType.TEXT
        && value.isTextual()
        && value.asText().equals(Answers.UNKNOWN)) {
      return;
    }
    switch (f.type()) {
      case TEXT -> f.parse(text(value), 0, who, entry);
      case YEAR -> {
        if (!value.isIntegralNumber()) {
          throw new InvalidValue("form.invalid.year.format");
        }
        f.parse(value.asText(), 0, who, entry);
      }
      case DATE -> {
        LocalDate day;
        try {
          day = LocalDate.parse(text(value));
        } catch (DateTimeException e) {
          throw new InvalidValue("form.invalid.date.format");
        }
        f.parse(
            day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear(), 0, who, entry);
      }
      case NUMBER -> {
        int unit = f.units().indexOf(value.path("unit").asText());
        if (!value.path("value").isNumber() || unit < 0) {
          throw new InvalidValue("form.invalid.type");
        }
        f.parse(value.path("value").decimalValue().toPlainString(), unit, who, entry);
      }
      case CHOICE -> choice(f, value);
      case MULTI -> {
        if (!value.isArray()) {
          throw new InvalidValue("form.invalid.type");
        }
        value.forEach(item -> choice(f, item));
      }
      case ANSWER -> {
        if (!f.answers().contains(text(value))) {
          throw new InvalidValue("form.invalid.choice");
        }
      }
    }
  }

  private static void choice(Field f, JsonNode value) {
    if (value.isTextual() && f.option(value.asText()).isPresent()) {
      return;
    }
    if (f.other() && value.isObject() && value.size() == 1 && value.has("other")) {
      f.other(text(value.get("other")));
      return;
    }
    throw new InvalidValue("form.invalid.choice");
  }

  private static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw new InvalidValue("form.invalid.type");
    }
    return value.asText();
  }

  /**
   * The entries a health professional confirmed stay exactly as they are: none is removed, none is
   * changed, none is marked confirmed here.
   */
  private void confirmed(JsonNode sent, JsonNode stored) {
    List<JsonNode> kept = new ArrayList<>();
    stored.forEach(
        e -> {
          if (Entry.of(e).confirmed()) {
            kept.add(e);
          }
        });
    List<JsonNode> given = new ArrayList<>();
    if (sent != null) {
      sent.forEach(given::add);
    }
    for (int i = 0; i < given.size(); i++) {
      JsonNode e = given.get(i);
      if (Entry.of(e).confirmed() && !kept.contains(e)) {
        error("/entries/" + i, "form.invalid.confirmed-changed", Map.of());
      }
    }
    Optional<JsonNode> removed = kept.stream().filter(e -> !given.contains(e)).findFirst();
    if (removed.isPresent()) {
      error("/entries", "form.invalid.confirmed-removed", Map.of());
    }
  }

  private void error(String pointer, String key, Map<String, Object> params) {
    errors.add(new ContentError(pointer, key, params));
  }

  /** A property name as one reference token of a JSON pointer (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
