package fr.guichet.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The inactivity watch: how long since the last key, when to warn (a countdown of at least 20
 * seconds, WCAG 2.2.1) and when the sitting ends on its own.
 *
 * <pre>{@code
 * Inactivity watch = new Inactivity(clock, Duration.ofMinutes(5), Duration.ofSeconds(60));
 * watch.touch();                 // a key
 * watch.now();                   // ACTIVE, WARN or END
 * }</pre>
 */
final class Inactivity {
  /** Where the idle time stands. */
  enum Verdict {
    ACTIVE,
    WARN,
    END
  }

  private final Clock clock;
  private final Duration delay;
  private final Duration warning;
  private Instant lastKey;

  Inactivity(Clock clock, Duration delay, Duration warning) {
    this.clock = clock;
    this.delay = delay;
    this.warning = warning;
    this.lastKey = clock.instant();
  }

  /** A key was pressed. */
  void touch() {
    lastKey = clock.instant();
  }

  Verdict now() {
    Duration idle = Duration.between(lastKey, clock.instant());
    if (idle.compareTo(delay) >= 0) {
      return Verdict.END;
    }
    return idle.compareTo(delay.minus(warning)) >= 0 ? Verdict.WARN : Verdict.ACTIVE;
  }

  /** Seconds left before an idle sitting ends, rounded up (for the countdown). */
  long secondsLeft() {
    Duration left = delay.minus(Duration.between(lastKey, clock.instant()));
    return Math.max(0, (left.toMillis() + 999) / 1000);
  }
}
