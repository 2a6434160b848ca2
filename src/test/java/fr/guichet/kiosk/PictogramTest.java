package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.SpaceState;
import fr.guichet.domain.AccountState;
import org.junit.jupiter.api.Test;

class PictogramTest {
  @Test
  void everyStateHasADrawingOfFiveRowsAndNineColumns() {
    for (AccountState state : AccountState.values()) {
      SpaceState s = SpaceState.of(state.name());
      assertThat(Pictogram.of(s).lines())
          .as(s.name())
          .hasSize(5)
          .allSatisfy(l -> assertThat(l).hasSize(9));
    }
  }

  @Test
  void usesOnlyCharactersOfTheBasicMultilingualPlane() {
    // Lanterna 3.1 prints characters beyond U+FFFF as "??" (its issue #505).
    for (Pictogram p : Pictogram.values()) {
      String all = p.symbol() + String.join("", p.lines());
      assertThat(all.codePoints().allMatch(c -> c <= 0xFFFF)).as(p.name()).isTrue();
      assertThat(p.symbol().codePointCount(0, p.symbol().length())).as(p.name()).isEqualTo(1);
    }
  }

  @Test
  void statesLookDifferent() {
    assertThat(Pictogram.of(SpaceState.ACTIVE).lines())
        .isNotEqualTo(Pictogram.of(SpaceState.CLOSED).lines());
    assertThat(
            java.util.Arrays.stream(AccountState.values())
                .map(s -> Pictogram.of(SpaceState.of(s.name())).lines())
                .distinct())
        .hasSize(7);
  }

  @Test
  void aStateOfANewerServerShowsThe3422Line() {
    assertThat(Pictogram.of(SpaceState.UNKNOWN)).isEqualTo(Pictogram.PHONE);
    assertThat(Pictogram.PHONE.isState()).isFalse();
    assertThat(Pictogram.SUSPENDED.isState()).isTrue();
  }
}
