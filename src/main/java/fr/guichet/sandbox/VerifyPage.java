package fr.guichet.sandbox;

import fr.guichet.contract.ReceiptCheck;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page a phone opens when it scans a receipt's QR code ({@code /verify?r=...}): whether the
 * receipt is genuine, and what it says, in French and in English, readable on a small screen, with
 * no script and nothing loaded from elsewhere ({@link #POLICY} says so to the browser).
 */
final class VerifyPage {
  private static final String STYLE =
      "body{font:1.2rem/1.5 sans-serif;margin:1rem;max-width:40rem}"
          + ".ok{color:#0a5d00}.ko{color:#a00000}dt{font-weight:bold}";

  /**
   * The page's Content-Security-Policy: its own style sheet (by its hash) and nothing else, no
   * script, no image, no form, no framing.
   */
  static final String POLICY =
      "default-src 'none'; style-src 'sha256-"
          + java.util.Base64.getEncoder()
              .encodeToString(Secrets.sha256Bytes(STYLE.getBytes(StandardCharsets.UTF_8)))
          + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private VerifyPage() {}

  static String render(ReceiptCheck check) {
    StringBuilder html =
        new StringBuilder(
            """
        <!doctype html><html lang="fr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Guichet : vérification d’un reçu</title>
        """);
    html.append("<style>").append(STYLE).append("</style></head><body>\n");
    if (check.valid()) {
      html.append(
          "<h1 class=\"ok\">✓ Reçu authentique</h1><p lang=\"en\">Genuine receipt, signed by this server.</p><dl>");
      for (Map.Entry<String, Object> e : check.payload().entrySet()) {
        html.append("<dt>")
            .append(escape(e.getKey()))
            .append("</dt><dd>")
            .append(escape(String.valueOf(e.getValue())))
            .append("</dd>");
      }
      html.append("</dl>");
    } else {
      html.append("<h1 class=\"ko\">✗ Ce reçu n’est pas authentique</h1>")
          .append("<p>Il a été modifié, ou il ne vient pas de ce serveur. Appelez le 3422.</p>")
          .append(
              "<p lang=\"en\">This receipt is not genuine: it was altered, or it comes from another server.</p>");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
