package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progressive delays in the database: their growth, their cap, their forgetting, their slot. */
class ThrottleTest {
  @TempDir Path dir;
  Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  final Throttle throttle = new Throttle(clock);
  static final String SUBJECT = "login:abc";

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  Duration waitLeft() {
    return db.tx(c -> throttle.waitLeft(c, SUBJECT));
  }

  void fail() {
    db.tx(
        c -> {
          throttle.failed(c, SUBJECT, Throttle.Delay.LOGIN);
          return null;
        });
  }

  @Test
  void freeFailuresThenDoublingWaitsUpToTheCap() {
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      fail();
      waits.add(waitLeft());
      clock.advance(waitLeft());
    }
    assertThat(waits)
        .extracting(Duration::toSeconds)
        .containsExactly(0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L);
    assertThat(Throttle.Delay.LOGIN.after(1_000)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Throttle.Delay.ADDRESS.after(40)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void neverLocksTheAttemptAfterTheWait() {
    for (int i = 0; i < 20; i++) {
      fail();
      clock.advance(waitLeft());
    }
    assertThat(waitLeft()).isZero();
  }

  @Test
  void forgetsTheFailuresFifteenMinutesAfterTheLastOne() {
    for (int i = 0; i < 6; i++) {
      fail();
    }
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    fail();
    assertThat(waitLeft()).isZero();
  }

  @Test
  void anAttemptPastTheFreeFailuresTakesTheNextSlotAtOnce() {
    for (int i = 0; i < 3; i++) {
      fail();
    }
    clock.advance(waitLeft());
    assertThat(waitLeft()).isZero();
    db.tx(
        c -> {
          throttle.reserve(c, SUBJECT, Throttle.Delay.LOGIN);
          return null;
        });
    // A second attempt sent at the same moment waits for the first one's slot.
    assertThat(waitLeft()).isEqualTo(Duration.ofSeconds(2));
    db.tx(
        c -> {
          throttle.clear(c, SUBJECT);
          return null;
        });
    assertThat(waitLeft()).isZero();
  }

  @Test
  void anAttemptWithinTheFreeFailuresTakesNoSlot() {
    fail();
    db.tx(
        c -> {
          throttle.reserve(c, SUBJECT, Throttle.Delay.LOGIN);
          return null;
        });
    assertThat(waitLeft()).isZero();
  }
}
