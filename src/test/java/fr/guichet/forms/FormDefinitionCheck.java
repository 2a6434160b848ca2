package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.kiosk.ProfilePictogram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The build-time check of the form definitions: each file against {@code forms/form.schema.json},
 * then what a schema cannot say (every key in every bundle, pictogram names, unique values, field
 * references, patterns that compile, tiles that fit a row). Every problem names its file and field.
 */
final class FormDefinitionCheck {
  static final Path FORMS = Path.of("forms");

  /** Room for a tile's label on an 80-column row (MessagesTest.ONE_ROW). */
  static final int TILE_ROOM = 60;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIELD_AT = Pattern.compile("^\\$\\.fields\\[(\\d+)\\]");

  private final JsonSchema schema;

  FormDefinitionCheck(Path schemaFile) {
    try {
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(JSON.readTree(schemaFile.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormDefinitionCheck standard() {
    return new FormDefinitionCheck(FORMS.resolve("form.schema.json"));
  }

  /** Every problem of every definition in a folder, and the sections that have none. */
  List<String> folder(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String section : FormCatalog.SECTIONS) {
      Path file = dir.resolve(section + ".json");
      if (!Files.exists(file)) {
        out.add(file.getFileName() + ": missing (one definition per section of the API)");
      } else {
        out.addAll(file(file));
      }
    }
    try (var files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.equals("form.schema.json"))
          .filter(n -> !FormCatalog.SECTIONS.contains(n.substring(0, n.length() - 5)))
          .forEach(n -> out.add(n + ": no such section in the API"));
    }
    return out;
  }

  /** Every problem of one definition, each starting with the file name. */
  List<String> file(Path file) throws IOException {
    String name = file.getFileName().toString();
    JsonNode doc = JSON.readTree(file.toFile());
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(doc)) {
      out.add(name + ": " + where(doc, m.getInstanceLocation().toString()) + m.getMessage());
    }
    if (!out.isEmpty()) {
      return out; // the rest assumes the shape is right
    }
    SectionForm form = FormCatalog.parse(name, Files.readAllBytes(file));
    if (!name.equals(form.section() + ".json")) {
      out.add(name + ": declares section '" + form.section() + "'");
    }
    FormCatalog.problems(form).forEach(p -> out.add(name + ": " + p));
    pictogram(out, name, "the section", form.pictogram(), true);
    key(out, name, "the section", form.titleKey(), true);
    if (form.repeated()) {
      key(out, name, "repeat", form.repeat().askKey(), false);
      key(out, name, "repeat", form.repeat().askHelpKey(), false);
    }
    for (Field f : form.fields()) {
      String where = "field '" + f.name() + "'";
      pictogram(out, name, where, f.pictogram(), false);
      key(out, name, where, f.questionKey(), false);
      key(out, name, where, f.helpKey(), false);
      key(out, name, where, f.labelKey(), true);
      if (f.explainKey() != null) {
        key(out, name, where, f.explainKey(), false);
      }
      if (f.patternKey() != null) {
        key(out, name, where, f.patternKey(), false);
      }
      if (f.pattern() != null) {
        try {
          Pattern.compile(f.pattern());
        } catch (PatternSyntaxException e) {
          out.add(name + ": " + where + ": the pattern does not compile: " + e.getDescription());
        }
      }
      for (Option o : f.options()) {
        key(out, name, where + ", option '" + o.value() + "'", o.labelKey(), true);
      }
      for (String unit : f.units()) {
        key(out, name, where + ", unit '" + unit + "'", "form.unit." + unit, false);
        key(out, name, where + ", unit '" + unit + "'", "form.unitname." + unit, true);
      }
    }
    return out;
  }

  private static String where(JsonNode doc, String location) {
    Matcher m = FIELD_AT.matcher(location);
    if (m.find()) {
      JsonNode field = doc.path("fields").path(Integer.parseInt(m.group(1)));
      return "field '" + field.path("name").asText("?") + "' (" + location + "): ";
    }
    return location + ": ";
  }

  private static void pictogram(
      List<String> out, String file, String where, String name, boolean drawing) {
    boolean exists = Arrays.stream(ProfilePictogram.values()).anyMatch(p -> p.name().equals(name));
    if (!exists) {
      out.add(file + ": " + where + ": no pictogram named '" + name + "' (see ProfilePictogram)");
    } else if (drawing && ProfilePictogram.valueOf(name).lines().isEmpty()) {
      out.add(file + ": " + where + ": the pictogram '" + name + "' has no drawing for a section");
    }
  }

  private static void key(List<String> out, String file, String where, String key, boolean oneRow) {
    for (Language l : Language.values()) {
      Messages m = Messages.of(l);
      if (!m.has(key)) {
        out.add(
            file
                + ": "
                + where
                + ": the key '"
                + key
                + "' is missing from "
                + Messages.resource(l));
      } else if (oneRow && m.text(key).length() > TILE_ROOM && !key.startsWith("form.unit.")) {
        out.add(
            file
                + ": "
                + where
                + ": '"
                + key
                + "' in "
                + l.tag()
                + " is wider than a row ("
                + m.text(key).length()
                + ")");
      }
    }
  }
}
