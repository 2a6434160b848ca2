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
 * them, then a journal checkpoint if a chain moved ({@link Checkpoints}); and, when the server
 * stops, the summary of the current minute and a last checkpoint.
 *
 * <pre>{@code
 * Housekeeping upkeep = Housekeeping.start(db, refusals, journal, checkpoints, Duration.ofSeconds(20));
 * upkeep.close(); // at stop: the last summaries and checkpoint
 * }</pre>
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final Database db;
  private final Refusals refusals;
  private final Journal journal;
  private final Checkpoints checkpoints;
  private final ScheduledExecutorService timer;

  private Housekeeping(Database db, Refusals refusals, Journal journal, Checkpoints checkpoints) {
    this.db = db;
    this.refusals = refusals;
    this.journal = journal;
    this.checkpoints = checkpoints;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "housekeeping");
              t.setDaemon(true);
              return t;
            });
  }

  static Housekeeping start(
      Database db, Refusals refusals, Journal journal, Checkpoints checkpoints, Duration every) {
    Housekeeping upkeep = new Housekeeping(db, refusals, journal, checkpoints);
    upkeep.timer.scheduleWithFixedDelay(
        upkeep::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return upkeep;
  }

  private void round() {
    write(false);
  }

  private void write(boolean stopping) {
    try {
      db.tx(
          c -> {
            refusals.writeEnded(c, stopping);
            return null;
          });
      checkpoints.write(db, journal);
    } catch (RuntimeException e) {
      // The next round tries again (the chains a checkpoint missed are looked at again); the
      // message may hold data, the types and places do not.
      LOG.warn("housekeeping failed: {}", Routes.withoutMessages(e));
    }
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
