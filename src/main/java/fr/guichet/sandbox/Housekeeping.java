package fr.guichet.sandbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does between requests, on one thread of its own: writes the summaries of the
 * refusals of each minute that ended ({@link Refusals}), even when no request comes to trigger
 * them; and, when the server stops, the summary of the current minute.
 *
 * <pre>{@code
 * Housekeeping upkeep = Housekeeping.start(db, refusals, Duration.ofSeconds(30));
 * upkeep.close(); // at stop: the last summaries
 * }</pre>
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final Database db;
  private final Refusals refusals;
  private final ScheduledExecutorService timer;

  private Housekeeping(Database db, Refusals refusals) {
    this.db = db;
    this.refusals = refusals;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "housekeeping");
              t.setDaemon(true);
              return t;
            });
  }

  static Housekeeping start(Database db, Refusals refusals, Duration every) {
    Housekeeping upkeep = new Housekeeping(db, refusals);
    upkeep.timer.scheduleWithFixedDelay(
        upkeep::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return upkeep;
  }

  private void round() {
    try {
      write(false);
    } catch (RuntimeException e) {
      // The next round tries again; the message may hold data, the types and places do not.
      LOG.warn("housekeeping failed: {}", Routes.withoutMessages(e));
    }
  }

  private void write(boolean stopping) {
    db.tx(
        c -> {
          refusals.writeEnded(c, stopping);
          return null;
        });
  }

  /** Stops the rounds and writes what is left. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    write(true);
  }
}
