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
  void everyNirIsValidAndAgreesWithTheBirthDate() {
    for (DemoSeed.Person p : DemoSeed.PEOPLE) {
      assertThat(p.birth().agreesWith(Nir.parse(p.nir()))).as(p.id()).isTrue();
    }
  }

  @Test
  void onePersonsCivilStatusGivesOnlyAYearOfBirth() {
    assertThat(DemoSeed.PEOPLE)
        .filteredOn(p -> !p.birth().whole())
        .extracting(DemoSeed.Person::id, p -> p.birth().iso())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("p-zainaba", "1958-00-00"));
  }

  @Test
  void hasTheThirdPartiesDomainNeeds() {
    assertThat(DemoSeed.LINKS)
        .extracting(DemoSeed.Link::kind)
        .contains("LEGAL_REPRESENTATION", "GUARDIANSHIP", "CURATORSHIP", "CAREGIVING");
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
