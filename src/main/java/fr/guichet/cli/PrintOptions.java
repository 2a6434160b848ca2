package fr.guichet.cli;

import fr.guichet.i18n.Language;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.ReceiptLink;
import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --paper} and {@code --zone}: how a command that writes a PDF lays it out (A4, or the 80 mm
 * roll of a receipt printer) and in which time zone it writes times, named beside them (the
 * machine's zone by default). The person's language and the verification page come from the
 * command.
 *
 * <pre>
 * guichet receipt print @recu.txt --server URL --pdf recu.pdf --lang ar --paper 80mm --zone Indian/Reunion
 * </pre>
 */
final class PrintOptions {
  @Option(
      names = "--paper",
      paramLabel = "PAPER",
      descriptionKey = "paper",
      converter = PaperConverter.class,
      description = "The paper: a4 or 80mm (a receipt printer's roll) (default: a4).")
  Paper paper = Paper.A4;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      descriptionKey = "zone",
      converter = ZoneConverter.class,
      description =
          "The counter's time zone, e.g. Europe/Paris or America/Cayenne, named beside every time"
              + " (default: the machine's zone).")
  ZoneId zone;

  /** The zone given, else the machine's. */
  ZoneId zone() {
    return zone != null ? zone : ZoneId.systemDefault();
  }

  /** The settings of a document in {@code person}'s language, French beside it. */
  PrintSettings settings(Language person, ReceiptLink link) {
    return PrintSettings.of(person).withPaper(paper).withZone(zone()).withLink(link);
  }

  /** {@code a4}, {@code 80mm}. */
  static final class PaperConverter implements ITypeConverter<Paper> {
    @Override
    public Paper convert(String value) {
      return Paper.fromTag(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not a paper: use " + Paper.tags() + "."));
    }
  }

  /** An IANA zone ({@code Europe/Paris}) or an offset ({@code +03:00}). */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a time zone: write it as Europe/Paris or America/Cayenne.");
      }
    }
  }
}
