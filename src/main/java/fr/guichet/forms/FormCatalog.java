package fr.guichet.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every form of the medical profile, one per section, read from {@code forms/} (packaged into the
 * jar): a new question is a change to that folder and to the bundles, not to the program. Loading
 * fails at once, naming the file and the field, when a definition breaks a rule the program relies
 * on; the build checks the rest (the schema, the bundles, the pictograms: {@code
 * FormDefinitionsTest}).
 *
 * <pre>{@code
 * FormCatalog forms = FormCatalog.standard();
 * for (SectionForm f : forms.forms()) { ... }   // in the order the assistant walks them
 * }</pre>
 */
public final class FormCatalog {
  /** The sections of the profile, in the order the assistant offers them (the server's names). */
  public static final List<String> SECTIONS =
      List.of(
          "diseases",
          "treatments",
          "allergies",
          "hospitalisations",
          "handicaps",
          "family-history",
          "blood-group",
          "vaccinations",
          "measures",
          "lifestyle",
          "entourage");

  /** Tiles a choice question can show: the digits 1 to 9. */
  public static final int MAX_TILES = 9;

  /** Strict: a property the program does not know is a mistake in the definition. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final FormCatalog STANDARD = fromClasspath();

  private final Map<String, SectionForm> forms;

  private FormCatalog(Map<String, SectionForm> forms) {
    this.forms = forms;
  }

  /** The forms packaged with the program. */
  public static FormCatalog standard() {
    return STANDARD;
  }

  private static FormCatalog fromClasspath() {
    Map<String, SectionForm> forms = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      String resource = "forms/" + section + ".json";
      try (InputStream in = FormCatalog.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "Missing form definition " + resource + " on the classpath");
        }
        forms.put(section, read(section + ".json", in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
    return new FormCatalog(forms);
  }

  /**
   * The forms of a folder holding one {@code <section>.json} per section (for checks of other
   * folders).
   */
  public static FormCatalog load(Path dir) {
    Map<String, SectionForm> forms = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      Path file = dir.resolve(section + ".json");
      try {
        forms.put(section, read(file.getFileName().toString(), Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return new FormCatalog(forms);
  }

  /**
   * Reads one definition and checks what the program relies on; the message names the file and the
   * field.
   */
  static SectionForm read(String file, byte[] json) {
    SectionForm form = parse(file, json);
    List<String> problems = problems(form);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(file + ": " + String.join("; ", problems));
    }
    return form;
  }

  /** Reads one definition, checking nothing beyond its shape. */
  static SectionForm parse(String file, byte[] json) {
    try {
      return MAPPER.readValue(json, SectionForm.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(file + ": not a form definition: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a definition breaks among the rules a schema cannot say, each naming its field. */
  public static List<String> problems(SectionForm form) {
    List<String> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Field f : form.fields()) {
      String where = "field '" + f.name() + "'";
      if (names.contains(f.name())) {
        out.add(where + ": the name is used twice");
      }
      Set<String> values = new HashSet<>();
      for (Option o : f.options()) {
        if (!values.add(o.value())) {
          out.add(where + ": the choice value '" + o.value() + "' is used twice");
        }
      }
      int tiles =
          f.type() == FieldType.ANSWER
              ? f.answers().size()
              : f.options().size() + (f.other() ? 1 : 0) + (f.unknown() ? 1 : 0);
      if (tiles > MAX_TILES) {
        out.add(where + ": " + tiles + " tiles, more than the " + MAX_TILES + " digits");
      }
      if (f.showIf() != null && !names.contains(f.showIf().field())) {
        out.add(
            where
                + ": showIf names '"
                + f.showIf().field()
                + "', which is not a field asked before it");
      }
      if (f.notBefore() != null
          && !Field.BIRTH.equals(f.notBefore())
          && !names.contains(f.notBefore())) {
        out.add(
            where
                + ": notBefore names '"
                + f.notBefore()
                + "', which is not a field asked before it");
      }
      if (f.type() == FieldType.NUMBER
          && f.min() != null
          && f.max() != null
          && f.min().compareTo(f.max()) > 0) {
        out.add(where + ": min is above max");
      }
      if (f.required() && f.unknown()) {
        out.add(where + ": a required question cannot also take \"I don't know\"");
      }
      names.add(f.name());
    }
    if (form.repeated() && form.find(form.repeat().summaryField()).isEmpty()) {
      out.add("repeat.summaryField '" + form.repeat().summaryField() + "' is not a field");
    }
    return out;
  }

  public SectionForm form(String section) {
    SectionForm f = forms.get(section);
    if (f == null) {
      throw new IllegalArgumentException("No form for section " + section);
    }
    return f;
  }

  /** Every form, in the order of {@link #SECTIONS}. */
  public List<SectionForm> forms() {
    return List.copyOf(forms.values());
  }
}
