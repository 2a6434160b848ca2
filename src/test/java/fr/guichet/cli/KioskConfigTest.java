package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {
  static final Path EXAMPLE = Path.of("kiosk/guichet.conf.example");

  static KioskConfig parse(String... lines) throws KioskConfig.Invalid {
    return KioskConfig.parse("guichet.conf", List.of(lines));
  }

  static void refused(String message, String... lines) {
    assertThatThrownBy(() -> parse(lines))
        .isInstanceOf(KioskConfig.Invalid.class)
        .hasMessage(message);
  }

  @Test
  void readsTheExampleShippedInTheDeploymentFolder() throws Exception {
    KioskConfig example = KioskConfig.read(EXAMPLE);
    assertThat(example.text(KioskConfig.API)).contains("https://guichet.example.fr/");
    assertThat(example.text(KioskConfig.STRUCTURE))
        .hasValueSatisfying(s -> assertThat(s).startsWith("France Services"));
    assertThat(example.text(KioskConfig.PRINTER)).contains("Accueil");
    assertThat(example.language(KioskConfig.LANG)).contains(Language.FRENCH);
    assertThat(example.language(KioskConfig.MEDIATOR_LANG)).contains(Language.FRENCH);
    assertThat(example.whole(KioskConfig.IDLE_MINUTES)).isEqualTo(OptionalInt.of(5));
    assertThat(example.whole(KioskConfig.IDLE_WARNING_SECONDS)).isEqualTo(OptionalInt.of(60));
    assertThat(example.theme()).contains(Theme.DEFAULT);
    assertThat(example.flag(KioskConfig.PLAIN)).isEmpty();
    assertThat(example.paper()).contains(fr.guichet.print.Paper.A4);
    assertThat(example.zone()).as("commented out: the machine's zone").isEmpty();
  }

  @Test
  void takesKeyEqualsValueLinesCommentsBlankLinesAndAnyCase() throws Exception {
    KioskConfig c =
        parse(
            "\uFEFF# a comment",
            "",
            "  LANG=ar  ",
            "theme =High-Contrast",
            "window = TRUE",
            "structure = Maison France Services # 2",
            "save-dir = /var/lib/guichet/documents");
    assertThat(c.language(KioskConfig.LANG)).contains(Language.ARABIC);
    assertThat(c.theme()).contains(Theme.HIGH_CONTRAST);
    assertThat(c.flag(KioskConfig.WINDOW)).contains(true);
    assertThat(c.text(KioskConfig.STRUCTURE)).contains("Maison France Services # 2");
    assertThat(c.path(KioskConfig.SAVE_DIR)).contains(Path.of("/var/lib/guichet/documents"));
    assertThat(c.text(KioskConfig.API)).isEmpty();
  }

  @Test
  void takesThePaperAndTheCountersTimeZone() throws Exception {
    KioskConfig c = parse("paper = 80MM", "zone = America/Cayenne");
    assertThat(c.paper()).contains(fr.guichet.print.Paper.ROLL_80MM);
    assertThat(c.zone()).contains(java.time.ZoneId.of("America/Cayenne"));
    assertThat(parse("api = https://g.example/").paper()).isEmpty();
    refused(
        "guichet.conf, line 1: key 'paper': unknown paper 'a5'; use one of a4, 80mm.",
        "paper = a5");
    refused(
        "guichet.conf, line 2: key 'zone': 'Paris' is not a time zone; write it as Europe/Paris or"
            + " America/Cayenne.",
        "paper = a4",
        "zone = Paris");
  }

  @Test
  void namesTheLineAndTheKeyOfAnUnknownKey() {
    refused(
        "guichet.conf, line 2: unknown key 'langue'. The keys are: api, demo, structure, printer, save-dir, pending-file, lang,"
            + " mediator-lang, theme, idle-minutes, idle-warning-seconds, window, plain, paper, zone.",
        "# x",
        "langue = fr");
    assertThatThrownBy(() -> parse("--lang = fr"))
        .hasMessageContaining("line 1: unknown key '--lang'; write it without" + " dashes: 'lang'");
  }

  @Test
  void namesTheLineAndTheKeyOfABadValue() {
    refused(
        "guichet.conf, line 1: key 'lang': unknown language 'xx'; use one of fr, fr-x-falc, en, ar, pt, tr, es, ro,"
            + " ht.",
        "lang = xx");
    refused(
        "guichet.conf, line 3: key 'theme': unknown theme 'pink'; use one of default, high-contrast, monochrome.",
        "lang = fr",
        "",
        "theme = pink");
    refused(
        "guichet.conf, line 1: key 'idle-minutes': 'five': give a whole number of minutes from 1 to 1440.",
        "idle-minutes = five");
    refused(
        "guichet.conf, line 1: key 'idle-warning-seconds': '5': give a whole number of seconds from 20 to 86400.",
        "idle-warning-seconds = 5");
    refused("guichet.conf, line 1: key 'window': 'oui': use true or false.", "window = oui");
    refused(
        "guichet.conf, line 1: key 'api': 'guichet.example.fr' is not a server address; write it as"
            + " https://server.example/.",
        "api = guichet.example.fr");
    refused(
        "guichet.conf, line 1: key 'printer' has no value; give one, or put # before the line.",
        "printer =");
  }

  @Test
  void refusesALineWithoutAnEqualsSignAndAKeyGivenTwice() {
    refused(
        "guichet.conf, line 1: expected 'key = value', found 'printer Accueil'.",
        "printer Accueil");
    refused(
        "guichet.conf, line 3: key 'lang' is already set on line 1.",
        "lang = fr",
        "theme = default",
        "lang = ar");
  }

  @Test
  void refusesSettingsThatContradictEachOtherNamingBothLines() {
    refused(
        "guichet.conf, line 2: key 'demo': a demo kiosk has its own server, and key 'api' on line 1 names another;"
            + " keep one of them.",
        "api = http://127.0.0.1:8470/",
        "demo = true");
    refused(
        "guichet.conf, line 2: key 'idle-warning-seconds': the countdown (120 s) must be shorter than the"
            + " inactivity delay ('idle-minutes' on line 1: 2 min).",
        "idle-minutes = 2",
        "idle-warning-seconds = 120");
    refused(
        "guichet.conf, line 2: key 'plain': plain lines and the large-text window ('window' on line 1) do not go"
            + " together; keep one of them.",
        "window = true",
        "plain = true");
    refused(
        "guichet.conf, line 2: key 'save-dir': documents go to the printer named on line 1; keep 'printer' or"
            + " 'save-dir', not both.",
        "printer = Accueil",
        "save-dir = /tmp");
  }

  @Test
  void saysWhenTheFileIsMissingOrNotText(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nowhere.conf");
    assertThatThrownBy(() -> KioskConfig.read(missing))
        .hasMessage("The configuration file " + missing + " does not exist.");
    Path latin1 =
        Files.write(
            dir.resolve("latin1.conf"),
            "structure = Médiathèque".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> KioskConfig.read(latin1))
        .hasMessage("The configuration file " + latin1 + " is not UTF-8 text.");
  }
}
