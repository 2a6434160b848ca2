package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.DemoSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReceiptCommandTest {
  @TempDir static Path data;
  static DemoSandbox sandbox;
  static String receipt;
  static String publicKey;
  StringWriter out;
  StringWriter err;

  @BeforeAll
  static void start() {
    sandbox = new DemoSandbox(data);
    receipt = sandbox.open("p-jeanne", "account:read").delegation().receipt().signed();
    publicKey = sandbox.api().publicKey();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    out = new StringWriter();
    err = new StringWriter();
  }

  int run(String... args) {
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void checksAReceiptOfflineWithThePublicKey() {
    assertThat(run("receipt", "verify", receipt, "--public-key", publicKey)).isZero();
    assertThat(out.toString())
        .contains("Genuine receipt", "kind: consent", "person: Jeanne M. (1950)");
  }

  @Test
  void readsTheReceiptAndTheKeyFromFiles() throws Exception {
    Path r = Files.writeString(data.resolve("receipt.txt"), receipt + "\n");
    Path k = Files.writeString(data.resolve("key.txt"), publicKey);
    assertThat(run("receipt", "verify", "@" + r, "--public-key", "@" + k, "--json")).isZero();
    assertThat(out.toString()).startsWith("{\"valid\":true");
  }

  @Test
  void acceptsTheVerificationLinkAQrCodeHolds() {
    assertThat(
            run(
                "receipt",
                "verify",
                "https://guichet.example/verify?r=" + receipt,
                "--public-key",
                publicKey))
        .isZero();
  }

  @Test
  void checksThroughTheServer() {
    assertThat(run("receipt", "verify", receipt, "--server", sandbox.server().url())).isZero();
  }

  @Test
  void aTamperedReceiptOrOneFromAnotherServerIsNotGenuine(@TempDir Path other) {
    String tampered =
        receipt.substring(0, 10) + (receipt.charAt(10) == 'A' ? 'B' : 'A') + receipt.substring(11);
    assertThat(run("receipt", "verify", tampered, "--public-key", publicKey)).isEqualTo(1);
    assertThat(out.toString()).contains("NOT a genuine receipt");
    try (DemoSandbox another = new DemoSandbox(other)) {
      assertThat(run("receipt", "verify", receipt, "--public-key", another.api().publicKey()))
          .isEqualTo(1);
    }
  }

  @Test
  void aKeyThatIsNotAKeyIsAUsageError() {
    assertThat(run("receipt", "verify", receipt, "--public-key", "bm90IGEga2V5")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot get the public key");
    assertThat(run("receipt", "verify", receipt)).isEqualTo(2);
  }

  @Test
  void choosesAmongSeveralKeysByTheKeyIdTheReceiptNames(@TempDir Path other) {
    try (DemoSandbox another = new DemoSandbox(other)) {
      String anotherKey = another.api().publicKey();
      assertThat(
              run(
                  "receipt",
                  "verify",
                  receipt,
                  "--public-key",
                  anotherKey,
                  "--public-key",
                  publicKey))
          .isZero();
      assertThat(run("receipt", "verify", receipt, "--public-key", anotherKey)).isEqualTo(1);
      assertThat(out.toString()).contains("(unknown-key)");
    }
  }

  @Test
  void printsAGenuineReceiptInThePersonsLanguageOnTheRoll() throws Exception {
    Path r = Files.writeString(data.resolve("print.txt"), receipt + "\n");
    Path pdf = data.resolve("recu-ar.pdf");
    assertThat(
            run(
                "receipt",
                "print",
                "@" + r,
                "--server",
                sandbox.server().url(),
                "--pdf",
                pdf.toString(),
                "--lang",
                "ar",
                "--paper",
                "80mm",
                "--zone",
                "Indian/Reunion"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("written to " + pdf);
    byte[] paper = Files.readAllBytes(pdf);
    assertThat(Pdfs.flowing(paper))
        .contains(
            fr.guichet.i18n.Messages.of(fr.guichet.i18n.Language.ARABIC)
                .text("receipt.title.consent"),
            "Reçu : votre accord",
            "13:00 (heure de La Réunion)");
    assertThat(Pdfs.qr(paper)).isEqualTo(sandbox.server().url() + "verify?r=" + receipt);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(paper)) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isLessThan(230f);
    }
  }

  @Test
  void aReceiptFromBeforeKeyIdsStillVerifies() throws Exception {
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(data.resolve("signing-key.pk8")))));
    byte[] payload =
        "{\"v\":1,\"kind\":\"consent\",\"id\":\"rcp-2025\"}".getBytes(StandardCharsets.UTF_8);
    jdk.update(payload);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String old = b64.encodeToString(payload) + "." + b64.encodeToString(jdk.sign());
    assertThat(run("receipt", "verify", old, "--server", sandbox.server().url())).isZero();
    assertThat(out.toString()).contains("id: rcp-2025");
  }

  @Test
  void printsOfflineWithTheLinkTheQrCodeHeld() throws Exception {
    Path pdf = data.resolve("recu-offline.pdf");
    String link = "https://guichet.example.fr/verify?r=" + receipt;
    assertThat(run("receipt", "print", link, "--public-key", publicKey, "--pdf", pdf.toString()))
        .isZero();
    assertThat(Pdfs.qr(Files.readAllBytes(pdf))).isEqualTo(link);
  }

  @Test
  void refusesToPrintAForgedReceiptOrOverAFile() throws Exception {
    String tampered =
        receipt.substring(0, 10) + (receipt.charAt(10) == 'A' ? 'B' : 'A') + receipt.substring(11);
    Path pdf = data.resolve("forged.pdf");
    assertThat(
            run("receipt", "print", tampered, "--public-key", publicKey, "--pdf", pdf.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("NOT a genuine receipt");
    assertThat(pdf).doesNotExist();
    Path taken = Files.writeString(data.resolve("taken.pdf"), "Emma's");
    assertThat(
            run("receipt", "print", receipt, "--public-key", publicKey, "--pdf", taken.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("already exists");
    assertThat(taken).hasContent("Emma's");
    assertThat(
            run(
                "receipt",
                "print",
                receipt,
                "--public-key",
                publicKey,
                "--pdf",
                data.resolve("x.pdf").toString(),
                "--lang",
                "klingon"))
        .isEqualTo(2);
  }
}
