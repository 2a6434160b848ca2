package fr.guichet.sandbox;

import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptStory;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The page a phone opens when it scans a receipt's QR code ({@code /verify?r=...}): whether the
 * receipt is genuine, then what it says in plain words, in the person's language (the one the
 * receipt was made in, or the one chosen with a link to each of the nine), with the times in the
 * counter's zone, named, as on the paper. Readable on a small screen, no script, nothing loaded
 * from elsewhere ({@link #POLICY} says so to the browser). The sentences are the paper's ({@link
 * ReceiptStory}); no field of the payload is shown raw.
 *
 * <pre>{@code
 * String html = VerifyPage.render(receipts.check(r), r, Optional.of(Language.ARABIC), ZoneId.systemDefault());
 * }</pre>
 */
final class VerifyPage {
  private static final String STYLE =
      "body{font:1.2rem/1.5 sans-serif;margin:1rem;max-width:40rem}"
          + ".ok{color:#0a5d00}.ko{color:#a00000}nav a{margin-inline-end:.8rem}";

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

  /**
   * The page for a receipt's verdict.
   *
   * @param signed the receipt as the link gave it (for the links to other languages), or null
   * @param asked the language asked for with {@code lang=}, else the receipt's own, else French
   * @param serverZone the zone of the times when the receipt does not name the counter's
   */
  static String render(
      ReceiptCheck check, String signed, Optional<Language> asked, ZoneId serverZone) {
    Language language =
        asked
            .or(
                () ->
                    check.payload().get("language") instanceof String tag
                        ? Language.fromTag(tag)
                        : Optional.empty())
            .orElse(Language.FRENCH);
    Messages m = Messages.of(language);
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"")
        .append(language.tag())
        .append("\" dir=\"")
        .append(language.rightToLeft() ? "rtl" : "ltr")
        .append("\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(m.text("verify.page.title")))
        .append("</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    if (check.valid()) {
      html.append("<h1 class=\"ok\">✓ ").append(escape(m.text("verify.genuine"))).append("</h1>\n");
      ReceiptStory story = ReceiptStory.of(check.payload(), serverZone);
      html.append("<h2>").append(escape(say(m, story.title()))).append("</h2>\n");
      boolean inList = false;
      for (ReceiptStory.Sentence s : story.all()) {
        boolean item = s.level() == ReceiptStory.Level.ITEM;
        if (item != inList) {
          html.append(item ? "<ul>\n" : "</ul>\n");
          inList = item;
        }
        String tag = item ? "li" : s.level() == ReceiptStory.Level.HEADING ? "h3" : "p";
        html.append('<')
            .append(tag)
            .append('>')
            .append(escape(say(m, s)))
            .append("</")
            .append(tag)
            .append(">\n");
      }
      if (inList) {
        html.append("</ul>\n");
      }
      html.append("<p>")
          .append(escape(m.text("sheet.reference", java.util.Map.of("id", story.receiptId()))))
          .append("</p>\n");
    } else {
      html.append("<h1 class=\"ko\">✗ ")
          .append(escape(m.text("verify.forged")))
          .append("</h1>\n<p>")
          .append(escape(m.text("verify.forged.todo")))
          .append("</p>\n");
    }
    html.append("<nav><p>").append(escape(m.text("verify.languages"))).append("</p>\n");
    for (Language other : Language.values()) {
      String name = Messages.of(other).text("language.name");
      if (other == language) {
        html.append("<strong lang=\"").append(other.tag()).append("\">");
        html.append(escape(name)).append("</strong>\n");
      } else {
        html.append("<a lang=\"")
            .append(other.tag())
            .append("\" href=\"?")
            .append(signed == null ? "" : "r=" + encode(signed) + "&amp;")
            .append("lang=")
            .append(encode(other.tag()))
            .append("\">")
            .append(escape(name))
            .append("</a>\n");
      }
    }
    return html.append("</nav></body></html>\n").toString();
  }

  private static String say(Messages m, ReceiptStory.Sentence s) {
    return m.text(s.key(), s.params());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
