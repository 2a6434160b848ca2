package fr.guichet.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * The reference server's settings: its clock (injectable, so every deadline can be tested) and the
 * delays the rules use.
 *
 * <pre>{@code
 * Rules rules = Rules.defaults(Clock.systemUTC()).withOppositionPeriod(Period.ofDays(40));
 * }</pre>
 *
 * @param oppositionPeriod from the sending of the information to the deadline (R.1111-28: 6 weeks)
 * @param sessionIdle a mediator's session ends after this long without a request
 * @param maxDelegation the longest a delegation may last (one sitting)
 * @param identificationValidity how long an identification may wait for the person's consent
 * @param loginFailures failed logins allowed before a lockout
 * @param lockout how long a login stays locked
 */
record Rules(
    Clock clock,
    ZoneId zone,
    Period oppositionPeriod,
    Duration sessionIdle,
    Duration maxDelegation,
    Duration identificationValidity,
    int loginFailures,
    Duration lockout) {

  static Rules defaults(Clock clock) {
    return new Rules(
        clock,
        ZoneId.of("Europe/Paris"),
        Period.ofWeeks(6),
        Duration.ofMinutes(30),
        Duration.ofMinutes(60),
        Duration.ofMinutes(15),
        5,
        Duration.ofMinutes(15));
  }

  Rules withOppositionPeriod(Period period) {
    return new Rules(
        clock,
        zone,
        period,
        sessionIdle,
        maxDelegation,
        identificationValidity,
        loginFailures,
        lockout);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }
}
