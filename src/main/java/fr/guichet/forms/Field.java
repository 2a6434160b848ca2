package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.guichet.domain.InvalidValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One question of a form, as its definition says it: the kind of answer, the rules an answer must
 * follow, the pictogram, and the bundle keys of the question, its help (with examples) and its
 * short label for the read-back. {@link #parse} turns what was typed into the value the section's
 * content records, or refuses it with the key of a plain sentence.
 *
 * <pre>{@code
 * Field year = form.field("startYear");
 * JsonNode v = year.parse("1998", 0, respondent, entry); // IntNode 1998, or InvalidValue("form.invalid.year.future")
 * }</pre>
 */
public record Field(
    String name,
    FieldType type,
    boolean required,
    String pictogram,
    String questionKey,
    String helpKey,
    String labelKey,
    boolean unknown,
    ShowIf showIf,
    boolean sensitive,
    String explainKey,
    boolean adultsOnly,
    boolean ownWishes,
    Coding coding,
    Integer maxLength,
    String pattern,
    String patternKey,
    List<Option> options,
    boolean other,
    Integer otherMaxLength,
    BigDecimal min,
    BigDecimal max,
    Integer decimals,
    List<String> units,
    String notBefore,
    List<String> answers) {

  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[/ .\\-](\\d{1,2})[/ .\\-](\\d{4})");
  private static final Pattern NUMBER = Pattern.compile("\\d+([.,]\\d+)?");

  /** {@code notBefore} names the person's birth rather than another field. */
  public static final String BIRTH = "birth";

  public Field {
    options = options == null ? List.of() : List.copyOf(options);
    units = units == null ? List.of() : List.copyOf(units);
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  /** The common answer with this value, if any. */
  public Optional<Option> option(String value) {
    return options.stream().filter(o -> o.value().equals(value)).findFirst();
  }

  /** Whether this question is asked, given the answers so far and whom it is about. */
  public boolean applies(Entry answersSoFar, Respondent who) {
    return who.asked(this) && (showIf == null || showIf.holds(answersSoFar));
  }

  /**
   * The longest answer that can be typed here (free text, or the person's own words for a choice).
   */
  public int typingLimit() {
    return switch (type) {
      case TEXT -> maxLength;
      case CHOICE, MULTI -> otherMaxLength == null ? 80 : otherMaxLength;
      case YEAR -> 4;
      case DATE -> 10;
      case NUMBER -> 8;
      case ANSWER -> 0;
    };
  }

  /** Whether a character can be typed into this question's box at all (others are ignored). */
  public boolean accepts(char c) {
    return switch (type) {
      case YEAR -> Character.isDigit(c);
      case DATE -> Character.isDigit(c) || "/ .-".indexOf(c) >= 0;
      case NUMBER -> Character.isDigit(c) || c == ',' || c == '.';
      default -> c >= ' ';
    };
  }

  /**
   * The value of a typed answer, or {@link InvalidValue} with the key of the sentence that says
   * what is wrong. Blank text gives an empty result: the question is skipped (or, when required,
   * refused with {@code form.required}).
   *
   * @param unit for a number, the index of the unit chosen among {@link #units()}
   * @param entry the answers given so far, for a rule such as "not before the start year"
   */
  public Optional<JsonNode> parse(String typed, int unit, Respondent who, Entry entry) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      if (required) {
        throw new InvalidValue("form.required");
      }
      return Optional.empty();
    }
    return Optional.of(
        switch (type) {
          case TEXT -> text(text, maxLength, pattern, patternKey);
          case CHOICE, MULTI -> other(text);
          case YEAR -> year(text, who, entry);
          case DATE -> date(text, who, entry);
          case NUMBER -> number(text, unit);
          case ANSWER ->
              throw new IllegalStateException(name + " is answered with tiles, not typed");
        });
  }

  /**
   * The person's own words for a choice whose common answers do not fit: {@code {"other": "..."}}.
   */
  public JsonNode other(String typed) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("other", text(typed.strip(), typingLimit(), null, null));
    return node;
  }

  private static TextNode text(String text, int max, String pattern, String patternKey) {
    if (text.isEmpty()) {
      throw new InvalidValue("form.required");
    }
    if (text.length() > max) {
      throw new InvalidValue("form.invalid.too-long", Map.of("max", max, "count", text.length()));
    }
    if (pattern != null && !text.matches(pattern)) {
      throw new InvalidValue(patternKey);
    }
    return TextNode.valueOf(text);
  }

  private JsonNode year(String text, Respondent who, Entry entry) {
    if (!text.matches("\\d{4}")) {
      throw new InvalidValue("form.invalid.year.format");
    }
    int year = Integer.parseInt(text);
    if (year > who.today().getYear()) {
      throw new InvalidValue(
          "form.invalid.year.future", Map.of("year", String.valueOf(who.today().getYear())));
    }
    if (min != null && year < min.intValue()) {
      throw new InvalidValue(
          "form.invalid.year.too-early", Map.of("year", String.valueOf(min.intValue())));
    }
    int floor = floorYear(who, entry);
    if (year < floor) {
      throw new InvalidValue(
          BIRTH.equals(notBefore) ? "form.invalid.year.before-birth" : "form.invalid.year.before",
          Map.of("year", String.valueOf(floor)));
    }
    return JsonNodeFactory.instance.numberNode(year);
  }

  private int floorYear(Respondent who, Entry entry) {
    if (notBefore == null) {
      return Integer.MIN_VALUE;
    }
    if (BIRTH.equals(notBefore)) {
      return who.birthYear() > 0 ? who.birthYear() : Integer.MIN_VALUE;
    }
    JsonNode earlier = entry.get(notBefore);
    if (earlier != null && earlier.isInt()) {
      return earlier.asInt();
    }
    if (earlier != null
        && earlier.isTextual()
        && earlier.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Integer.parseInt(earlier.asText().substring(0, 4));
    }
    return Integer.MIN_VALUE;
  }

  private JsonNode date(String text, Respondent who, Entry entry) {
    Matcher m = DAY_FIRST.matcher(text);
    if (!m.matches()) {
      throw new InvalidValue("form.invalid.date.format");
    }
    LocalDate date;
    try {
      date =
          LocalDate.of(
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(1)));
    } catch (DateTimeException e) {
      throw new InvalidValue("form.invalid.date.impossible");
    }
    if (date.isAfter(who.today())) {
      throw new InvalidValue("form.invalid.date.future");
    }
    int floor = floorYear(who, entry);
    if (date.getYear() < floor) {
      throw new InvalidValue(
          BIRTH.equals(notBefore) ? "form.invalid.year.before-birth" : "form.invalid.year.before",
          Map.of("year", String.valueOf(floor)));
    }
    return TextNode.valueOf(date.toString());
  }

  private JsonNode number(String text, int unit) {
    if (!NUMBER.matcher(text).matches()) {
      throw new InvalidValue("form.invalid.number.format");
    }
    BigDecimal value = new BigDecimal(text.replace(',', '.'));
    if (value.stripTrailingZeros().scale() > decimals) {
      throw new InvalidValue("form.invalid.number.decimals", Map.of("count", decimals));
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidValue(
          "form.invalid.number.range",
          Map.of(
              "min",
              min.stripTrailingZeros().toPlainString(),
              "max",
              max.stripTrailingZeros().toPlainString()));
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    // As Jackson reads numbers back from the server: an int, or a double.
    node.set(
        "value",
        value.stripTrailingZeros().scale() <= 0
            ? JsonNodeFactory.instance.numberNode(value.intValueExact())
            : JsonNodeFactory.instance.numberNode(value.doubleValue()));
    node.put("unit", units.get(Math.floorMod(unit, units.size())));
    return node;
  }

  /** What to put back in the box when the person comes back to a typed question. */
  public String typedForm(JsonNode value) {
    if (value == null
        || value.isNull()
        || (value.isTextual()
            && Answers.UNKNOWN.equals(value.asText())
            && type != FieldType.TEXT)) {
      return "";
    }
    return switch (type) {
      case TEXT -> value.asText();
      case YEAR -> value.asText();
      case DATE -> {
        try {
          LocalDate d = LocalDate.parse(value.asText());
          yield String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        } catch (DateTimeException e) {
          yield "";
        }
      }
      case NUMBER ->
          value.path("value").isNumber()
              ? value
                  .path("value")
                  .decimalValue()
                  .stripTrailingZeros()
                  .toPlainString()
                  .replace('.', ',')
              : "";
      case CHOICE, MULTI -> value.path("other").asText("");
      case ANSWER -> "";
    };
  }

  /** The index of the unit a recorded number uses (0 when none). */
  public int unitOf(JsonNode value) {
    if (value == null) {
      return 0;
    }
    int i = units.indexOf(value.path("unit").asText());
    return Math.max(i, 0);
  }
}
