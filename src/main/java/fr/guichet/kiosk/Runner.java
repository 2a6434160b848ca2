package fr.guichet.kiosk;

import fr.guichet.contract.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Runs the kiosk's calls to the server off its UI thread, one at a time, and owns how the kiosk
 * waits: the key a request carries (the pending one for a confirmed action, the same on every try),
 * the answer handed back as the step it leads to, and for a confirmed action the network's failures
 * said and tried again on their own after a visible countdown (or at once on a key), until the
 * server answers or the mediator stops waiting. Revocations and the logout run in the background,
 * never waited for, except a moment when the program ends.
 *
 * <p>Its state is read and changed on the UI thread only; the workers only hand their outcome over,
 * which the UI loop looks for.
 *
 * <pre>{@code
 * runner.start(call);             // the request runs on a worker
 * Step next = runner.settle();    // on the UI loop: the answer's step, or null
 * runner.tick();                  // the countdown; tries again when it reaches zero
 * }</pre>
 */
final class Runner {
  /** How long the kiosk waits before trying a confirmed action again: longer each time. */
  static final List<Duration> RETRY_DELAYS =
      List.of(
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(30));

  /**
   * What the kiosk is waiting for, as the waiting screen shows it.
   *
   * @param attempt the try under way or failed last, from 1
   * @param retryAt when the next try starts, or null while a try is under way
   */
  record Waiting(Effect.Call.Kind kind, int attempt, Instant retryAt) {
    boolean retrying() {
      return retryAt != null;
    }
  }

  /** What a worker hands back: an answer, or a problem. */
  private record Outcome(long generation, Object value, ServerProblem problem) {}

  private final DelegatedAccess server;
  private final Clock clock;
  private final Executor executor;
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Object quiet = new Object();
  private int backgroundCalls;
  private PendingActions pending = PendingActions.inMemory();

  private Effect.Call<?> call;
  private RequestKey key;
  private String pendingKey;
  private int attempt;
  private Instant retryAt;
  private boolean inFlight;
  private long generation;

  Runner(DelegatedAccess server, Clock clock, Executor executor) {
    this.server = server;
    this.clock = clock;
    this.executor = executor;
  }

  /** Where confirmed actions wait for the server's answer. */
  void use(PendingActions store) {
    this.pending = store;
  }

  PendingActions pending() {
    return pending;
  }

  /** Starts a call; the kiosk asks one thing at a time (its waiting screen takes the keys). */
  void start(Effect.Call<?> c) {
    if (call != null) {
      throw new IllegalStateException("A call is already under way");
    }
    call = c;
    attempt = 0;
    pendingKey = null;
    if (c.key() != null) {
      key = c.key();
    } else if (c.confirmed() != null) {
      Effect.Confirmed what = c.confirmed();
      pendingKey =
          pending.keyFor(what.personId(), what.action(), what.personName(), clock.instant());
      key = new RequestKey(pendingKey);
    } else {
      key = RequestKey.random();
    }
    send();
  }

  private void send() {
    attempt++;
    retryAt = null;
    inFlight = true;
    long mine = ++generation;
    Effect.Request<?> request = call.request();
    RequestKey k = key;
    executor.execute(
        () -> {
          Outcome outcome;
          try {
            outcome = new Outcome(mine, request.send(server, k), null);
          } catch (ServerProblem p) {
            outcome = new Outcome(mine, null, p);
          } catch (RuntimeException e) {
            outcome = new Outcome(mine, null, new ServerProblem(unexpected(e), e));
          }
          outcomes.add(outcome);
        });
  }

  /**
   * Takes the outcome a worker handed over, if any: the step the answer (or the refusal) leads to;
   * null when there is none, when it belonged to a call stopped meanwhile, or when a confirmed
   * action failed on the network (then the countdown to the next try starts).
   */
  Step settle() {
    Outcome o;
    while ((o = outcomes.poll()) != null) {
      if (o.generation() != generation || call == null) {
        continue; // the mediator stopped waiting for it
      }
      inFlight = false;
      Effect.Call<?> c = call;
      if (o.problem() == null) {
        finish();
        return c.answered(o.value());
      }
      if (o.problem().unreachable() && c.kind() == Effect.Call.Kind.CONFIRMED) {
        retryAt = clock.instant().plus(delay(attempt));
        return null;
      }
      finish();
      return c.refused().apply(o.problem().problem());
    }
    return null;
  }

  /** The server answered (done or refused): a confirmed action is no longer pending. */
  private void finish() {
    if (pendingKey != null) {
      pending.done(pendingKey);
    }
    call = null;
    pendingKey = null;
  }

  /** The countdown: tries again when it reached zero. Returns whether a countdown is shown. */
  boolean tick() {
    if (call == null || retryAt == null) {
      return false;
    }
    if (!clock.instant().isBefore(retryAt)) {
      send();
    }
    return true;
  }

  /** Tries again now (the mediator's key), when a try failed. */
  void retryNow() {
    if (call != null && retryAt != null) {
      send();
    }
  }

  /**
   * Stops waiting: the answer of the call under way, if it comes, is ignored. A confirmed action
   * stays pending, with its key, so that doing it again never does it twice.
   */
  void stop() {
    generation++;
    call = null;
    pendingKey = null;
    retryAt = null;
    inFlight = false;
  }

  /** What the kiosk is waiting for, or null. */
  Waiting waiting() {
    return call == null ? null : new Waiting(call.kind(), attempt, retryAt);
  }

  /** Whether a confirmed action is waited for (stopping leaves it pending). */
  boolean confirmed() {
    return call != null && call.kind() == Effect.Call.Kind.CONFIRMED;
  }

  /** Seconds before the next try, rounded up (for the countdown). */
  long secondsToRetry() {
    if (retryAt == null) {
      return 0;
    }
    long millis = Duration.between(clock.instant(), retryAt).toMillis();
    return Math.max(0, (millis + 999) / 1000);
  }

  /**
   * Whether a request is under way (in the background too) or its outcome not yet taken: tests wait
   * for this.
   */
  boolean busy() {
    synchronized (quiet) {
      if (backgroundCalls > 0) {
        return true;
      }
    }
    return inFlight || !outcomes.isEmpty();
  }

  /**
   * A request whose answer nobody waits for (revoking, logging out): a delegation expires on its
   * own, a session after inactivity, if the server does not answer.
   */
  void background(Effect.Request<?> request) {
    synchronized (quiet) {
      backgroundCalls++;
    }
    executor.execute(
        () -> {
          try {
            request.send(server, RequestKey.random());
          } catch (ServerProblem e) {
            // Nobody waits for it: what it undoes ends on its own.
          } finally {
            synchronized (quiet) {
              backgroundCalls--;
              quiet.notifyAll();
            }
          }
        });
  }

  /**
   * Waits until the background requests are done, at most {@code within} (the program is ending:
   * the terminal is already given back).
   */
  void awaitQuiet(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (quiet) {
      while (backgroundCalls > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          quiet.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static Duration delay(int attempt) {
    return RETRY_DELAYS.get(Math.min(attempt, RETRY_DELAYS.size()) - 1);
  }

  private static Problem unexpected(RuntimeException e) {
    return new Problem(
        Problem.TYPE_PREFIX + "unexpected",
        "Unexpected failure",
        0,
        e.getClass().getSimpleName(),
        "problem.unexpected",
        Map.of());
  }
}
