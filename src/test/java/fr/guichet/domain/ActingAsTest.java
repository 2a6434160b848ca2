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
  void representativesAndThePersonMayUseEveryScope() {
    for (Scope s : Scope.values()) {
      assertThat(ActingAs.SELF.allows(s)).isTrue();
      assertThat(ActingAs.GUARDIANSHIP.allows(s)).isTrue();
      assertThat(ActingAs.LEGAL_REPRESENTATION.allows(s)).isTrue();
    }
  }

  @Test
  void aCuratorAndASecondParentNeverCloseNorObject() {
    for (ActingAs a : new ActingAs[] {ActingAs.CURATORSHIP, ActingAs.SECOND_PARENT}) {
      assertThat(a.allows(Scope.RECORD_CLOSE)).isFalse();
      assertThat(a.allows(Scope.OPPOSITION_WRITE)).isFalse();
      assertThat(a.allows(Scope.SHARING_MANAGE)).isFalse();
      assertThat(a.allows(Scope.ACCOUNT_READ)).isTrue();
    }
    assertThat(ActingAs.CURATORSHIP.allows(Scope.PROFILE_WRITE)).isFalse();
    assertThat(ActingAs.SECOND_PARENT.allows(Scope.PROFILE_WRITE)).isTrue();
  }

  @Test
  void onlyParentsStopActingAtTheChilds18thBirthday() {
    assertThat(ActingAs.LEGAL_REPRESENTATION.parental()).isTrue();
    assertThat(ActingAs.SECOND_PARENT.parental()).isTrue();
    assertThat(ActingAs.GUARDIANSHIP.parental()).isFalse();
    assertThat(ActingAs.CAREGIVING.parental()).isFalse();
  }

  @Test
  void documentsHiddenFromRepresentativesAreHiddenFromEveryoneButThePerson() {
    for (ActingAs a : ActingAs.values()) {
      assertThat(a.seesDocumentsHiddenFromRepresentatives()).isEqualTo(a == ActingAs.SELF);
    }
  }

  @Test
  void limitsOfDomainMd() {
    assertThat(ActingAs.MAX_CAREGIVERS_PER_PERSON).isEqualTo(3);
    assertThat(ActingAs.MAX_PEOPLE_PER_CAREGIVER).isEqualTo(5);
  }
}
