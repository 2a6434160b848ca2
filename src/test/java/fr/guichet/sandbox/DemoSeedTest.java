package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.domain.AccountState;
import fr.guichet.domain.Nir;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoSeedTest {
  @Test
  void coversEveryAccountState() {
    Set<AccountState> states =
        DemoSeed.PEOPLE.stream().map(DemoSeed.Person::state).collect(Collectors.toSet());
    assertThat(states).isEqualTo(EnumSet.allOf(AccountState.class));
  }

  @Test
  void everyNirIsValidAndMatchesSexAndBirth() {
    for (DemoSeed.Person p : DemoSeed.PEOPLE) {
      Nir nir = Nir.parse(p.nir());
      assertThat(nir.value().substring(1, 3))
          .as(p.id())
          .isEqualTo(String.format("%02d", p.birth().getYear() % 100));
      assertThat(Integer.parseInt(nir.value().substring(3, 5)))
          .as(p.id())
          .isEqualTo(p.birth().getMonthValue());
    }
  }

  @Test
  void hasTheThirdPartiesDomainNeeds() {
    assertThat(DemoSeed.LINKS)
        .extracting(DemoSeed.Link::kind)
        .contains("LEGAL_REPRESENTATION", "GUARDIANSHIP", "CAREGIVING");
    assertThat(
            DemoSeed.LINKS.stream()
                .filter(l -> l.kind().equals("LEGAL_REPRESENTATION"))
                .map(DemoSeed.Link::representative)
                .distinct())
        .containsExactly("p-louis");
    assertThat(DemoSeed.PEOPLE)
        .anySatisfy(
            p -> {
              assertThat(p.email()).isNull();
              assertThat(p.phone()).isNull();
              assertThat(p.vitale()).isNotNull();
            });
  }
}
