package fr.guichet.print;

import java.util.Arrays;
import java.util.Optional;
import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;

/**
 * Sends PDF documents to a named printer through {@code javax.print} (CUPS on Linux), without any
 * dialog box.
 *
 * <pre>{@code
 * new PrinterSink("Accueil-HP").deliver("recu.pdf", pdf);
 * }</pre>
 */
public final class PrinterSink implements DocumentSink {
  private final String printerName;

  public PrinterSink(String printerName) {
    this.printerName = printerName;
  }

  @Override
  public Delivery deliver(String fileName, byte[] pdf) throws PrintFailure {
    PrintService service =
        find()
            .orElseThrow(
                () ->
                    new PrintFailure(
                        "print.error.no-printer", "No printer named " + printerName, null));
    DocFlavor flavor = DocFlavor.BYTE_ARRAY.PDF;
    if (!service.isDocFlavorSupported(flavor)) {
      flavor = DocFlavor.BYTE_ARRAY.AUTOSENSE;
    }
    Doc doc = new SimpleDoc(pdf, flavor, null);
    HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
    attributes.add(new JobName(fileName, null));
    DocPrintJob job = service.createPrintJob();
    try {
      job.print(doc, attributes);
      return new Delivery(Delivery.Kind.PRINTER, service.getName());
    } catch (PrintException e) {
      throw new PrintFailure(
          "print.error.refused",
          "The printer " + printerName + " refused the job: " + e.getMessage(),
          e);
    }
  }

  private Optional<PrintService> find() {
    return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
        .filter(s -> s.getName().equalsIgnoreCase(printerName))
        .findFirst();
  }
}
