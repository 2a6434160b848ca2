package fr.guichet.kiosk;

import fr.guichet.contract.LoginRequest;
import fr.guichet.i18n.Messages;
import java.util.List;

/** The mediator logs in with their own account: login, password, and the 6-digit TOTP code. */
record LoginScreen(Form form, Say notice) implements Screen {
  static LoginScreen fresh() {
    return new LoginScreen(
        new Form(
            List.of(
                Form.Entry.text("login", "login.field.login", "login.help.login", 40),
                Form.Entry.text("password", "login.field.password", "login.help.password", 64)
                    .masked(),
                Form.Entry.digits("totp", "login.field.totp", "login.help.totp", 6, "")),
            0),
        null);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    return View.titled(m.text("login.title"))
        .lines(List.of(m.text("login.intro")))
        .fields(form.fields(m), form.focus())
        .say(notice, m)
        .hints(
            List.of(
                new View.Hint("F1", m.text("key.help")),
                new View.Hint("F2", m.text("key.language")),
                new View.Hint(m.text("key.escape"), m.text("key.quit"))))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return Step.of(this, Effect.Command.QUIT);
    }
    if (key.kind() != Key.Kind.ENTER) {
      return new LoginScreen(form.edit(key), notice);
    }
    if (!form.onLast()) {
      return new LoginScreen(form.next(), notice);
    }
    if (form.firstEmpty() >= 0) {
      return new LoginScreen(form.focusAt(form.firstEmpty()), Say.error("form.missing"));
    }
    // Never keep a secret on screen while the server is asked, nor a wrong one after.
    Form retry = form.clear("password").clear("totp").focusOn("password");
    return Step.of(
        new LoginScreen(retry, null),
        new Effect.LogIn(
            new LoginRequest(
                form.value("login").strip(), form.value("password"), form.value("totp")),
            problem -> new LoginScreen(retry, Say.problem(problem))));
  }

  @Override
  public String helpTopic() {
    return "login";
  }
}
