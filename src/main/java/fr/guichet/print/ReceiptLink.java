package fr.guichet.print;

import fr.guichet.contract.Receipt;

/**
 * What a receipt's QR code holds: the signed receipt itself, after the address of a verification
 * page when one is known, so that a phone camera opens the verdict and a verifier offline ({@code
 * guichet receipt verify}) still finds the signed text after {@code r=}. The page is the server's
 * public one when it has one ({@code ApiClient.verifyPage()}): a phone at home cannot open the
 * counter's {@code 127.0.0.1}.
 *
 * <pre>{@code
 * ReceiptLink.to(api.verifyPage()).qrText(receipt);       // "https://guichet.example/verify?r=eyJ2Ijox…"
 * ReceiptLink.of("https://guichet.example/").qrText(receipt); // the same, from the server's address
 * }</pre>
 */
public record ReceiptLink(String verifyPage) {
  /** No verification page: the QR code holds the signed receipt alone. */
  public static final ReceiptLink NONE = new ReceiptLink(null);

  /** The verification page of the server at {@code serverUrl}: {@code serverUrl/verify}. */
  public static ReceiptLink of(String serverUrl) {
    return new ReceiptLink(
        serverUrl.endsWith("/") ? serverUrl + "verify?r=" : serverUrl + "/verify?r=");
  }

  /** The verification page at {@code pageUrl} ({@code https://guichet.example.fr/verify}). */
  public static ReceiptLink to(String pageUrl) {
    return new ReceiptLink(pageUrl + (pageUrl.contains("?") ? "&r=" : "?r="));
  }

  /**
   * The verification page a QR code's text names ({@code https://g.example/verify?r=…}), or {@link
   * #NONE} when the text is the receipt alone.
   */
  public static ReceiptLink in(String qrText) {
    String text = qrText.strip();
    String signed = signedPart(text);
    return text.startsWith("http") && text.endsWith(signed) && !text.equals(signed)
        ? new ReceiptLink(text.substring(0, text.length() - signed.length()))
        : NONE;
  }

  public String qrText(Receipt receipt) {
    return verifyPage == null ? receipt.signed() : verifyPage + receipt.signed();
  }

  /** The signed receipt inside a QR code's text, whether a link or the receipt alone. */
  public static String signedPart(String qrText) {
    String text = qrText.strip();
    if (!text.startsWith("http")) {
      return text;
    }
    int query = text.indexOf('?');
    for (String parameter : text.substring(query + 1).split("&")) {
      if (parameter.startsWith("r=")) {
        return parameter.substring(2);
      }
    }
    return text;
  }
}
