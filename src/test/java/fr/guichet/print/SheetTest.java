package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Receipt;
import fr.guichet.forms.ProfileSamples;
import fr.guichet.forms.SectionContent;
import fr.guichet.i18n.Language;
import fr.guichet.testing.DemoSandbox;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of document, laid out by the sheet from real receipts of the reference server, in
 * French, Arabic and Portuguese, on A4 and on an 80 mm roll, read back the way a reader's tools
 * read it: the line under each sentence is French (its date, its words, nothing of the person's
 * script), the times are the counter's with its zone named, every QR code names the verification
 * page and decodes from a page scanned at 100 dpi, the text layer gives what was written, and
 * {@code qpdf --check} has nothing to say.
 */
class SheetTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  @TempDir static Path files;

  /** Not Paris: the counter's zone must be the one on paper, named. */
  static final ZoneId CAYENNE = ZoneId.of("America/Cayenne");

  static final ReceiptLink LINK = ReceiptLink.to("https://guichet.example.fr/verify");

  /** Every document, by name, as the settings lay it out. */
  static final Map<String, Function<PrintSettings, byte[]>> DOCUMENTS = new LinkedHashMap<>();

  /** The QR code's text of each document that carries a receipt or a statement. */
  static final Map<String, String> QR = new LinkedHashMap<>();

  /** When the server issued each receipt: the paper prints it at the counter's time. */
  static final Map<String, Instant> ISSUED = new LinkedHashMap<>();

  @BeforeAll
  static void documentsFromTheServer() {
    DemoSandbox.Sitting jeanne =
        sandbox.open("p-jeanne", "account:read", "opposition:write", "journal:read");
    Map<String, Receipt> receipts = new LinkedHashMap<>();
    receipts.put("consent", jeanne.delegation().receipt());
    receipts.put(
        "record-opposition",
        sandbox.api().recordOpposition(jeanne.session(), jeanne.delegation(), key()).receipt());
    receipts.put(
        "withdraw-opposition",
        sandbox.api().withdrawOpposition(jeanne.session(), jeanne.delegation(), key()).receipt());
    DemoSandbox.Sitting louis =
        sandbox.open(
            "p-louis",
            "account:read",
            "record:close",
            "sharing:manage",
            "profile:read",
            "profile:write");
    receipts.put(
        "close",
        sandbox
            .api()
            .close(louis.session(), louis.delegation(), new ClosureRequest(true), key())
            .receipt());
    receipts.put(
        "reopen", sandbox.api().reopen(louis.session(), louis.delegation(), key()).receipt());
    DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
    receipts.put(
        "caregiver-added",
        sandbox
            .api()
            .addCaregiver(
                louis.session(),
                louis.delegation(),
                new CaregiverRequest(alain.nir(), "Roux", "Alain", alain.birth()),
                key())
            .receipt());
    receipts.put(
        "profile-update",
        sandbox
            .api()
            .writeProfileSection(
                louis.session(),
                louis.delegation(),
                "blood-group",
                0,
                JsonNodeFactory.instance
                    .objectNode()
                    .put("form", 1)
                    .put("status", "filled")
                    .set("answers", JsonNodeFactory.instance.objectNode().put("group", "ab-pos")),
                key())
            .receipt());
    DemoSandbox.Sitting maria = sandbox.open("p-maria", "account:read", "account:activate");
    receipts.put(
        "activate",
        sandbox
            .api()
            .activate(
                maria.session(), maria.delegation(), new ActivationRequest("MD8R-3T6W"), key())
            .receipt());
    receipts.forEach(
        (kind, r) -> {
          DOCUMENTS.put(kind, s -> ActionReceipt.any(r, s));
          QR.put(kind, LINK.qrText(r));
          ISSUED.put(kind, r.issuedAt());
        });

    Receipt status = sandbox.api().statusStatement(jeanne.session(), jeanne.delegation(), key());
    var account = sandbox.api().account(jeanne.session(), jeanne.delegation());
    DOCUMENTS.put(
        "status-sheet",
        s ->
            StatusSheet.render(
                new StatusSheet.Content(
                    "Jeanne Martin", 1950, account, status, "Camille Bernard", "France Services"),
                s));
    QR.put("status-sheet", LINK.qrText(status));

    Receipt statement = sandbox.api().profileStatement(louis.session(), louis.delegation(), key());
    Map<String, SectionContent> sections = new LinkedHashMap<>(ProfileSamples.full());
    sections.put("blood-group", bloodGroup("ab-pos"));
    DOCUMENTS.put("profile-summary", s -> summary(sections, statement, s));
    QR.put("profile-summary", LINK.qrText(statement));

    List<JournalEntry> journal = sandbox.api().journal(jeanne.session(), jeanne.delegation());
    DOCUMENTS.put("journal", s -> JournalExtract.render("Jeanne M. (1950)", journal, s));
    DOCUMENTS.put(
        "emergency-card",
        s -> EmergencyCard.render(new EmergencyCard.Content("Louis Petit", 1985, sections), s));
    DOCUMENTS.put("help-sheet", ActivationHelpSheet::render);
  }

  static byte[] summary(Map<String, SectionContent> sections, Receipt statement, PrintSettings s) {
    return ProfileSummary.render(
        new ProfileSummary.Content(
            "Louis Petit",
            1985,
            sections,
            statement,
            LocalDate.of(2026, 11, 29),
            "Camille Bernard",
            "France Services"),
        s);
  }

  static SectionContent bloodGroup(String group) {
    return ProfileSamples.content(
        "blood-group",
        "{\"form\":1,\"status\":\"filled\",\"answers\":{\"group\":\"" + group + "\"}}");
  }

  static IdempotencyKey key() {
    return IdempotencyKey.random();
  }

  static PrintSettings settings(Language person, Paper paper) {
    return PrintSettings.of(person).withPaper(paper).withZone(CAYENNE).withLink(LINK);
  }

  static Stream<Arguments> languagesAndPapers() {
    List<Arguments> all = new ArrayList<>();
    for (Language l : List.of(Language.FRENCH, Language.ARABIC, Language.PORTUGUESE)) {
      for (Paper p : Paper.values()) {
        all.add(Arguments.of(l, p));
      }
    }
    return all.stream();
  }

  static Stream<Arguments> otherLanguagesAndPapers() {
    return languagesAndPapers().filter(a -> a.get()[0] != Language.FRENCH);
  }

  static Stream<Paper> papers() {
    return Stream.of(Paper.values());
  }

  static String french(List<Pdfs.Span> spans) {
    StringBuilder text = new StringBuilder();
    spans.stream()
        .filter(s -> s.lang().equals("fr"))
        .forEach(s -> text.append(s.text()).append(' '));
    return text.toString();
  }

  @ParameterizedTest
  @MethodSource("languagesAndPapers")
  void theFrenchLineIsFrenchOnEveryDocument(Language person, Paper paper) throws Exception {
    for (var document : DOCUMENTS.entrySet()) {
      String name = document.getKey() + " in " + person.tag() + " on " + paper.tag();
      List<Pdfs.Span> spans = Pdfs.spans(document.getValue().apply(settings(person, paper)));
      String french = french(spans);
      assertThat(french).as(name).isNotBlank();
      assertThat(french.codePoints().noneMatch(c -> UnicodeScript.of(c) == UnicodeScript.ARABIC))
          .as(name + ": no Arabic letter in the French lines: " + french)
          .isTrue();
      assertThat(french).as(name).doesNotContain(" de novembro ", "dezembro");
      if (!document.getKey().equals("help-sheet") && !document.getKey().equals("emergency-card")) {
        assertThat(french).as(name).contains("29 novembre 2026");
      }
      if (QR.containsKey(document.getKey())
          && !document.getKey().equals("status-sheet")
          && !document.getKey().equals("profile-summary")) {
        // The server's clock starts at 09:00 UTC, 06:00 in Cayenne: the counter's time, its zone
        // named.
        String cayenne =
            DateTimeFormatter.ofPattern("HH:mm")
                .format(ISSUED.get(document.getKey()).atZone(ZoneId.of("America/Cayenne")));
        assertThat(cayenne).startsWith("06:");
        assertThat(french).as(name).contains(cayenne + " (heure de Cayenne)");
      }
      if (person != Language.FRENCH && !document.getKey().equals("emergency-card")) {
        assertThat(spans).as(name).anyMatch(s -> s.lang().equals(person.tag()));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("otherLanguagesAndPapers")
  void theLineUnderASentenceIsNeverBiggerThanTheSentence(Language person, Paper paper)
      throws Exception {
    for (var document : DOCUMENTS.entrySet()) {
      if (document.getKey().equals("emergency-card")) {
        continue; // French first, for the emergency services
      }
      float personSize = 0;
      for (Pdfs.Span s : Pdfs.spans(document.getValue().apply(settings(person, paper)))) {
        if (s.lang().equals(person.tag())) {
          personSize = s.size();
        } else if (s.grey()) {
          assertThat(s.size())
              .as(document.getKey() + " on " + paper.tag() + ": " + s.text())
              .isLessThanOrEqualTo(personSize);
        }
      }
    }
  }

  @Test
  void aPageBreakKeepsTheFrenchLineGrey() throws Exception {
    byte[] pdf = DOCUMENTS.get("profile-summary").apply(settings(Language.ARABIC, Paper.A4));
    List<Pdfs.Span> spans = Pdfs.spans(pdf);
    assertThat(Pdfs.pages(pdf)).isGreaterThan(1);
    assertThat(spans.stream().filter(s -> s.lang().equals("fr") && s.page() > 1))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.grey()).as(s.text()).isTrue());
  }

  @ParameterizedTest
  @MethodSource("languagesAndPapers")
  void everyQrCodeNamesTheVerificationPageAndIsReadAtOneHundredDpi(Language person, Paper paper)
      throws Exception {
    for (var expected : QR.entrySet()) {
      byte[] pdf = DOCUMENTS.get(expected.getKey()).apply(settings(person, paper));
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        BufferedImage page =
            new PDFRenderer(doc)
                .renderImageWithDPI(doc.getNumberOfPages() - 1, 100, ImageType.GRAY);
        String where = expected.getKey() + " in " + person.tag() + " on " + paper.tag();
        String decoded;
        try {
          decoded = QrImages.decode(page);
        } catch (com.google.zxing.ReaderException e) {
          throw new AssertionError("No QR code read at 100 dpi: " + where, e);
        }
        assertThat(decoded)
            .as(where)
            .isEqualTo(expected.getValue())
            .startsWith("https://guichet.example.fr/verify?r=");
      }
    }
  }

  @Test
  void theProfileSummarysCodeHoldsTheStatementOfEverySection() {
    String signed = ReceiptLink.signedPart(QR.get("profile-summary"));
    var payload = Receipt.fromSigned(signed).payload();
    assertThat(payload).containsEntry("kind", "profile-statement").containsKey("sha256");
    assertThat(String.valueOf(payload.get("sections"))).contains("blood-group=1");
  }

  @Test
  void aReferenceIsCopiedAsItIsWrittenWithoutLigatures() throws Exception {
    Receipt r = unsigned("rcp-5c4534d7-84ff-43e2-8dce-fifl1ba5f500");
    byte[] pdf = ActionReceipt.any(r, settings(Language.FRENCH, Paper.A4));
    String text = pdfbox(pdf);
    assertThat(text).contains("rcp-5c4534d7-84ff-43e2-8dce-fifl1ba5f500");
    assertThat(text.codePoints().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06)).isTrue();
    String poppler = pdftotext(pdf);
    if (poppler != null) {
      assertThat(poppler).contains("rcp-5c4534d7-84ff-43e2-8dce-fifl1ba5f500");
    }
  }

  @Test
  void arabicIsExtractedAsItsLettersInReadingOrder() throws Exception {
    byte[] pdf = DOCUMENTS.get("close").apply(settings(Language.ARABIC, Paper.A4));
    String text = pdfbox(pdf);
    String title = fr.guichet.i18n.Messages.of(Language.ARABIC).text("receipt.title.close");
    assertThat(text).contains(title);
    assertThat(text.codePoints().noneMatch(SheetTest::presentationForm)).isTrue();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("ar");
    }
    assertThat(Pdfs.spans(pdf)).extracting(Pdfs.Span::lang).containsOnly("ar", "fr");
    String poppler = pdftotext(pdf);
    if (poppler != null) {
      assertThat(poppler.codePoints().noneMatch(SheetTest::presentationForm))
          .as("pdftotext gives letters, not their joined forms: " + poppler)
          .isTrue();
    }
  }

  @Test
  void aBloodGroupKeepsItsSignInAnArabicLine() throws Exception {
    byte[] pdf = DOCUMENTS.get("profile-summary").apply(settings(Language.ARABIC, Paper.A4));
    List<String> drawn = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        drawn.addAll(Pdfs.visualLines(pdf, page));
      }
    }
    assertThat(drawn).anyMatch(l -> l.contains("AB+") && hasArabic(l));
    assertThat(drawn).noneMatch(l -> l.contains("+AB"));
  }

  @ParameterizedTest
  @MethodSource("papers")
  void qpdfFindsNothingToSay(Paper paper) throws Exception {
    Language person = Language.ARABIC;
    Assumptions.assumeTrue(
        installed("qpdf", "--version"),
        "qpdf is not installed (apt-get install qpdf; .ci/run installs it): not checked");
    for (var document : DOCUMENTS.entrySet()) {
      Path file =
          files.resolve(document.getKey() + "-" + person.tag() + "-" + paper.tag() + ".pdf");
      Files.write(file, document.getValue().apply(settings(person, paper)));
      Process qpdf =
          new ProcessBuilder("qpdf", "--check", file.toString()).redirectErrorStream(true).start();
      String said = new String(qpdf.getInputStream().readAllBytes());
      assertThat(qpdf.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(qpdf.exitValue()).as(file + ": " + said).isZero();
      assertThat(said).as(file.toString()).doesNotContainIgnoringCase("warning");
    }
  }

  /** A receipt as the paper reads it (its signature is not checked there). */
  static Receipt unsigned(String id) {
    String payload =
        "{\"v\":1,\"kind\":\"close\",\"id\":\""
            + id
            + "\",\"issuedAt\":\"2026-11-29T09:00:00Z\",\"person\":\"Jeanne M. (1950)\","
            + "\"archiveEnd\":\"2036-11-29\",\"mediator\":\"Camille Bernard\","
            + "\"structure\":\"France Services\"}";
    String encoded =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Receipt.fromSigned(encoded + ".c2lnbmF0dXJl");
  }

  static boolean presentationForm(int c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
  }

  static boolean hasArabic(String s) {
    return s.codePoints().anyMatch(c -> UnicodeScript.of(c) == UnicodeScript.ARABIC);
  }

  /** The text as PDFBox extracts it, not normalised. */
  static String pdfbox(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The text as poppler's pdftotext extracts it, or null when it is not installed. */
  static String pdftotext(byte[] pdf) throws Exception {
    if (!installed("pdftotext", "-v")) {
      return null;
    }
    Path file = Files.createTempFile(files, "text", ".pdf");
    Files.write(file, pdf);
    Process p = new ProcessBuilder("pdftotext", file.toString(), "-").start();
    String text =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return text;
  }

  static boolean installed(String command, String version) {
    try {
      Process p = new ProcessBuilder(command, version).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
