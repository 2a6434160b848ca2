package fr.guichet.print;

import fr.guichet.contract.Receipt;

/**
 * What a receipt's QR code holds: the signed receipt itself, after the address of the server's
 * verification page when one is known, so that a phone camera opens the verdict and a verifier
 * offline ({@code guichet receipt verify}) still finds the signed text after {@code r=}.
 *
 * <pre>{@code
 * ReceiptLink.of("https://guichet.example/").qrText(receipt); // "https://guichet.example/verify?r=eyJ2Ijox…"
 * }</pre>
 */
public record ReceiptLink(String verifyPage) {
  /** No verification page: the QR code holds the signed receipt alone. */
  public static final ReceiptLink NONE = new ReceiptLink(null);

  public static ReceiptLink of(String serverUrl) {
    return new ReceiptLink(
        serverUrl.endsWith("/") ? serverUrl + "verify?r=" : serverUrl + "/verify?r=");
  }

  public String qrText(Receipt receipt) {
    return verifyPage == null ? receipt.signed() : verifyPage + receipt.signed();
  }

  /** The signed receipt inside a QR code's text, whether a link or the receipt alone. */
  public static String signedPart(String qrText) {
    int at = qrText.indexOf("r=");
    return at >= 0 && qrText.startsWith("http") ? qrText.substring(at + 2).strip() : qrText.strip();
  }
}
