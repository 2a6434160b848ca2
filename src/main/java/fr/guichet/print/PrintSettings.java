package fr.guichet.print;

import fr.guichet.i18n.Language;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a counter prints: on which paper, in which time zone its times are written (named beside
 * each), in which two languages (the person's large, the mediator's small under it when they
 * differ: French by default, so that any clerk reads the paper too), and which verification page
 * the QR codes name. The kiosk keeps one for the counter and gives each document the person's
 * language of the moment; the command line builds one from {@code --paper}, {@code --zone} and
 * {@code --lang}.
 *
 * <pre>{@code
 * PrintSettings counter = PrintSettings.of(Language.FRENCH)
 *     .withPaper(Paper.ROLL_80MM)
 *     .withZone(ZoneId.of("America/Cayenne"))
 *     .withLink(ReceiptLink.to(api.verifyPage()));
 * byte[] pdf = ActionReceipt.any(receipt, counter.withPerson(Language.ARABIC));
 * }</pre>
 *
 * @param zone the counter's zone: receipts that name the zone of their consent use theirs
 */
public record PrintSettings(
    Paper paper, ZoneId zone, Language person, Language mediator, ReceiptLink link) {
  public PrintSettings {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(mediator, "mediator");
    Objects.requireNonNull(link, "link");
  }

  /** A4, the machine's time zone, French beside the person's language, QR codes without a link. */
  public static PrintSettings of(Language person) {
    return new PrintSettings(
        Paper.A4, ZoneId.systemDefault(), person, Language.FRENCH, ReceiptLink.NONE);
  }

  public PrintSettings withPaper(Paper p) {
    return new PrintSettings(p, zone, person, mediator, link);
  }

  public PrintSettings withZone(ZoneId z) {
    return new PrintSettings(paper, z, person, mediator, link);
  }

  public PrintSettings withPerson(Language l) {
    return new PrintSettings(paper, zone, l, mediator, link);
  }

  public PrintSettings withMediator(Language l) {
    return new PrintSettings(paper, zone, person, l, link);
  }

  public PrintSettings withLink(ReceiptLink l) {
    return new PrintSettings(paper, zone, person, mediator, l);
  }

  /**
   * Whether the paper says each sentence a second time, small, in the mediator's language: not when
   * both read the same, nor for easy-to-read French beside French.
   */
  boolean bilingual() {
    return person != mediator
        && !(person == Language.EASY_FRENCH && mediator == Language.FRENCH)
        && !(person == Language.FRENCH && mediator == Language.EASY_FRENCH);
  }
}
