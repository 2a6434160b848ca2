package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.i18n.Language;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen read aloud through espeak-ng, into WAV files that are measured: French and Arabic
 * screens of the real kiosk. espeak-ng is installed by .ci/run; on a developer machine without it
 * these tests are skipped (never on CI).
 */
class VoiceTest {
  @TempDir Path docs;
  @TempDir Path out;
  final FakeServer server = new FakeServer();

  static boolean espeakInstalled() {
    try {
      Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Kiosk kiosk(Language language, Voice voice) {
    return new Kiosk(
        server,
        FileSink.workingCopies(docs),
        language,
        Clock.systemUTC(),
        Kiosk.Options.DEFAULTS.withVoice(voice).withCalls(Runnable::run));
  }

  void toTheConsent(Kiosk k) {
    for (char c : DemoSandbox.LOGIN.toCharArray()) {
      k.press(Key.of(c));
    }
    k.press(Key.ENTER);
    for (char c : DemoSandbox.PASSWORD.toCharArray()) {
      k.press(Key.of(c));
    }
    k.press(Key.ENTER);
    for (char c : server.freshTotp().toCharArray()) {
      k.press(Key.of(c));
    }
    k.press(Key.ENTER);
    for (String field : new String[] {DemoSandbox.JEANNE_NIR, "14/03/1950", "12345678"}) {
      for (char c : field.toCharArray()) {
        k.press(Key.of(c));
      }
      k.press(Key.ENTER);
    }
  }

  /** Seconds of sound in a WAV file written by espeak-ng (16-bit mono PCM), from its header. */
  static double seconds(Path wav) throws IOException {
    byte[] bytes = Files.readAllBytes(wav);
    assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");
    assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("WAVE");
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int byteRate = header.getInt(28);
    return (bytes.length - 44) / (double) byteRate;
  }

  /** Whether the samples are not all silence. */
  static boolean audible(Path wav) throws IOException {
    ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    int loud = 0;
    for (int i = 44; i + 1 < samples.limit(); i += 2) {
      if (Math.abs(samples.getShort(i)) > 1000) {
        loud++;
      }
    }
    return loud > 1000;
  }

  @Test
  void readsTheFrenchConsentScreenAloud() throws IOException {
    assumeTrue(espeakInstalled() || System.getenv("CI") != null, "espeak-ng is not installed here");
    Path wav = out.resolve("fr.wav");
    Kiosk k = kiosk(Language.FRENCH, Voice.toFile(wav));
    toTheConsent(k);
    k.press(Key.function(5));
    assertThat(k.view().notice().text()).isEqualTo("Lecture à voix haute. Une touche l’arrête.");
    assertThat(k.view().title()).as("the step is kept").isEqualTo("Votre accord");
    assertThat(k.voice().awaitEnd(Duration.ofSeconds(30))).isTrue();
    awaitFile(k, wav);
    assertThat(seconds(wav)).as("the whole consent screen takes a while to say").isGreaterThan(5);
    assertThat(audible(wav)).isTrue();
  }

  @Test
  void readsTheArabicConsentScreenAloudInLogicalOrder() throws IOException {
    assumeTrue(espeakInstalled() || System.getenv("CI") != null, "espeak-ng is not installed here");
    Path wav = out.resolve("ar.wav");
    Kiosk k = kiosk(Language.ARABIC, Voice.toFile(wav));
    toTheConsent(k);
    assertThat(k.text())
        .as("the text read is the logical one, not the shaped visual line")
        .contains("هل توافقون؟")
        .doesNotContain("\uFEE3");
    k.press(Key.function(5));
    assertThat(k.view().notice().text()).isEqualTo("قراءة بصوت عال. أي زر يوقفها.");
    awaitFile(k, wav);
    assertThat(seconds(wav)).isGreaterThan(3);
    assertThat(audible(wav)).isTrue();
  }

  @Test
  void theNextKeyStopsTheReading() {
    assumeTrue(espeakInstalled() || System.getenv("CI") != null, "espeak-ng is not installed here");
    Voice voice = Voice.toFile(out.resolve("long.wav"));
    Kiosk k = kiosk(Language.FRENCH, voice);
    assertThat(voice.read("Bonjour. ".repeat(3000), Language.FRENCH).outcome())
        .isEqualTo(Voice.Outcome.READING);
    assertThat(voice.reading()).isTrue();
    k.press(Key.of('x'));
    assertThat(voice.reading()).isFalse();
  }

  @Test
  void everyLanguageHasAVoiceOrSaysItReadsInFrench() {
    assumeTrue(espeakInstalled() || System.getenv("CI") != null, "espeak-ng is not installed here");
    for (Language l : Language.values()) {
      Voice voice = Voice.toFile(out.resolve(l.bundle() + ".wav"));
      Voice.Reading r = voice.read(fr.guichet.i18n.Messages.of(l).text("language.name"), l);
      assertThat(r.outcome()).as(l.tag()).isEqualTo(Voice.Outcome.READING);
      assertThat(voice.awaitEnd(Duration.ofSeconds(20))).isTrue();
    }
  }

  @Test
  void aLanguageWithoutAVoiceIsReadInFrenchAndTheKioskSaysSo() throws IOException {
    Path fake = out.resolve("fake-espeak");
    Files.writeString(
        fake,
        "#!/bin/sh\n"
            + "if [ \"$1\" = --voices ]; then echo 'Pty Language Age/Gender VoiceName File Other Languages';"
            + " echo ' 5  fr-fr --/M French_(France) roa/fr (fr 5)'; exit 0; fi\n"
            + "echo \"$@\" > \"$(dirname \"$0\")/args\"; cat > /dev/null\n");
    assumeTrue(fake.toFile().setExecutable(true), "cannot make a script executable here");
    Kiosk k = kiosk(Language.HAITIAN_CREOLE, Voice.program(fake.toString()));
    k.press(Key.function(5));
    assertThat(k.view().notice().text())
        .isEqualTo("Pa gen vwa pou lang sa a sou òdinatè sa a: lekti an franse.");
    assertThat(k.voice().awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(Files.readString(out.resolve("args"))).startsWith("-v fr ");
  }

  @Test
  void saysPlainlyWhenNoSpeechProgramIsInstalled() {
    Kiosk k = kiosk(Language.FRENCH, Voice.program("guichet-no-such-espeak"));
    k.press(Key.function(5));
    assertThat(k.view().notice().text())
        .contains("La lecture à voix haute n’est pas installée", "espeak-ng");
    assertThat(k.view().notice().tone()).isEqualTo(View.Tone.ERROR);
    k.press(Key.TAB);
    assertThat(k.view().notice()).as("the message goes with the next key").isNull();
  }

  private static void awaitFile(Kiosk k, Path wav) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && (!Files.exists(wav) || Files.size(wav) < 1000 || speaking(k))) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean speaking(Kiosk k) {
    return k.voice().reading();
  }
}
