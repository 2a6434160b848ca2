package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.contract.Problem;
import fr.guichet.testing.FakeServer;
import fr.guichet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How the kiosk waits for the server: one key for every try of a confirmed action, tries again on
 * its own after a network failure (longer each time), says a refusal at once and never tries it
 * again, drops the answer of a call nobody waits for, and gives the background calls a bounded
 * moment when the program ends.
 */
class RunnerTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  final FakeServer server = new FakeServer();
  final List<String> keys = new ArrayList<>();
  final Screen done = new EndedScreen();
  final Screen refused = new EndedScreen(true);

  Runner runner(Executor calls) {
    return new Runner(server, clock, calls);
  }

  /** A confirmed action that fails on the network {@code failures} times, then is done. */
  Effect.Call<String> confirmed(int failures) {
    int[] left = {failures};
    return Effect.Call.confirmed(
        new Effect.Confirmed("RECORD_OPPOSITION", "p-jeanne", "Jeanne M. (1950)"),
        (s, key) -> {
          keys.add(key.value());
          if (left[0]-- > 0) {
            throw new ServerProblem(network());
          }
          return "done";
        },
        answer -> done,
        problem -> refused);
  }

  static Problem network() {
    return new Problem(Problem.TYPE_PREFIX + "network", "down", 0, "", "problem.network", Map.of());
  }

  @Test
  void aConfirmedActionIsTriedAgainByItselfWithOneKeyLongerEachTimeThenDoneAndNoLongerPending() {
    Runner r = runner(Runnable::run);
    PendingActions pending = PendingActions.inMemory();
    r.use(pending);
    r.start(confirmed(2));
    assertThat(r.settle()).as("the network failed: no step, a countdown").isNull();
    assertThat(r.waiting().retrying()).isTrue();
    assertThat(r.secondsToRetry()).isEqualTo(2);
    assertThat(pending.all())
        .as("kept, with the key the request carried")
        .singleElement()
        .satisfies(p -> assertThat(p.key()).isEqualTo(keys.get(0)));
    clock.advance(Duration.ofMillis(1999));
    r.tick();
    assertThat(keys).as("not before the countdown ends").hasSize(1);
    clock.advance(Duration.ofMillis(1));
    r.tick();
    assertThat(r.settle()).isNull();
    assertThat(r.secondsToRetry()).as("a longer wait the second time").isEqualTo(5);
    r.retryNow();
    assertThat(r.settle()).isSameAs(done);
    assertThat(keys).hasSize(3).containsOnly(keys.get(0));
    assertThat(pending.all()).as("the server answered").isEmpty();
    assertThat(r.waiting()).isNull();
  }

  @Test
  void aRefusalIsSaidAtOnceAndNotTriedAgainAndTheActionIsNoLongerPending() {
    Runner r = runner(Runnable::run);
    PendingActions pending = PendingActions.inMemory();
    r.use(pending);
    r.start(
        Effect.Call.confirmed(
            new Effect.Confirmed("CLOSE", "p-louis", "Louis P. (1985)"),
            (s, key) -> {
              keys.add(key.value());
              throw new ServerProblem(
                  new Problem(
                      Problem.TYPE_PREFIX + "action-not-possible",
                      "no",
                      409,
                      "",
                      "problem.action-not-possible",
                      Map.of()));
            },
            answer -> done,
            problem -> refused));
    assertThat(r.settle()).isSameAs(refused);
    clock.advance(Duration.ofMinutes(5));
    r.tick();
    assertThat(keys).hasSize(1);
    assertThat(pending.all()).isEmpty();
  }

  @Test
  void aNetworkFailureOfACallNotYetConfirmedIsSaidNotTriedAgain() {
    Runner r = runner(Runnable::run);
    r.start(
        Effect.Call.send(
            (s, key) -> {
              keys.add(key.value());
              throw new ServerProblem(network());
            },
            answer -> done,
            problem -> refused));
    assertThat(r.settle()).isSameAs(refused);
    assertThat(r.waiting()).isNull();
  }

  @Test
  void stoppingLeavesAConfirmedActionPendingWithItsKeyAndDropsALateAnswer() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    Runner r = runner(work -> new Thread(work).start());
    PendingActions pending = PendingActions.inMemory();
    r.use(pending);
    CountDownLatch asked = new CountDownLatch(1);
    r.start(
        Effect.Call.confirmed(
            new Effect.Confirmed("RECORD_OPPOSITION", "p-jeanne", "Jeanne M. (1950)"),
            (s, key) -> {
              keys.add(key.value());
              asked.countDown();
              try {
                answer.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "late";
            },
            late -> done,
            problem -> refused));
    assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(r.busy()).isTrue();
    r.stop();
    answer.countDown();
    while (r.busy()) {
      Thread.sleep(1);
      assertThat(r.settle()).as("nobody waits for it any more").isNull();
    }
    assertThat(r.settle()).isNull();
    assertThat(pending.all())
        .singleElement()
        .satisfies(p -> assertThat(p.key()).isEqualTo(keys.get(0)));
    assertThat(pending.keyFor("p-jeanne", "RECORD_OPPOSITION", "Jeanne M. (1950)", clock.instant()))
        .as("doing it again carries the same key")
        .isEqualTo(keys.get(0));
  }

  @Test
  void oneCallAtATime() {
    Runner r = runner(work -> {});
    r.start(confirmed(0));
    assertThatThrownBy(() -> r.start(confirmed(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBackgroundCallsAreGivenABoundedMomentWhenTheProgramEnds() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Runner r = runner(work -> new Thread(work).start());
    r.background(
        (s, key) -> {
          try {
            never.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        });
    assertThat(r.busy()).isTrue();
    Thread leaving = new Thread(() -> r.awaitQuiet(Duration.ofMillis(50)));
    leaving.start();
    leaving.join(5000);
    assertThat(leaving.isAlive()).isFalse();
    never.countDown();
  }
}
