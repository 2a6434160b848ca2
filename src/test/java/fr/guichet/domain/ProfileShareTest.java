package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProfileShareTest {
  static final LocalDate INVITED = LocalDate.of(2026, 11, 29);

  @Test
  void anInvitationWaitsThirtyDaysThenExpires() {
    ProfileShare share = new ProfileShare(ProfileShare.Status.PENDING, INVITED);
    assertThat(share.expiresOn()).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(share.statusOn(share.expiresOn())).isEqualTo(ProfileShare.Status.PENDING);
    assertThat(share.statusOn(share.expiresOn().plusDays(1)))
        .isEqualTo(ProfileShare.Status.EXPIRED);
  }

  @Test
  void anAnsweredShareNeverExpires() {
    for (ProfileShare.Status s :
        new ProfileShare.Status[] {
          ProfileShare.Status.ACCEPTED, ProfileShare.Status.REFUSED, ProfileShare.Status.ENDED
        }) {
      assertThat(new ProfileShare(s, INVITED).statusOn(INVITED.plusYears(3))).isEqualTo(s);
    }
  }
}
