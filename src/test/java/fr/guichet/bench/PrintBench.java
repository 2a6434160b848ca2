package fr.guichet.bench;

import fr.guichet.contract.Json;
import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Language;
import fr.guichet.print.ConsentReceipt;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import fr.guichet.print.ReceiptLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Measures what printing a receipt costs (run by {@code scripts/bench-print}): a one-page consent
 * receipt with its QR code, cold (the first one in this JVM) and warm (median and p90 of many), and
 * its size; beside an empty one-page PDF built the same way in the same run, the baseline.
 */
public final class PrintBench {
  private PrintBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Receipt receipt = receipt();
    PrintSettings a4 =
        PrintSettings.of(Language.FRENCH).withLink(ReceiptLink.of("https://guichet.example/"));

    long t0 = System.nanoTime();
    byte[] empty = emptyPage();
    long emptyCold = System.nanoTime() - t0;
    t0 = System.nanoTime();
    byte[] pdf = ConsentReceipt.render(receipt, a4);
    long receiptCold = System.nanoTime() - t0;

    long[] emptyWarm = new long[runs];
    long[] receiptWarm = new long[runs];
    for (int i = 0; i < 30; i++) { // warm-up
      emptyPage();
      ConsentReceipt.render(receipt, a4);
    }
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      emptyPage();
      emptyWarm[i] = System.nanoTime() - s;
      s = System.nanoTime();
      ConsentReceipt.render(receipt, a4);
      receiptWarm[i] = System.nanoTime() - s;
    }
    byte[] arabic = ConsentReceipt.render(receipt, a4.withPerson(Language.ARABIC));
    byte[] roll = ConsentReceipt.render(receipt, a4.withPaper(Paper.ROLL_80MM));

    System.out.printf(
        "%-34s %12s %12s %9s%n",
        "print (" + runs + " warm runs)", "receipt", "empty page", "ratio");
    row("cold, first in this JVM (ms)", ms(receiptCold), ms(emptyCold));
    row("warm median (ms)", ms(median(receiptWarm)), ms(median(emptyWarm)));
    row("warm p90 (ms)", ms(percentile(receiptWarm, 90)), ms(percentile(emptyWarm, 90)));
    row("size (KB)", pdf.length / 1024.0, empty.length / 1024.0);
    System.out.printf("%-34s %12.1f%n", "size, Arabic receipt (KB)", arabic.length / 1024.0);
    System.out.printf("%-34s %12.1f%n", "size, 80 mm roll receipt (KB)", roll.length / 1024.0);
    System.out.printf(
        "budget (DESIGN.md): warm <= 30 ms -> %s; size <= 60 KB -> %s%n",
        ms(median(receiptWarm)) <= 30 ? "met" : "MISSED",
        pdf.length <= 60 * 1024 ? "met" : "MISSED");
  }

  private static void row(String name, double receipt, double empty) {
    System.out.printf(
        "%-34s %12.1f %12.1f %8.1fx%n", name, receipt, empty, receipt / Math.max(empty, 1e-9));
  }

  private static byte[] emptyPage() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A consent receipt as the server signs them, with a key made for the bench. */
  private static Receipt receipt() throws Exception {
    PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", "consent");
    payload.put("id", "rcp-00000000-0000-0000-0000-000000000000");
    payload.put("issuedAt", "2026-11-29T09:00:00Z");
    payload.put("person", "Jeanne M. (1950)");
    payload.put("scopes", List.of("account:read", "opposition:write"));
    payload.put("until", "2026-11-29T09:30:00Z");
    payload.put("actingAs", "SELF");
    payload.put("mediator", "Camille Bernard");
    payload.put("structure", "France Services Démo");
    byte[] json = Json.mapper().writeValueAsBytes(payload);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(key);
    s.update(json);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed = b64.encodeToString(json) + "." + b64.encodeToString(s.sign());
    return new Receipt(
        "rcp-00000000-0000-0000-0000-000000000000",
        "consent",
        "p-jeanne",
        Instant.parse("2026-11-29T09:00:00Z"),
        signed);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long median(long[] values) {
    return percentile(values, 50);
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static {
    // Keep the bench quiet: PDFBox logs font warnings through commons-logging.
    System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
    StandardCharsets.UTF_8.name();
  }
}
