package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Receipt;
import org.junit.jupiter.api.Test;

class ReceiptLinkTest {
  final Receipt receipt =
      new Receipt("rcp-1", "close", "p", java.time.Instant.EPOCH, "eyJ2IjoxfQ.c2ln");

  @Test
  void aLinkToTheVerificationPageOrTheReceiptAlone() {
    assertThat(ReceiptLink.of("https://g.example").qrText(receipt))
        .isEqualTo("https://g.example/verify?r=eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.of("https://g.example/").qrText(receipt))
        .isEqualTo("https://g.example/verify?r=eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.NONE.qrText(receipt)).isEqualTo("eyJ2IjoxfQ.c2ln");
  }

  @Test
  void findsTheSignedReceiptInEither() {
    assertThat(ReceiptLink.signedPart("https://g.example/verify?r=eyJ2IjoxfQ.c2ln"))
        .isEqualTo("eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.signedPart(" eyJ2IjoxfQ.c2ln\n")).isEqualTo("eyJ2IjoxfQ.c2ln");
  }

  @Test
  void thePublicVerificationPageAndTheOneALinkNames() {
    assertThat(ReceiptLink.to("https://guichet.example.fr/verify").qrText(receipt))
        .isEqualTo("https://guichet.example.fr/verify?r=eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.to("https://g.example/v?site=montreuil").qrText(receipt))
        .isEqualTo("https://g.example/v?site=montreuil&r=eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.signedPart("https://g.example/v?site=montreuil&r=eyJ2IjoxfQ.c2ln"))
        .isEqualTo("eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.in("https://g.example/verify?r=eyJ2IjoxfQ.c2ln").qrText(receipt))
        .isEqualTo("https://g.example/verify?r=eyJ2IjoxfQ.c2ln");
    assertThat(ReceiptLink.in("eyJ2IjoxfQ.c2ln")).isEqualTo(ReceiptLink.NONE);
  }
}
