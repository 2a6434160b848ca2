package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.testing.DemoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page a phone opens from a receipt's QR code, asked of the real server: the verdict, then the
 * receipt in plain words in the language it was made in (or the one chosen), the times of the
 * counter with its zone named, a link to each language, and no raw field of the payload.
 */
class VerifyPageTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static String arabicInReunion;
  static String frenchWithoutZone;

  @BeforeAll
  static void receipts() {
    var who = sandbox.identify("p-jeanne");
    Delegation d =
        sandbox
            .api()
            .consent(
                sandbox.session(),
                ConsentRequest.forSelf(
                        who.identificationId(),
                        List.of("account:read", "opposition:write"),
                        30,
                        "ar",
                        "v1")
                    .at(ZoneId.of("Indian/Reunion")),
                IdempotencyKey.random());
    arabicInReunion =
        sandbox
            .api()
            .recordOpposition(sandbox.session(), d, IdempotencyKey.random())
            .receipt()
            .signed();
    frenchWithoutZone = sandbox.open("p-louis", "account:read").delegation().receipt().signed();
  }

  static String page(String query) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.server().url() + "verify?" + query))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    return r.body();
  }

  @Test
  void speaksTheReceiptsLanguageWithTheCountersTimeNamed() throws Exception {
    String html = page("r=" + arabicInReunion);
    assertThat(html)
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("✓ هذا الإيصال صحيح")
        .contains("إيصال: رفضت إنشاء فضائك".substring(0, 6))
        .contains("Jeanne M. (1950)")
        // 09:00 UTC is 13:00 in Réunion
        .contains("13:00 (بتوقيت ريونيون)")
        .contains("Camille Bernard");
  }

  @Test
  void anotherLanguageIsOneLinkAwayAndKeepsTheSameTimes() throws Exception {
    String html = page("r=" + arabicInReunion);
    assertThat(html).contains("href=\"?r=" + arabicInReunion + "&amp;lang=pt\"");
    String portuguese = page("r=" + arabicInReunion + "&lang=pt");
    assertThat(portuguese)
        .contains("<html lang=\"pt\" dir=\"ltr\">", "Este recibo é verdadeiro")
        .contains("29 de novembro de 2026", "13:00 (hora de Reunião)")
        .contains("31 de dezembro de 2026");
    for (String tag : List.of("fr", "fr-x-falc", "en", "ar", "tr", "es", "ro", "ht")) {
      assertThat(portuguese).contains("lang=" + tag + "\"");
    }
  }

  @Test
  void withoutAZoneInTheReceiptTheServersZoneIsNamed() throws Exception {
    String html = page("r=" + frenchWithoutZone);
    String zone =
        fr.guichet.i18n.Messages.of(fr.guichet.i18n.Language.FRENCH).zone(ZoneId.systemDefault());
    assertThat(html).contains("<html lang=\"fr\"", "Ce reçu est vrai", "(" + zone + ")");
  }

  @Test
  void showsNoRawFieldOfThePayload() throws Exception {
    String html = page("r=" + arabicInReunion + "&lang=en");
    assertThat(html)
        .doesNotContain("issuedAt", "RECORD_OPPOSITION", "oppositionDeadline", "actingAs")
        .doesNotContain("2026-11-29T", "\"v\"", "Indian/Reunion");
  }

  @Test
  void aForgedOrMissingReceiptIsSaidSoInPlainWords() throws Exception {
    String forged = arabicInReunion.replace('a', 'b');
    // Nothing of a forged receipt is believed, its language neither: French, and every other.
    assertThat(page("r=" + forged))
        .contains("<html lang=\"fr\"", "✗ Ce reçu n’est pas vrai", "3422", "lang=ar\"")
        .doesNotContain("Jeanne");
    assertThat(page("r=" + forged + "&lang=ar")).contains("✗ هذا الإيصال غير صحيح");
    assertThat(page("lang=en")).contains("This receipt is not true");
    assertThat(page("r=" + arabicInReunion + "&lang=klingon")).contains("lang=\"ar\"");
  }
}
