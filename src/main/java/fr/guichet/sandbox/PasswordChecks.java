package fr.guichet.sandbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where mediators' passwords are checked: a password hash costs a good fraction of a second of one
 * core (PBKDF2, on purpose), so it runs outside any database transaction, on a few threads with a
 * short queue. A login takes a place ({@link #admit}) before any other work; when the threads and
 * the queue are all taken, it is refused at once with 503 and {@code Retry-After}, without touching
 * the database. While other checks wait, a thread rests as long as its last check took before it
 * takes the next one: under a crowd of logins the checks get half of those threads' time, and the
 * rest of the server goes on serving authenticated requests. A login alone is checked at once.
 *
 * <pre>{@code
 * PasswordChecks checks = PasswordChecks.forThisMachine();
 * PasswordChecks.Place place = checks.admit(); // or ProblemException 503 server-busy
 * try {
 *   boolean ok = checks.matches(typed, storedHash);
 * } finally {
 *   place.close();
 * }
 * }</pre>
 */
final class PasswordChecks implements AutoCloseable {
  /** What a client is told to wait when every thread and place in the queue is taken. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  /** A login's place among those being checked, given back when the login is answered. */
  interface Place extends AutoCloseable {
    @Override
    void close();
  }

  /** How a thread rests between two checks (a sleep; a test watches it). */
  @FunctionalInterface
  interface Rest {
    void take(Duration d) throws InterruptedException;
  }

  private final ThreadPoolExecutor pool;
  private final Semaphore places;
  private final Rest rest;

  /**
   * @param threads hashes computed at once
   * @param queue logins that may wait for a thread; one more is refused
   */
  PasswordChecks(int threads, int queue) {
    this(threads, queue, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  PasswordChecks(int threads, int queue, Rest rest) {
    this.places = new Semaphore(threads + queue);
    this.rest = rest;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "password-check-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Half the cores hash (one on a small machine), and four logins per thread may wait: at most a
   * few seconds in the queue.
   */
  static PasswordChecks forThisMachine() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new PasswordChecks(threads, 4 * threads);
  }

  /** A place for one login, taken before any other work: 503 at once when none is left. */
  Place admit() {
    if (!places.tryAcquire()) {
      throw busy();
    }
    return places::release;
  }

  /** Whether {@code password} matches the stored hash; 503 when too many logins are in line. */
  boolean matches(String password, String storedHash) {
    return run(() -> Secrets.passwordMatches(password, storedHash));
  }

  /**
   * Runs one check on the pool and waits for its answer (not for the rest that may follow it); 503
   * when too many are in line.
   */
  <T> T run(Callable<T> check) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      pool.execute(
          () -> {
            long start = System.nanoTime();
            try {
              result.complete(check.call());
            } catch (Throwable failed) { // handed to the login waiting for it
              result.completeExceptionally(failed);
            }
            if (!pool.getQueue().isEmpty()) {
              try {
                rest.take(Duration.ofNanos(System.nanoTime() - start));
              } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
              }
            }
          });
    } catch (RejectedExecutionException full) {
      throw busy();
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a password was checked", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("A password check failed", e.getCause());
    }
  }

  private static ProblemException busy() {
    return new ProblemException(503, "server-busy", "too many logins are being checked")
        .retryAfter(RETRY_AFTER);
  }

  /** Checks waiting for a thread. */
  int waiting() {
    return pool.getQueue().size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
