package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The fields of one form screen and which one has the focus: typing, erasing and moving are pure
 * functions that return a new form.
 *
 * <pre>{@code
 * Form f = new Form(List.of(Form.Entry.text("login", "login.field.login", "login.help.login", 40)), 0);
 * f = f.type('c').type('a');
 * f.value("login"); // "ca"
 * }</pre>
 */
record Form(List<Form.Entry> entries, int focus) {

  /**
   * One field.
   *
   * @param accepts which characters it takes (others are ignored, so a stray key changes nothing)
   */
  record Entry(
      String name,
      String labelKey,
      String helpKey,
      boolean secret,
      int max,
      IntPredicate accepts,
      String value) {
    static Entry text(String name, String labelKey, String helpKey, int max) {
      return new Entry(name, labelKey, helpKey, false, max, c -> c >= ' ', "");
    }

    static Entry digits(String name, String labelKey, String helpKey, int max, String extra) {
      return new Entry(
          name,
          labelKey,
          helpKey,
          false,
          max,
          c -> Character.isDigit(c) || extra.indexOf(c) >= 0,
          "");
    }

    Entry masked() {
      return new Entry(name, labelKey, helpKey, true, max, accepts, value);
    }

    Entry withValue(String v) {
      return new Entry(name, labelKey, helpKey, secret, max, accepts, v);
    }
  }

  Form {
    entries = List.copyOf(entries);
  }

  Form type(char c) {
    Entry e = entries.get(focus);
    if (!e.accepts().test(c) || e.value().length() >= e.max()) {
      return this;
    }
    return replace(focus, e.withValue(e.value() + c));
  }

  Form backspace() {
    Entry e = entries.get(focus);
    return e.value().isEmpty()
        ? this
        : replace(focus, e.withValue(e.value().substring(0, e.value().length() - 1)));
  }

  Form next() {
    return new Form(entries, Math.min(focus + 1, entries.size() - 1));
  }

  Form previous() {
    return new Form(entries, Math.max(focus - 1, 0));
  }

  boolean onLast() {
    return focus == entries.size() - 1;
  }

  String value(String name) {
    return entries.get(index(name)).value();
  }

  Form clear(String name) {
    return replace(index(name), entries.get(index(name)).withValue(""));
  }

  Form focusOn(String name) {
    return new Form(entries, index(name));
  }

  /** Whether anything was typed in it (then it holds the person's data). */
  boolean typedIn() {
    return entries.stream().anyMatch(e -> !e.value().isEmpty());
  }

  /** The first empty field, or -1 when all are filled. */
  int firstEmpty() {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).value().isBlank()) {
        return i;
      }
    }
    return -1;
  }

  Form focusAt(int index) {
    return new Form(entries, index);
  }

  /** The keys common to every form: typing, erasing, moving between fields. */
  Form edit(Key key) {
    return switch (key.kind()) {
      case CHARACTER -> type(key.character());
      case BACKSPACE -> backspace();
      case TAB, DOWN -> next();
      case BACK_TAB, UP -> previous();
      default -> this;
    };
  }

  List<View.Field> fields(Messages m) {
    List<View.Field> out = new ArrayList<>();
    for (Entry e : entries) {
      String shown = e.secret() ? "•".repeat(e.value().length()) : e.value();
      out.add(
          new View.Field(m.text(e.labelKey()), shown, m.text(e.helpKey()), e.max(), e.secret()));
    }
    return out;
  }

  private int index(String name) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No field " + name);
  }

  private Form replace(int i, Entry e) {
    List<Entry> copy = new ArrayList<>(entries);
    copy.set(i, e);
    return new Form(copy, focus);
  }
}
