package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Password checks on a bounded pool: a real PBKDF2 hash matches or not; when the threads and the
 * queue are full, the next check is refused at once with 503 and a Retry-After; while others wait,
 * a thread rests after a check, its answer given first.
 */
class PasswordChecksTest {
  @Test
  void checksARealPasswordHash() {
    String stored = Secrets.hashPassword("Guichet-demo-2026");
    try (PasswordChecks checks = new PasswordChecks(1, 1)) {
      assertThat(checks.matches("Guichet-demo-2026", stored)).isTrue();
      assertThat(checks.matches("guichet-demo-2026", stored)).isFalse();
    }
  }

  @Test
  void refusesAtOnceWhenEveryThreadAndPlaceInLineIsTaken() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    ExecutorService logins = Executors.newFixedThreadPool(2);
    try (PasswordChecks checks = new PasswordChecks(1, 1)) {
      Future<String> first =
          logins.submit(
              () ->
                  checks.run(
                      () -> {
                        running.countDown();
                        release.await();
                        return "first";
                      }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      Future<String> queued = logins.submit(() -> checks.run(() -> "queued"));
      while (!queuedIsWaiting(checks, queued)) {
        Thread.onSpinWait();
      }
      assertThatThrownBy(() -> checks.run(() -> "third"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.slug()).isEqualTo("server-busy");
                assertThat(e.retryAfterSeconds()).isEqualTo(2);
              });
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
      assertThat(checks.run(() -> "after")).isEqualTo("after");
    } finally {
      logins.shutdownNow();
    }
  }

  @Test
  void aLoginTakesAPlaceBeforeAnyWorkAndIsRefusedAtOnceWhenNoneIsLeft() {
    try (PasswordChecks checks = new PasswordChecks(1, 1)) {
      PasswordChecks.Place first = checks.admit();
      PasswordChecks.Place second = checks.admit();
      assertThatThrownBy(checks::admit)
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.slug()).isEqualTo("server-busy"));
      first.close();
      checks.admit().close();
      second.close();
    }
  }

  @Test
  void whileOthersWaitAThreadRestsAsLongAsItsCheckTookAfterGivingItsAnswer() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    CountDownLatch resting = new CountDownLatch(1);
    CountDownLatch restMayEnd = new CountDownLatch(1);
    List<Duration> rests = new CopyOnWriteArrayList<>();
    AtomicBoolean secondStarted = new AtomicBoolean();
    ExecutorService logins = Executors.newFixedThreadPool(2);
    PasswordChecks.Rest watched =
        d -> {
          rests.add(d);
          resting.countDown();
          restMayEnd.await();
        };
    try (PasswordChecks checks = new PasswordChecks(1, 1, watched)) {
      Future<String> first =
          logins.submit(
              () ->
                  checks.run(
                      () -> {
                        firstRunning.countDown();
                        firstMayEnd.await();
                        return "first";
                      }));
      assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
      Future<String> second =
          logins.submit(
              () ->
                  checks.run(
                      () -> {
                        secondStarted.set(true);
                        return "second";
                      }));
      while (checks.waiting() == 0) {
        Thread.onSpinWait();
      }
      firstMayEnd.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(resting.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(secondStarted).isFalse();
      assertThat(rests).singleElement().satisfies(d -> assertThat(d).isPositive());
      restMayEnd.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
      assertThat(rests).as("no one waited behind the second: no rest").hasSize(1);
    } finally {
      logins.shutdownNow();
    }
  }

  /** The second check sits in the queue once the pool holds one waiting task. */
  private static boolean queuedIsWaiting(PasswordChecks checks, Future<String> queued) {
    return checks.waiting() == 1 || queued.isDone();
  }
}
