package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The inactivity watch: active, then the warning and its countdown, then the end; a key resets. */
class InactivityTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  final Inactivity watch = new Inactivity(clock, Duration.ofMinutes(5), Duration.ofSeconds(60));

  @Test
  void warnsAMinuteBeforeTheEndCountsDownAndEnds() {
    clock.advance(Duration.ofSeconds(239));
    assertThat(watch.now()).isEqualTo(Inactivity.Verdict.ACTIVE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(watch.now()).isEqualTo(Inactivity.Verdict.WARN);
    assertThat(watch.secondsLeft()).isEqualTo(60);
    clock.advance(Duration.ofMillis(59_001));
    assertThat(watch.secondsLeft()).as("rounded up").isEqualTo(1);
    clock.advance(Duration.ofMillis(999));
    assertThat(watch.now()).isEqualTo(Inactivity.Verdict.END);
    assertThat(watch.secondsLeft()).isZero();
  }

  @Test
  void aKeyStartsTheDelayAgain() {
    clock.advance(Duration.ofSeconds(250));
    watch.touch();
    clock.advance(Duration.ofSeconds(200));
    assertThat(watch.now()).isEqualTo(Inactivity.Verdict.ACTIVE);
  }
}
