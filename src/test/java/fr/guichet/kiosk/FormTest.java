package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormTest {
  final Form form =
      new Form(
          List.of(
              Form.Entry.text("login", "login.field.login", "login.help.login", 5),
              Form.Entry.text("password", "login.field.password", "login.help.password", 10)
                  .masked(),
              Form.Entry.digits("code", "login.field.totp", "login.help.totp", 6, "")),
          0);

  @Test
  void typesErasesAndStopsAtTheMaximum() {
    Form f = form.type('a').type('b').backspace().type('c');
    assertThat(f.value("login")).isEqualTo("ac");
    for (char c : "xyzxyz".toCharArray()) {
      f = f.type(c);
    }
    assertThat(f.value("login")).isEqualTo("acxyz");
    assertThat(form.backspace()).isEqualTo(form);
  }

  @Test
  void holdsWhatWasTypedUntilItIsErasedAgain() {
    assertThat(form.typedIn()).isFalse();
    assertThat(form.focusOn("code").type('1').typedIn()).isTrue();
    assertThat(form.type('a').backspace().typedIn()).isFalse();
  }

  @Test
  void aDigitFieldIgnoresOtherKeys() {
    Form f = form.focusOn("code").type('1').type('x').type('2');
    assertThat(f.value("code")).isEqualTo("12");
  }

  @Test
  void movesBetweenFieldsWithoutLeavingTheForm() {
    assertThat(form.edit(Key.UP).focus()).isZero();
    assertThat(form.edit(Key.TAB).edit(Key.DOWN).edit(Key.DOWN).focus()).isEqualTo(2);
    assertThat(form.edit(Key.TAB).onLast()).isFalse();
    assertThat(form.focusAt(2).edit(Key.BACK_TAB).focus()).isEqualTo(1);
  }

  @Test
  void findsTheFirstEmptyField() {
    assertThat(form.firstEmpty()).isZero();
    assertThat(form.type('a').firstEmpty()).isEqualTo(1);
    assertThat(form.type('a').next().type('b').next().type('1').firstEmpty()).isEqualTo(-1);
  }

  @Test
  void masksSecretsOnScreen() {
    List<View.Field> fields = form.next().type('s').type('3').fields(Messages.of(Language.FRENCH));
    assertThat(fields.get(1).shown()).isEqualTo("••");
    assertThat(fields.get(1).label()).isEqualTo("Mot de passe");
  }

  @Test
  void clearsOneField() {
    Form f = form.type('a').next().type('b');
    assertThat(f.clear("password").value("password")).isEmpty();
    assertThat(f.clear("password").value("login")).isEqualTo("a");
  }
}
