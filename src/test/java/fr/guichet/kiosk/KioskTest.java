package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk as a state machine, without any terminal: keys in, views out. */
class KioskTest {
  @TempDir Path docs;
  final FakeServer server = new FakeServer();
  Kiosk kiosk;

  @BeforeEach
  void start() {
    kiosk =
        new Kiosk(
            server,
            FileSink.workingCopies(docs),
            Language.FRENCH,
            Clock.systemUTC(),
            Kiosk.Options.DEFAULTS.withCalls(Runnable::run));
  }

  void type(String text) {
    text.chars().forEach(c -> kiosk.press(Key.of((char) c)));
  }

  void login() {
    type(DemoSandbox.LOGIN);
    kiosk.press(Key.ENTER);
    type(DemoSandbox.PASSWORD);
    kiosk.press(Key.ENTER);
    type(server.freshTotp());
    kiosk.press(Key.ENTER);
  }

  /** Logs in, then sends Jeanne's NIR, the given birth date and her Vitale serial. */
  void identifyJeanne(String birthDate) {
    login();
    type(DemoSandbox.JEANNE_NIR);
    kiosk.press(Key.ENTER);
    type(birthDate);
    kiosk.press(Key.ENTER);
    type("12345678");
    kiosk.press(Key.ENTER);
  }

  @Test
  void escapeOnTheLoginScreenAsksToQuitAndNowhereElse() {
    login();
    kiosk.press(Key.ESCAPE);
    assertThat(kiosk.quitRequested()).isFalse();
    kiosk.press(Key.function(12));
    assertThat(kiosk.view().title()).isEqualTo("Connexion de la médiatrice ou du médiateur");
    kiosk.press(Key.ESCAPE);
    assertThat(kiosk.quitRequested()).isTrue();
  }

  @Test
  void enterOnAnEmptyLastFieldPointsAtTheMissingAnswer() {
    kiosk.press(Key.TAB);
    kiosk.press(Key.TAB);
    kiosk.press(Key.ENTER);
    View v = kiosk.view();
    assertThat(v.focus()).isZero();
    assertThat(v.notice().text()).isEqualTo("Il manque une réponse. Remplissez la case indiquée.");
  }

  @Test
  void theLanguageKeyTranslatesWhatIsAlreadyOnScreenIncludingTheNotice() {
    kiosk.press(Key.TAB);
    kiosk.press(Key.TAB);
    kiosk.press(Key.ENTER);
    kiosk.press(Key.function(2));
    assertThat(kiosk.view().notice().text())
        .isEqualTo("An answer is missing. Fill in the box shown.");
    assertThat(kiosk.language()).isEqualTo(Language.ENGLISH);
  }

  @Test
  void aBadBirthDateIsCaughtBeforeAnythingIsSent() {
    identifyJeanne("31/02/1950");
    View v = kiosk.view();
    assertThat(v.focus()).isEqualTo(1);
    assertThat(v.notice().text()).contains("Cette date de naissance n’existe pas");
    assertThat(server.journal("person:p-jeanne")).isEmpty();
  }

  @Test
  void theViewReadsAsPlainTextTopToBottom() {
    assertThat(kiosk.view().asText())
        .startsWith("Connexion de la médiatrice ou du médiateur\n")
        .contains("Identifiant: \n");
  }

  @Test
  void endingTheSittingForgetsThePersonAndCountsScreenChanges() {
    identifyJeanne("14/03/1950");
    long before = kiosk.screenChanges();
    assertThat(kiosk.view().forWhom()).isEqualTo("Pour : Jeanne Martin (naissance en 1950)");
    kiosk.press(Key.function(10));
    assertThat(kiosk.view().forWhom()).isNull();
    assertThat(kiosk.view().asText()).doesNotContain("Jeanne");
    assertThat(kiosk.screenChanges()).isGreaterThan(before);
  }

  void toTheAccount() {
    identifyJeanne("14/03/1950");
    type("1");
    kiosk.press(Key.ENTER);
  }

  @Test
  void theKeyRemindersFitOneEightyColumnRowInEveryLanguage() {
    toTheAccount();
    for (Language l : Language.values()) {
      kiosk.press(Key.function(6));
      kiosk.press(Key.of((char) ('1' + l.ordinal())));
      for (View v :
          java.util.List.of(
              kiosk.view(),
              new ConsentScreen(ConsentScreen.Purpose.ACCOUNT, true, null)
                  .view(kiosk, fr.guichet.i18n.Messages.of(l)))) {
        assertThat(fr.guichet.i18n.VisualLine.width(v.hintLine()))
            .as(l.tag() + ": " + v.hintLine())
            .isLessThanOrEqualTo(80);
      }
    }
  }

  @Test
  void theLanguageKeyGoesBackAndForthBetweenThePersonsLanguageAndTheOneBefore() {
    kiosk.press(Key.function(6));
    kiosk.press(Key.of('4'));
    assertThat(kiosk.language()).isEqualTo(Language.ARABIC);
    assertThat(kiosk.view().rightToLeft()).isTrue();
    assertThat(kiosk.view().aside().title())
        .isEqualTo("Connexion de la médiatrice ou du médiateur");
    kiosk.press(Key.function(2));
    assertThat(kiosk.language()).isEqualTo(Language.FRENCH);
    assertThat(kiosk.view().aside()).as("no second language when both are French").isNull();
    kiosk.press(Key.function(2));
    assertThat(kiosk.language()).isEqualTo(Language.ARABIC);
  }

  @Test
  void aMediatorWhoReadsEnglishGetsTheEnglishBeside() {
    Kiosk k =
        new Kiosk(
            server,
            FileSink.workingCopies(docs),
            Language.TURKISH,
            Clock.systemUTC(),
            Kiosk.Options.DEFAULTS.withMediatorLanguage(Language.ENGLISH).withCalls(Runnable::run));
    assertThat(k.view().title()).isEqualTo("Görevli girişi");
    assertThat(k.view().aside().title()).isEqualTo("Mediator login");
    assertThat(k.view().aside().fields()).containsExactly("Login", "Password", "6-digit code");
  }

  @Test
  void overlaysKeepTheStepBelowThem() {
    type("demo");
    kiosk.press(Key.function(4));
    assertThat(kiosk.view().title()).startsWith("Les images et leur sens");
    kiosk.press(Key.function(6));
    kiosk.press(Key.ESCAPE);
    kiosk.press(Key.ESCAPE);
    assertThat(kiosk.view().fields().get(0).shown()).isEqualTo("demo");
  }
}
