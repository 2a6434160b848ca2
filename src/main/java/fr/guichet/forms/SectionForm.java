package fr.guichet.forms;

import java.util.List;
import java.util.Optional;

/**
 * The form of one section of the medical profile, read from {@code forms/<section>.json}: its
 * questions in the order they are asked, whether it is a list of entries (allergies) or one set of
 * answers (measures), and whether "not concerned" is an answer for the whole section.
 *
 * <pre>{@code
 * SectionForm allergies = FormCatalog.standard().form("allergies");
 * allergies.repeated();                // true: one entry per allergy
 * allergies.field("name").options();   // the common allergies, offered first
 * }</pre>
 *
 * @param repeat present when the section is a list of entries
 * @param dated the content records the day it was written
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"$schema"})
public record SectionForm(
    String section,
    int version,
    String pictogram,
    String titleKey,
    boolean notConcerned,
    boolean dated,
    Repeat repeat,
    List<Field> fields) {

  /**
   * How a list section asks whether there is anything to record, and which field names an entry.
   */
  public record Repeat(String askKey, String askHelpKey, String summaryField) {}

  public SectionForm {
    fields = List.copyOf(fields);
  }

  public boolean repeated() {
    return repeat != null;
  }

  public Field field(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException("No field " + name + " in " + section));
  }

  public Optional<Field> find(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The index of the first question asked after {@code after} (-1 for the first), or -1 when none
   * is left.
   */
  public int next(int after, Entry answers, Respondent who) {
    for (int i = after + 1; i < fields.size(); i++) {
      if (fields.get(i).applies(answers, who)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The answers without those of questions that no longer apply (a phone number once the name is
   * erased).
   */
  public Entry prune(Entry answers, Respondent who) {
    Entry out = answers;
    for (Field f : fields) {
      if (!f.applies(out, who)) {
        out = out.without(f.name());
      }
    }
    return out;
  }
}
