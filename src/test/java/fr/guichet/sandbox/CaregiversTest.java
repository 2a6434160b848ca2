package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.Problem;
import fr.guichet.domain.Nir;
import fr.guichet.testing.DemoSandbox;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caregiver's papers (NIR, birth name, first name, birth date) are a second identification: the
 * same answer whether the NIR names no one or another paper differs, and counted and limited like
 * an identification, so that the birth date cannot be guessed by trying each day.
 */
class CaregiversTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  final Sittings sittings = new Sittings(sandbox);

  static final DemoSandbox.Papers ALAIN = DemoSandbox.PEOPLE.get("p-alain");

  Problem refusal(DemoSandbox.Sitting s, String nir, LocalDate birth) {
    try {
      sandbox
          .api()
          .addCaregiver(
              s.session(),
              s.delegation(),
              new CaregiverRequest(nir, "Roux", "Alain", birth),
              IdempotencyKey.random());
    } catch (ApiException e) {
      return e.problem();
    }
    throw new AssertionError("the caregiver should have been refused");
  }

  @Test
  void anUnknownNirAndAWrongBirthDateGetTheSameAnswer() {
    DemoSandbox.Sitting s = sandbox.open("p-louis", "sharing:manage");
    String unknown = "1621097611151";
    Problem wrongBirth = refusal(s, ALAIN.nir(), ALAIN.birth().plusDays(1));
    assertThat(wrongBirth.slug()).isEqualTo("caregiver-unknown");
    assertThat(wrongBirth).isEqualTo(refusal(s, unknown + Nir.key(unknown), ALAIN.birth()));
  }

  @Test
  void guessingTheBirthDateDayByDayIsStoppedAfterFiveTries() {
    DemoSandbox.Sitting s = sandbox.open("p-louis", "sharing:manage");
    for (int day = 1; day <= 5; day++) {
      assertThat(refusal(s, ALAIN.nir(), ALAIN.birth().minusDays(day)).slug())
          .isEqualTo("caregiver-unknown");
    }
    assertThat(refusal(s, ALAIN.nir(), ALAIN.birth()).slug()).isEqualTo("identification-locked");
    assertThat(sandbox.journal("person:p-louis"))
        .contains("CAREGIVER_ADDED REFUSED caregiver-unknown")
        .endsWith("CAREGIVER_ADDED REFUSED identification-locked");

    sandbox.clock().advance(Duration.ofMinutes(31));
    DemoSandbox.Sitting later = sandbox.open("p-louis", "sharing:manage");
    ActionResult added = sittings.addCaregiver(later, "p-alain", "Roux", "Alain");
    assertThat(added.receipt()).isNotNull();
  }
}
