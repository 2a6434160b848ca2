package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.i18n.Language;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PrintSettingsTest {
  @Test
  void defaultsToA4TheMachinesZoneAndFrenchBeside() {
    PrintSettings s = PrintSettings.of(Language.ARABIC);
    assertThat(s.paper()).isEqualTo(Paper.A4);
    assertThat(s.zone()).isEqualTo(ZoneId.systemDefault());
    assertThat(s.mediator()).isEqualTo(Language.FRENCH);
    assertThat(s.link()).isEqualTo(ReceiptLink.NONE);
    assertThat(s.bilingual()).isTrue();
    PrintSettings counter =
        s.withPaper(Paper.ROLL_80MM)
            .withZone(ZoneId.of("Pacific/Noumea"))
            .withPerson(Language.FRENCH);
    assertThat(counter.paper()).isEqualTo(Paper.ROLL_80MM);
    assertThat(counter.zone()).isEqualTo(ZoneId.of("Pacific/Noumea"));
    assertThat(counter.bilingual()).isFalse();
  }

  @Test
  void easyToReadFrenchNeedsNoFrenchLineUnderIt() {
    assertThat(PrintSettings.of(Language.EASY_FRENCH).bilingual()).isFalse();
    assertThat(PrintSettings.of(Language.ENGLISH).withMediator(Language.ENGLISH).bilingual())
        .isFalse();
    assertThat(PrintSettings.of(Language.FRENCH).withMediator(Language.ENGLISH).bilingual())
        .isTrue();
  }

  @Test
  void thePaperIsNamedAsSettingsNameIt() {
    assertThat(Paper.fromTag("80MM")).contains(Paper.ROLL_80MM);
    assertThat(Paper.fromTag(" a4 ")).contains(Paper.A4);
    assertThat(Paper.fromTag("a5")).isEmpty();
    assertThat(Paper.tags()).isEqualTo("a4, 80mm");
    assertThatThrownBy(() -> PrintSettings.of(Language.FRENCH).withZone(null))
        .isInstanceOf(NullPointerException.class);
  }
}
