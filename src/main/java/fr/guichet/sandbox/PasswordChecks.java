package fr.guichet.sandbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where mediators' passwords are checked: a password hash costs about half a second of one core
 * (PBKDF2, on purpose), so it runs outside any database transaction, on a few threads with a short
 * queue. When both are full, a login is refused at once with 503 and {@code Retry-After} instead of
 * waiting in line: anonymous logins, however many, take those threads and no more, and the rest of
 * the server goes on serving authenticated requests.
 *
 * <pre>{@code
 * PasswordChecks checks = PasswordChecks.forThisMachine();
 * boolean ok = checks.matches(typed, storedHash); // or ProblemException 503 server-busy
 * }</pre>
 */
final class PasswordChecks implements AutoCloseable {
  /** What a client is told to wait when every thread and place in the queue is taken. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final ThreadPoolExecutor pool;

  /**
   * @param threads hashes computed at once
   * @param queue logins that may wait for a thread; one more is refused
   */
  PasswordChecks(int threads, int queue) {
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
   * Half the cores hash (one on a small machine), and four logins per thread may wait: at most
   * about two seconds in the queue.
   */
  static PasswordChecks forThisMachine() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new PasswordChecks(threads, 4 * threads);
  }

  /** Whether {@code password} matches the stored hash; 503 when too many logins are in line. */
  boolean matches(String password, String storedHash) {
    return run(() -> Secrets.passwordMatches(password, storedHash));
  }

  /** Runs one check on the pool and waits for it; 503 when too many are in line. */
  <T> T run(Callable<T> check) {
    Future<T> result;
    try {
      result = pool.submit(check);
    } catch (RejectedExecutionException full) {
      throw new ProblemException(503, "server-busy", "too many logins are being checked")
          .retryAfter(RETRY_AFTER);
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a password was checked", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("A password check failed", e.getCause());
    }
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
