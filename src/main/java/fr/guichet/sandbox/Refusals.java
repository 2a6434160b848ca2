package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Refusals of requests that prove nothing about who sends them: no session, an unknown or ended
 * session, an unknown delegation token, a failed or delayed login for no known account, a server
 * too busy. Anyone can send those by the thousand; none of them is written into a person's (or
 * anyone's) journal one line each. They are counted per source address and minute, a source past
 * {@link #LIMIT} refusals in its minute is answered 429 until the minute ends, and each minute that
 * ended becomes one summary line per address in the system chain of the journal.
 *
 * <p>The counts of the current minute live in this node's memory (a crash loses a minute of counts,
 * never a person's entry); the summaries are in the database, one per node, address and minute.
 *
 * <pre>{@code
 * Optional<ProblemException> instead = refusals.count("192.0.2.7", "session-required");
 * refusals.writeEnded(c, false);  // one summary line per address for each minute that ended
 * }</pre>
 */
final class Refusals {
  /** The slugs that say the sender proved nothing, even when a mediator was named. */
  static final Set<String> UNPROVEN =
      Set.of(
          "session-required",
          "session-expired",
          "delegation-required",
          "login-delayed",
          "server-busy",
          "too-many-refusals");

  static final Duration WINDOW = Duration.ofMinutes(1);

  /** Refusals one address may get in a minute before it is told to wait. */
  static final int LIMIT = 120;

  /** Addresses counted apart in one minute; beyond, they are counted together. */
  static final int MAX_SOURCES = 10_000;

  static final String OTHER_SOURCES = "other addresses";

  private record Key(Instant window, String source) {}

  private final Clock clock;
  private final Journal journal;
  private final ConcurrentHashMap<Key, Map<String, Long>> counts = new ConcurrentHashMap<>();

  Refusals(Clock clock, Journal journal) {
    this.clock = clock;
    this.journal = journal;
  }

  /** Whether a refusal is one of those counted here rather than journaled one by one. */
  static boolean unproven(Audit audit, ProblemException refusal) {
    return audit.mediatorId == null || UNPROVEN.contains(refusal.slug());
  }

  /**
   * Counts one refusal of {@code slug} for {@code source}; gives the 429 to answer instead when the
   * source is past its limit for this minute.
   */
  Optional<ProblemException> count(String source, String slug) {
    Instant window = windowOf(clock.instant());
    Key key = new Key(window, source);
    if (counts.size() >= MAX_SOURCES && !counts.containsKey(key)) {
      key = new Key(window, OTHER_SOURCES);
    }
    long[] total = new long[1];
    counts.compute(
        key,
        (k, bySlug) -> {
          Map<String, Long> m = bySlug == null ? new TreeMap<>() : bySlug;
          m.merge(slug, 1L, Long::sum);
          total[0] = m.values().stream().mapToLong(Long::longValue).sum();
          return m;
        });
    if (total[0] <= LIMIT) {
      return Optional.empty();
    }
    return Optional.of(
        new ProblemException(
                429,
                "too-many-refusals",
                "more than " + LIMIT + " refused requests from this address in a minute")
            .retryAfter(Duration.between(clock.instant(), window.plus(WINDOW))));
  }

  /** Whether a minute ended with counts not yet written. */
  boolean anyEnded() {
    Instant current = windowOf(clock.instant());
    return counts.keySet().stream().anyMatch(k -> k.window().isBefore(current));
  }

  /**
   * Writes one summary line per address for each minute that ended, in the system chain; with
   * {@code all}, the current minute too (when the server stops).
   */
  void writeEnded(Connection c, boolean all) throws SQLException {
    Instant current = windowOf(clock.instant());
    List<Key> ended =
        counts.keySet().stream()
            .filter(k -> all || k.window().isBefore(current))
            .sorted(
                (a, b) ->
                    a.window().equals(b.window())
                        ? a.source().compareTo(b.source())
                        : a.window().compareTo(b.window()))
            .toList();
    for (Key k : ended) {
      Map<String, Long> bySlug = counts.remove(k);
      if (bySlug == null) {
        continue;
      }
      String detail =
          k.source()
              + ", "
              + WINDOW.toMinutes()
              + " min from "
              + k.window()
              + ": "
              + bySlug.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey())
                  .collect(Collectors.joining(", "));
      journal.append(
          c,
          Journal.SYSTEM_CHAIN,
          new Journal.Line("server", null, null, "REFUSALS_SUMMARY", "REFUSED", detail));
    }
  }

  private static Instant windowOf(Instant at) {
    long size = WINDOW.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }
}
