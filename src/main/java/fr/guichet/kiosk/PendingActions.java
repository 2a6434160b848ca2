package fr.guichet.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Actions the person confirmed but the server has not answered yet, kept in a small file so that a
 * kiosk that crashed or lost the network says, after a restart, which action may be unconfirmed;
 * doing it again for the same person reuses the same idempotency key, so the server applies it at
 * most once. Holds an opaque person id, the action and the time: no name, no NIR.
 *
 * <pre>{@code
 * PendingActions pending = PendingActions.inFile(Path.of("/var/lib/guichet/pending"));
 * RequestKey key = pending.keyFor(personId, "RECORD_OPPOSITION", clock.instant());
 * // ... send with key; when the server answered:
 * pending.done(key);
 * }</pre>
 */
public final class PendingActions {
  /** One confirmed action waiting for the server's answer. */
  public record Pending(String key, String action, String personId, Instant at) {
    String line() {
      return String.join("|", key, action, personId, at.toString());
    }

    static Pending parse(String line) {
      String[] f = line.split("\\|");
      return new Pending(f[0], f[1], f[2], Instant.parse(f[3]));
    }
  }

  private final Path file;
  private final List<Pending> pending = new ArrayList<>();

  private PendingActions(Path file) {
    this.file = file;
  }

  /** Pending actions forgotten when the program stops (tests, throw-away demos). */
  public static PendingActions inMemory() {
    return new PendingActions(null);
  }

  /** Pending actions kept in {@code file}, read back at start. */
  public static PendingActions inFile(Path file) {
    PendingActions p = new PendingActions(file);
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            p.pending.add(Pending.parse(line.strip()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot read the pending actions in " + file + ": " + e.getMessage(), e);
    }
    return p;
  }

  /**
   * The key of this action for this person: the pending one if there is one, else a new one,
   * recorded.
   */
  public synchronized String keyFor(String personId, String action, Instant now) {
    Optional<Pending> same =
        pending.stream()
            .filter(p -> p.personId().equals(personId) && p.action().equals(action))
            .findFirst();
    if (same.isPresent()) {
      return same.get().key();
    }
    Pending p = new Pending(java.util.UUID.randomUUID().toString(), action, personId, now);
    pending.add(p);
    save();
    return p.key();
  }

  /** The server answered (done or refused): the action is no longer pending. */
  public synchronized void done(String key) {
    if (pending.removeIf(p -> p.key().equals(key))) {
      save();
    }
  }

  public synchronized List<Pending> all() {
    return List.copyOf(pending);
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, pending.stream().map(Pending::line).toList(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the pending actions in " + file, e);
    }
  }
}
