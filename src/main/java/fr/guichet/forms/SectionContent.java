package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers of one section, as the server stores them ({@code PUT
 * /v1/persons/{id}/profile/{section}}):
 *
 * <pre>{@code
 * {"form": 1, "status": "filled", "entries": [{"name": "penicillin", "comment": "boutons"}]}   // a list section
 * {"form": 1, "status": "filled", "on": "2026-11-29", "answers": {"weight": {"value": 72, "unit": "kg"}}}
 * {"form": 1, "status": "not-concerned", "since": "2026-11-29"}
 * }</pre>
 *
 * Immutable; whatever another application wrote that the forms do not know is kept as it was.
 *
 * <pre>{@code
 * SectionContent c = SectionContent.of(form, section.content()).withEntry(-1, entry);
 * api.writeProfileSection(me, d, form.section(), section.version(), c.toJson(form), key);
 * }</pre>
 *
 * @param since the day "not concerned" was said
 * @param on the day the answers were given (dated sections: measures)
 * @param entries the entries of a list section
 * @param answers the answers of a single section
 * @param extra top-level properties written by another application, kept
 */
public record SectionContent(
    Status status,
    LocalDate since,
    LocalDate on,
    List<Entry> entries,
    Entry answers,
    Map<String, JsonNode> extra) {
  private static final Set<String> OURS =
      Set.of("form", "status", "since", "on", "entries", "answers");

  public SectionContent {
    entries = List.copyOf(entries);
    extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public static final SectionContent EMPTY =
      new SectionContent(Status.EMPTY, null, null, List.of(), Entry.EMPTY, Map.of());

  /** Reads what the server holds (an empty object before the first write). */
  public static SectionContent of(SectionForm form, JsonNode content) {
    if (content == null || !content.isObject() || content.isEmpty()) {
      return EMPTY;
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      if (!OURS.contains(e.getKey())) {
        extra.put(e.getKey(), e.getValue().deepCopy());
      }
    }
    List<Entry> entries = new ArrayList<>();
    content.path("entries").forEach(e -> entries.add(Entry.of(e)));
    Entry answers = Entry.of(content.path("answers"));
    Status status =
        Status.of(content.path("status").asText(""))
            .orElse(entries.isEmpty() && answers.isEmpty() ? Status.EMPTY : Status.FILLED);
    return new SectionContent(
        status, date(content.path("since")), date(content.path("on")), entries, answers, extra);
  }

  private static LocalDate date(JsonNode node) {
    try {
      return node.isTextual() ? LocalDate.parse(node.asText()) : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** What to send: the form's version, the status, and the entries or answers. */
  public ObjectNode toJson(SectionForm form) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    extra.forEach((k, v) -> node.set(k, v.deepCopy()));
    node.put("form", form.version());
    node.put("status", status.wire());
    if (status == Status.NOT_CONCERNED && since != null) {
      node.put("since", since.toString());
    }
    if (form.dated() && on != null) {
      node.put("on", on.toString());
    }
    if (form.repeated()) {
      ArrayNode list = node.putArray("entries");
      entries.forEach(e -> list.add(e.toJson()));
    } else {
      node.set("answers", answers.toJson());
    }
    return node;
  }

  /** "Not concerned", said today: the entries not confirmed by a professional are dropped. */
  public SectionContent notConcerned(LocalDate today) {
    return new SectionContent(Status.NOT_CONCERNED, today, on, confirmedOnly(), Entry.EMPTY, extra);
  }

  /** "I don't know" for the whole section. */
  public SectionContent unknown() {
    return new SectionContent(Status.UNKNOWN, null, on, confirmedOnly(), Entry.EMPTY, extra);
  }

  private List<Entry> confirmedOnly() {
    return entries.stream().filter(Entry::confirmed).toList();
  }

  /** With an entry added ({@code index} -1) or replaced. */
  public SectionContent withEntry(int index, Entry entry) {
    List<Entry> copy = new ArrayList<>(entries);
    if (index < 0 || index >= copy.size()) {
      copy.add(entry);
    } else {
      copy.set(index, entry);
    }
    return new SectionContent(Status.FILLED, null, on, copy, answers, extra);
  }

  public SectionContent withoutEntry(int index) {
    List<Entry> copy = new ArrayList<>(entries);
    copy.remove(index);
    Status s = copy.isEmpty() && status == Status.FILLED ? Status.EMPTY : status;
    return new SectionContent(s, since, on, copy, answers, extra);
  }

  /** A single section's answers, given on {@code day}. */
  public SectionContent withAnswers(Entry given, LocalDate day) {
    return new SectionContent(
        given.isEmpty() ? Status.EMPTY : Status.FILLED, null, day, entries, given, extra);
  }

  /** Whether there is anything to send at all. */
  public boolean isEmpty() {
    return status == Status.EMPTY && entries.isEmpty() && answers.isEmpty();
  }
}
