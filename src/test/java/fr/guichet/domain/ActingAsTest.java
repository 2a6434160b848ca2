package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActingAsTest {
  @Test
  void aCaregiverNeverClosesNorManagesSharing() {
    assertThat(ActingAs.CAREGIVING.allows(Scope.RECORD_CLOSE)).isFalse();
    assertThat(ActingAs.CAREGIVING.allows(Scope.SHARING_MANAGE)).isFalse();
    assertThat(ActingAs.CAREGIVING.allows(Scope.ACCOUNT_READ)).isTrue();
    assertThat(ActingAs.CAREGIVING.allows(Scope.PROFILE_WRITE)).isTrue();
  }

  @Test
  void representativesAndThePersonMayDoEverything() {
    for (Scope s : Scope.values()) {
      assertThat(ActingAs.SELF.allows(s)).isTrue();
      assertThat(ActingAs.GUARDIANSHIP.allows(s)).isTrue();
      assertThat(ActingAs.LEGAL_REPRESENTATION.allows(s)).isTrue();
    }
  }

  @Test
  void parentsDoNotSeeAMinorsConfidentialCare() {
    assertThat(ActingAs.LEGAL_REPRESENTATION.seesMinorsConfidentialCare()).isFalse();
    assertThat(ActingAs.SELF.seesMinorsConfidentialCare()).isTrue();
  }

  @Test
  void limitsOfDomainMd() {
    assertThat(ActingAs.MAX_CAREGIVERS_PER_PERSON).isEqualTo(3);
    assertThat(ActingAs.MAX_PEOPLE_PER_CAREGIVER).isEqualTo(5);
  }
}
