package fr.guichet.kiosk;

import fr.guichet.api.ApiException;
import fr.guichet.api.IdempotencyKey;
import fr.guichet.api.Identification;
import fr.guichet.api.IdentificationRequest;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.i18n.Messages;
import java.time.LocalDate;
import java.util.List;

/**
 * Who is being helped: NIR, birth date and Carte Vitale serial number, checked by the server
 * (which journals every attempt).
 */
record IdentifyScreen(Form form, Say notice) implements Screen {
  static IdentifyScreen fresh(Say notice) {
    return new IdentifyScreen(new Form(List.of(
        Form.Entry.digits("nir", "identify.field.nir", "identify.help.nir", 21, " AaBb"),
        Form.Entry.digits("birth", "identify.field.birth", "identify.help.birth", 10, "/ .-"),
        Form.Entry.digits("vitale", "identify.field.vitale", "identify.help.vitale", 16, " ")), 0), notice);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    return new View(m.text("identify.title"), null, List.of(),
        List.of(m.text("identify.intro", java.util.Map.of("mediator", kiosk.mediator().mediatorName()))),
        form.fields(m), form.focus(), List.of(), notice == null ? null : notice.in(m), kiosk.hints(m, false));
  }

  @Override
  public Screen onKey(Key key, Kiosk kiosk) {
    if (key.kind() == Key.Kind.ESCAPE) {
      return fresh(null);
    }
    if (key.kind() != Key.Kind.ENTER) {
      return new IdentifyScreen(form.edit(key), notice);
    }
    if (!form.onLast()) {
      return new IdentifyScreen(form.next(), notice);
    }
    if (form.firstEmpty() >= 0) {
      return new IdentifyScreen(form.focusAt(form.firstEmpty()), Say.error("form.missing"));
    }
    LocalDate birth;
    try {
      birth = BirthDate.parse(form.value("birth"), LocalDate.now(kiosk.clock()));
    } catch (InvalidValue e) {
      return new IdentifyScreen(form.focusOn("birth"), Say.error(e.messageKey()));
    }
    try {
      Identification who = kiosk.api().identify(kiosk.mediator(), IdentificationRequest.byVitale(form.value("nir"), birth,
          form.value("vitale")),
          IdempotencyKey.random());
      kiosk.sitting(Sitting.of(who, form.value("nir"), birth));
      return who.represents().isEmpty() ? new ConsentScreen(false, null) : ForWhomScreen.FIRST;
    } catch (ApiException e) {
      String k = e.problem().messageKey();
      String field = k.startsWith("invalid.nir") ? "nir" : k.startsWith("invalid.vitale") ? "vitale" : "nir";
      return new IdentifyScreen(form.focusOn(field), Say.problem(e.problem()));
    }
  }

  @Override
  public String helpTopic() {
    return "identify";
  }

  @Override
  public boolean holdsPersonData() {
    return form.entries().stream().anyMatch(e -> !e.value().isEmpty());
  }
}
