package fr.guichet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.guichet.contract.Problem;
import fr.guichet.domain.InvalidValue;
import fr.guichet.forms.Answers;
import fr.guichet.forms.Entry;
import fr.guichet.forms.Field;
import fr.guichet.forms.FieldType;
import fr.guichet.forms.Option;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.Respondent;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One section of the medical profile, one question at a time, in the person's language: the common
 * answers as numbered tiles with their pictogram (and "other: type it"), free text with examples,
 * years, dates and numbers with their unit; Enter skips a question (or leaves a sensitive one for
 * later), Esc goes back one question (the answer given comes back in the box), "?" says "I don't
 * know" to a typed question where the form allows it. A list section (allergies...) first asks
 * whether there is anything, then one entry after another. A typing mistake is said in a plain
 * sentence and the text typed stays. Nothing is sent from here: the last answer leads to the
 * read-back ({@link ProfileReviewScreen}).
 *
 * <pre>{@code
 * Screen s = ProfileQuestionScreen.start(kiosk, profile, FormCatalog.standard().form("allergies"));
 * }</pre>
 *
 * @param baseVersion the version of the section the answers start from (sent as If-Match)
 * @param base what the server held at that version
 * @param history the states before each answer, for going back
 */
record ProfileQuestionScreen(
    MedicalProfile profile,
    SectionForm form,
    long baseVersion,
    SectionContent base,
    Draft draft,
    Stage step,
    List<Snapshot> history,
    Input input,
    Say notice)
    implements Screen {

  /**
   * Key that answers "I don't know" to a typed question: a year, a date or a number never contains
   * it (and free text never takes "I don't know"), and the function keys are the kiosk's (F8 saves
   * a refused print).
   */
  static final char UNKNOWN_KEY = '?';

  /** {@link Draft#index()} of a single section's answers (measures, lifestyle...). */
  static final int ANSWERS = -2;

  /** {@link Draft#index()} of an entry being added to a list section. */
  static final int NEW_ENTRY = -1;

  /**
   * The answers so far.
   *
   * @param content the section as it will be sent
   * @param editing the entry (or single section's answers) being answered now, not yet in {@code
   *     content}
   */
  record Draft(SectionContent content, Entry editing, int index) {}

  /**
   * Where the person is: the opening question of a list, one field, "another one?", or "which one
   * to remove?".
   */
  record Stage(Kind kind, int field) {
    enum Kind {
      ASK,
      FIELD,
      ANOTHER,
      REMOVE
    }
  }

  /** The state before an answer, to come back to it. */
  record Snapshot(Stage step, Draft draft) {}

  /**
   * What is being typed or picked on the current question.
   *
   * @param unit the index of the unit chosen (Tab changes it)
   * @param picked the values ticked on a multiple choice
   * @param other the person is typing their own words instead of picking a common answer
   */
  record Input(String typed, int unit, List<String> picked, boolean other) {
    static final Input EMPTY = new Input("", 0, List.of(), false);

    Input {
      picked = List.copyOf(picked);
    }
  }

  static Screen start(Kiosk kiosk, MedicalProfile profile, SectionForm form) {
    SectionContent base = profile.content(form);
    long version = profile.version(form.section());
    if (form.repeated()) {
      return new ProfileQuestionScreen(
          profile,
          form,
          version,
          base,
          new Draft(base, Entry.EMPTY, NEW_ENTRY),
          new Stage(Stage.Kind.ASK, -1),
          List.of(),
          Input.EMPTY,
          null);
    }
    Entry answers = base.answers();
    Respondent who = profile.respondent(today(kiosk));
    int first = form.next(-1, answers, who);
    if (first < 0) { // no question of this section is asked of this person
      return new ProfileHubScreen(
          profile.seen(form.section()),
          MedicalProfile.forms().forms().indexOf(form),
          Say.info("profile.skipped"));
    }
    return new ProfileQuestionScreen(
        profile,
        form,
        version,
        base,
        new Draft(base, answers, ANSWERS),
        new Stage(Stage.Kind.FIELD, first),
        List.of(),
        inputFor(form.fields().get(first), answers),
        null);
  }

  private static LocalDate today(Kiosk kiosk) {
    return LocalDate.now(kiosk.clock());
  }

  /** What the box shows when a question comes (back): the answer already given, if any. */
  static Input inputFor(Field f, Entry answers) {
    JsonNode v = answers.get(f.name());
    List<String> picked = new ArrayList<>();
    if (f.type() == FieldType.MULTI && v != null && v.isArray()) {
      v.forEach(item -> picked.add(item.asText()));
    }
    boolean other = v != null && v.isObject() && v.has("other");
    return new Input(f.typedForm(v), f.unitOf(v), picked, other);
  }

  private Field field() {
    return form.fields().get(step.field());
  }

  // ---------------------------------------------------------------- view

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    List<View.Field> fields = new ArrayList<>();
    List<View.Tile> tiles = new ArrayList<>();
    switch (step.kind()) {
      case ASK -> askView(m, lines, tiles);
      case ANOTHER -> {
        lines.add(m.text("profile.another"));
        lines.add(m.text("profile.ask.recorded"));
        draft.content().entries().forEach(e -> lines.add("  " + ReadBack.name(form, e, m)));
        tiles.add(new View.Tile("1", ProfilePictogram.ADD.symbol(), m.text("form.answer.yes")));
        tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("profile.another.no")));
      }
      case REMOVE -> {
        lines.add(m.text("profile.remove.which"));
        List<Integer> removable = removable();
        for (int i = 0; i < removable.size(); i++) {
          tiles.add(
              new View.Tile(
                  String.valueOf(i + 1),
                  ProfilePictogram.REMOVE.symbol(),
                  ReadBack.name(form, draft.content().entries().get(removable.get(i)), m)));
        }
      }
      case FIELD -> fieldView(kiosk, m, lines, fields, tiles);
    }
    tiles.add(
        new View.Tile(m.text("key.escape"), Pictogram.BACK.symbol(), m.text("form.key.back")));
    return View.titled(m.text(form.titleKey()))
        .forWhom(profile.forWhom(m))
        .picture(ProfilePictogram.named(form.pictogram()).lines())
        .lines(lines)
        .fields(fields, fields.isEmpty() ? -1 : 0)
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, false))
        .build();
  }

  private void askView(Messages m, List<String> lines, List<View.Tile> tiles) {
    SectionContent c = draft.content();
    if (!c.entries().isEmpty()) {
      lines.add(m.text("profile.ask.recorded"));
      c.entries()
          .forEach(e -> lines.add("  " + ReadBack.name(form, e, m) + (e.confirmed() ? "  ✓" : "")));
      tiles.add(new View.Tile("1", ProfilePictogram.ADD.symbol(), m.text("profile.ask.add")));
      if (!removable().isEmpty()) {
        tiles.add(
            new View.Tile("2", ProfilePictogram.REMOVE.symbol(), m.text("profile.ask.remove")));
      }
      tiles.add(new View.Tile("3", ProfilePictogram.SEND.symbol(), m.text("profile.ask.review")));
    } else {
      if (c.status() != fr.guichet.forms.Status.EMPTY) {
        lines.add(m.text("profile.ask.recorded") + " " + ReadBack.lines(form, c, m).get(0));
      }
      lines.add(
          ProfilePictogram.named(form.pictogram()).symbol()
              + " "
              + profile.ask(m, form.repeat().askKey()));
      lines.add(profile.ask(m, form.repeat().askHelpKey()));
      tiles.add(new View.Tile("1", Pictogram.YES.symbol(), m.text("form.answer.yes")));
      if (form.notConcerned()) {
        tiles.add(
            new View.Tile("2", ProfilePictogram.NOT_CONCERNED.symbol(), m.text("profile.ask.no")));
      }
      tiles.add(
          new View.Tile("3", ProfilePictogram.UNKNOWN.symbol(), m.text("form.answer.unknown")));
    }
    tiles.add(
        new View.Tile(m.text("key.enter"), Pictogram.NEXT.symbol(), m.text("form.key.later")));
  }

  private void fieldView(
      Kiosk kiosk, Messages m, List<String> lines, List<View.Field> fields, List<View.Tile> tiles) {
    Field f = field();
    if (f.sensitive() && f.explainKey() != null) {
      lines.addAll(List.of(profile.ask(m, f.explainKey()).split("\n")));
    }
    if (f.ownWishes() && !profile.onOwnBehalf()) {
      lines.add(m.text("profile.own-wishes", Map.of("name", profile.name())));
    }
    if (form.repeated() && draft.index() == NEW_ENTRY) {
      lines.add(
          m.text("profile.entry.number", Map.of("count", draft.content().entries().size() + 1)));
    }
    lines.add(
        ProfilePictogram.named(f.pictogram()).symbol() + " " + profile.ask(m, f.questionKey()));
    String skip = f.sensitive() ? "form.key.later" : "form.key.skip";
    if (f.type().typed() || input.other()) {
      String label =
          f.type() == FieldType.NUMBER
              ? m.text(
                  "form.typed.in",
                  Map.of("unit", m.text("form.unitname." + f.units().get(input.unit()))))
              : m.text(input.other() ? "form.typed.other" : "form.typed.label");
      fields.add(
          new View.Field(
              label, input.typed(), profile.ask(m, f.helpKey()), Math.min(f.typingLimit(), 60)));
      tiles.add(
          new View.Tile(
              m.text("key.enter"),
              Pictogram.YES.symbol(),
              m.text(
                  f.required() || input.other()
                      ? "form.key.confirm"
                      : "form.key.confirm-or-skip")));
      if (f.type() == FieldType.NUMBER && f.units().size() > 1) {
        tiles.add(new View.Tile("Tab", "⇆", m.text("form.key.unit")));
      }
      if (f.unknown() && !input.other()) {
        tiles.add(
            new View.Tile(
                String.valueOf(UNKNOWN_KEY),
                ProfilePictogram.UNKNOWN.symbol(),
                m.text("form.answer.unknown")));
      }
      return;
    }
    lines.add(profile.ask(m, f.helpKey()));
    String symbol = ProfilePictogram.named(f.pictogram()).symbol();
    int digit = 1;
    if (f.type() == FieldType.ANSWER) {
      for (String a : f.answers()) {
        tiles.add(
            new View.Tile(String.valueOf(digit++), answerSymbol(a), m.text(Answers.labelKey(a))));
      }
    } else {
      for (Option o : f.options()) {
        String mark =
            f.type() == FieldType.MULTI ? (input.picked().contains(o.value()) ? "☑" : "☐") : symbol;
        tiles.add(new View.Tile(String.valueOf(digit++), mark, m.text(o.labelKey())));
      }
      if (f.other()) {
        tiles.add(
            new View.Tile(
                String.valueOf(digit++),
                ProfilePictogram.OTHER.symbol(),
                m.text("form.key.other")));
      }
      if (f.unknown()) {
        tiles.add(
            new View.Tile(
                String.valueOf(digit),
                ProfilePictogram.UNKNOWN.symbol(),
                m.text("form.answer.unknown")));
      }
    }
    if (f.type() == FieldType.MULTI) {
      tiles.add(
          new View.Tile(m.text("key.enter"), Pictogram.YES.symbol(), m.text("form.key.done")));
    } else if (!f.required()) {
      tiles.add(new View.Tile(m.text("key.enter"), Pictogram.NEXT.symbol(), m.text(skip)));
    }
  }

  static String answerSymbol(String answer) {
    return switch (answer) {
      case Answers.YES -> Pictogram.YES.symbol();
      case Answers.NO -> Pictogram.NO.symbol();
      case Answers.NOT_CONCERNED -> ProfilePictogram.NOT_CONCERNED.symbol();
      default -> ProfilePictogram.UNKNOWN.symbol();
    };
  }

  private List<Integer> removable() {
    List<Integer> out = new ArrayList<>();
    List<Entry> entries = draft.content().entries();
    for (int i = 0; i < entries.size() && out.size() < 9; i++) {
      if (!entries.get(i).confirmed()) {
        out.add(i);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- keys

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      if (step.kind() == Stage.Kind.FIELD && input.other()) {
        return with(new Input("", 0, List.of(), false), null);
      }
      return back(kiosk);
    }
    return switch (step.kind()) {
      case ASK -> onAsk(key, kiosk);
      case ANOTHER -> onAnother(key, kiosk);
      case REMOVE -> onRemove(key);
      case FIELD -> onField(key, kiosk);
    };
  }

  private Screen onAsk(Key key, Kiosk kiosk) {
    SectionContent c = draft.content();
    if (key.kind() == Key.Kind.ENTER) {
      return left(kiosk, "profile.skipped");
    }
    if (!c.entries().isEmpty()) {
      return switch (key.digit()) {
        case 1 -> newEntry(kiosk);
        case 2 ->
            removable().isEmpty() ? this : go(new Stage(Stage.Kind.REMOVE, -1), draft, Input.EMPTY);
        case 3 -> review(c);
        default -> this;
      };
    }
    return switch (key.digit()) {
      case 1 -> newEntry(kiosk);
      case 2 -> form.notConcerned() ? review(c.notConcerned(today(kiosk))) : this;
      case 3 -> review(c.unknown());
      default -> this;
    };
  }

  private Screen onAnother(Key key, Kiosk kiosk) {
    if (key.digit() == 1) {
      return newEntry(kiosk);
    }
    if (key.digit() == 2 || key.kind() == Key.Kind.ENTER) {
      return review(draft.content());
    }
    return this;
  }

  private Screen onRemove(Key key) {
    List<Integer> removable = removable();
    int d = key.digit();
    if (d < 1 || d > removable.size()) {
      return this;
    }
    Draft after =
        new Draft(draft.content().withoutEntry(removable.get(d - 1)), Entry.EMPTY, NEW_ENTRY);
    return new ProfileQuestionScreen(
        profile,
        form,
        baseVersion,
        base,
        after,
        new Stage(Stage.Kind.ASK, -1),
        push(),
        Input.EMPTY,
        Say.info("profile.removed"));
  }

  private Screen newEntry(Kiosk kiosk) {
    Respondent who = profile.respondent(today(kiosk));
    int first = form.next(-1, Entry.EMPTY, who);
    return go(
        new Stage(Stage.Kind.FIELD, first),
        new Draft(draft.content(), Entry.EMPTY, NEW_ENTRY),
        inputFor(form.fields().get(first), Entry.EMPTY));
  }

  private Screen onField(Key key, Kiosk kiosk) {
    Field f = field();
    Respondent who = profile.respondent(today(kiosk));
    boolean typing = f.type().typed() || input.other();
    if (typing
        && !input.other()
        && f.unknown()
        && key.kind() == Key.Kind.CHARACTER
        && key.character() == UNKNOWN_KEY) {
      return answered(kiosk, TextNode.valueOf(Answers.UNKNOWN));
    }
    if (typing) {
      switch (key.kind()) {
        case CHARACTER -> {
          char c = key.character();
          boolean accepted = input.other() ? c >= ' ' : f.accepts(c);
          if (!accepted || input.typed().length() >= f.typingLimit()) {
            return this;
          }
          return with(
              new Input(input.typed() + c, input.unit(), input.picked(), input.other()), null);
        }
        case BACKSPACE -> {
          String t = input.typed();
          return t.isEmpty()
              ? this
              : with(
                  new Input(
                      t.substring(0, t.length() - 1), input.unit(), input.picked(), input.other()),
                  null);
        }
        case TAB -> {
          return f.units().size() > 1
              ? with(
                  new Input(
                      input.typed(),
                      (input.unit() + 1) % f.units().size(),
                      input.picked(),
                      input.other()),
                  null)
              : this;
        }
        case ENTER -> {
          try {
            if (input.other()) {
              return answered(kiosk, f.other(input.typed()));
            }
            Optional<JsonNode> value = f.parse(input.typed(), input.unit(), who, draft.editing());
            return answered(kiosk, value.orElse(null));
          } catch (InvalidValue e) {
            return with(input, new Say(View.Tone.ERROR, e.messageKey(), e.params()));
          }
        }
        default -> {
          return this;
        }
      }
    }
    if (key.kind() == Key.Kind.ENTER) {
      if (f.type() == FieldType.MULTI) {
        if (input.picked().isEmpty()) {
          return f.required() ? with(input, Say.error("form.required")) : answered(kiosk, null);
        }
        ArrayNode picked = JsonNodeFactory.instance.arrayNode();
        f.options().stream()
            .map(Option::value)
            .filter(input.picked()::contains)
            .forEach(picked::add);
        return answered(kiosk, picked);
      }
      return f.required() ? with(input, Say.error("form.required")) : answered(kiosk, null);
    }
    int d = key.digit();
    if (d < 1) {
      return this;
    }
    if (f.type() == FieldType.ANSWER) {
      return d <= f.answers().size()
          ? answered(kiosk, TextNode.valueOf(f.answers().get(d - 1)))
          : this;
    }
    int options = f.options().size();
    if (d <= options) {
      String value = f.options().get(d - 1).value();
      if (f.type() == FieldType.MULTI) {
        List<String> picked = new ArrayList<>(input.picked());
        if (!picked.remove(value)) {
          picked.add(value);
        }
        return with(new Input(input.typed(), input.unit(), picked, false), null);
      }
      return answered(kiosk, TextNode.valueOf(value));
    }
    int next = options + 1;
    if (f.other()) {
      if (d == next) {
        JsonNode v = draft.editing().get(f.name());
        String before = v != null && v.isObject() ? v.path("other").asText("") : "";
        return with(new Input(before, 0, List.of(), true), null);
      }
      next++;
    }
    if (f.unknown() && d == next) {
      return answered(kiosk, TextNode.valueOf(Answers.UNKNOWN));
    }
    return this;
  }

  /** Records the answer (null: skipped) and goes to the next question, or finishes the entry. */
  private Screen answered(Kiosk kiosk, JsonNode value) {
    Field f = field();
    Respondent who = profile.respondent(today(kiosk));
    Entry editing =
        value == null ? draft.editing().without(f.name()) : draft.editing().with(f.name(), value);
    editing = form.prune(editing, who);
    Draft now = new Draft(draft.content(), editing, draft.index());
    int next = form.next(step.field(), editing, who);
    if (next >= 0) {
      return go(new Stage(Stage.Kind.FIELD, next), now, inputFor(form.fields().get(next), editing));
    }
    if (form.repeated()) {
      Draft committed =
          new Draft(now.content().withEntry(now.index(), editing), Entry.EMPTY, NEW_ENTRY);
      return go(new Stage(Stage.Kind.ANOTHER, -1), committed, Input.EMPTY);
    }
    SectionContent content = now.content().withAnswers(editing, form.dated() ? today(kiosk) : null);
    ProfileQuestionScreen here =
        new ProfileQuestionScreen(
            profile, form, baseVersion, base, now, step, history, inputFor(f, editing), null);
    return here.review(content);
  }

  /** To the read-back of what would be sent; "change" comes back to this very screen. */
  private Screen review(SectionContent content) {
    return ProfileReviewScreen.of(
        new ProfileQuestionScreen(
            profile, form, baseVersion, base, draft, step, history, input, null),
        content);
  }

  private ProfileQuestionScreen go(Stage next, Draft d, Input in) {
    return new ProfileQuestionScreen(profile, form, baseVersion, base, d, next, push(), in, null);
  }

  private List<Snapshot> push() {
    List<Snapshot> h = new ArrayList<>(history);
    h.add(new Snapshot(step, draft));
    return h;
  }

  private ProfileQuestionScreen with(Input in, Say say) {
    return new ProfileQuestionScreen(
        profile, form, baseVersion, base, draft, step, history, in, say);
  }

  /** One question back: the state before the last answer, with that answer back in the box. */
  private Screen back(Kiosk kiosk) {
    if (history.isEmpty()) {
      return left(kiosk, "profile.left");
    }
    Snapshot last = history.get(history.size() - 1);
    List<Snapshot> rest = history.subList(0, history.size() - 1);
    Input in = Input.EMPTY;
    if (last.step().kind() == Stage.Kind.FIELD) {
      Entry given = draft.editing();
      if (step.kind() == Stage.Kind.ANOTHER && !draft.content().entries().isEmpty()) {
        given = draft.content().entries().get(draft.content().entries().size() - 1);
      }
      in = inputFor(form.fields().get(last.step().field()), given);
    }
    return new ProfileQuestionScreen(
        profile, form, baseVersion, base, last.draft(), last.step(), rest, in, null);
  }

  private Screen left(Kiosk kiosk, String say) {
    return new ProfileHubScreen(
        profile.seen(form.section()), MedicalProfile.forms().forms().indexOf(form), Say.info(say));
  }

  /** The same questions, now starting from another version of the section (after a conflict). */
  ProfileQuestionScreen rebased(long version, SectionContent now, SectionContent answers) {
    Draft d =
        step.kind() == Stage.Kind.FIELD && !form.repeated()
            ? new Draft(answers, answers.answers(), ANSWERS)
            : new Draft(answers, Entry.EMPTY, NEW_ENTRY);
    Stage s = form.repeated() ? new Stage(Stage.Kind.ASK, -1) : step;
    return new ProfileQuestionScreen(
        profile,
        form,
        version,
        now,
        d,
        s,
        List.of(),
        form.repeated() ? Input.EMPTY : inputFor(field(s), d.editing()),
        null);
  }

  /**
   * The question of an answer the server refused, with why: {@code /answers/<field>} of a single
   * section, {@code /entries/<n>/<field>} of a list; the answers sent kept, the refused one in the
   * box. Null when the pointer names no question (the section as a whole).
   */
  ProfileQuestionScreen at(Problem.FieldError error, SectionContent sent) {
    String[] at = error.pointer().split("/");
    Say why = new Say(View.Tone.ERROR, error.messageKey(), error.params());
    if (!form.repeated() && at.length == 3 && at[1].equals("answers")) {
      return atField(new Draft(sent, sent.answers(), ANSWERS), at[2], why);
    }
    if (form.repeated() && at.length == 4 && at[1].equals("entries") && at[2].matches("\\d+")) {
      int index = Integer.parseInt(at[2]);
      if (index < sent.entries().size()) {
        return atField(new Draft(sent, sent.entries().get(index), index), at[3], why);
      }
    }
    return null;
  }

  private ProfileQuestionScreen atField(Draft d, String token, Say why) {
    String name = token.replace("~1", "/").replace("~0", "~"); // RFC 6901
    for (int i = 0; i < form.fields().size(); i++) {
      Field f = form.fields().get(i);
      if (f.name().equals(name)) {
        return new ProfileQuestionScreen(
            profile,
            form,
            baseVersion,
            base,
            d,
            new Stage(Stage.Kind.FIELD, i),
            List.of(),
            inputFor(f, d.editing()),
            why);
      }
    }
    return null;
  }

  private Field field(Stage s) {
    return form.fields().get(s.field());
  }

  @Override
  public String helpTopic() {
    return "profile.question";
  }
}
