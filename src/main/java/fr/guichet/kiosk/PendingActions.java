package fr.guichet.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Actions the person confirmed but the server has not answered yet, kept in a small file so that a
 * kiosk that crashed, lost the network or was stopped says, at the next login, which action may be
 * unconfirmed and for whom; doing it again for the same person reuses the same idempotency key, so
 * the server applies it at most once.
 *
 * <p>The file holds, for each action, its key, its name, an opaque person id and the time; and the
 * person's short name ("Jeanne M. (1950)") only sealed (AES-GCM) with a key derived from the
 * password of the mediator who confirmed it (PBKDF2, with a random salt kept in the file): only
 * that mediator's next login reads it back, and a lost or copied disk shows no name. Another
 * mediator is told of the action without the name. Kept in memory only, nothing is sealed.
 *
 * <pre>{@code
 * PendingActions pending = PendingActions.inFile(Path.of("/var/lib/guichet/pending"));
 * pending.unlock(password);  // at login, off the UI thread: the key derivation is slow on purpose
 * String key = pending.keyFor(personId, "RECORD_OPPOSITION", "Jeanne M. (1950)", clock.instant());
 * // ... send with key; when the server answered:
 * pending.done(key);
 * }</pre>
 */
public final class PendingActions {
  /**
   * One confirmed action waiting for the server's answer.
   *
   * @param name the person's short name, or null when it cannot be read (sealed for another
   *     mediator, or written by an older kiosk)
   */
  public record Pending(String key, String action, String personId, Instant at, String name) {}

  private static final String SALT = "salt";
  private static final int ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final List<Pending> pending = new ArrayList<>();

  /** What the file holds of each name: the sealed text, by key. */
  private final Map<String, String> sealed = new HashMap<>();

  private byte[] salt;
  private SecretKey unlocked;

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
            p.read(line.strip());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot read the pending actions in " + file + ": " + e.getMessage(), e);
    }
    return p;
  }

  private void read(String line) {
    String[] f = line.split("\\|", -1);
    if (f[0].equals(SALT)) {
      salt = Base64.getDecoder().decode(f[1]);
      return;
    }
    pending.add(new Pending(f[0], f[1], f[2], Instant.parse(f[3]), null));
    if (f.length > 4 && !f[4].isEmpty()) {
      sealed.put(f[0], f[4]);
    }
  }

  /**
   * The mediator who just logged in: derives their key (slow by design), reads the names they
   * sealed, and seals with it the names of the actions they confirm from now on. Nothing to do in
   * memory.
   */
  public synchronized void unlock(String password) {
    if (file == null) {
      return;
    }
    if (salt == null) {
      salt = new byte[16];
      RANDOM.nextBytes(salt);
    }
    try {
      byte[] raw =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256))
              .getEncoded();
      unlocked = new SecretKeySpec(raw, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no PBKDF2 with HMAC-SHA256", e);
    }
    pending.replaceAll(p -> p.name() != null ? p : withName(p, open(sealed.get(p.key()))));
  }

  /** The mediator left: the names read back are forgotten, the key too. */
  public synchronized void lock() {
    if (file == null) {
      return;
    }
    unlocked = null;
    pending.replaceAll(p -> withName(p, null));
  }

  /**
   * The key of this action for this person: the pending one if there is one, else a new one,
   * recorded with the person's short name (sealed in the file).
   */
  public synchronized String keyFor(String personId, String action, String name, Instant now) {
    Optional<Pending> same =
        pending.stream()
            .filter(p -> p.personId().equals(personId) && p.action().equals(action))
            .findFirst();
    if (same.isPresent()) {
      return same.get().key();
    }
    Pending p = new Pending(UUID.randomUUID().toString(), action, personId, now, name);
    pending.add(p);
    if (file != null && unlocked != null && name != null) {
      sealed.put(p.key(), seal(name));
    }
    save();
    return p.key();
  }

  /** The server answered (done or refused): the action is no longer pending. */
  public synchronized void done(String key) {
    if (pending.removeIf(p -> p.key().equals(key))) {
      sealed.remove(key);
      save();
    }
  }

  public synchronized List<Pending> all() {
    return List.copyOf(pending);
  }

  private static Pending withName(Pending p, String name) {
    return new Pending(p.key(), p.action(), p.personId(), p.at(), name);
  }

  private String seal(String name) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, unlocked, new GCMParameterSpec(128, iv));
      byte[] text = aes.doFinal(name.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(ByteBuffer.allocate(iv.length + text.length).put(iv).put(text).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a name with AES-GCM", e);
    }
  }

  /** The name sealed in {@code text}, or null when it is not this mediator's (or absent). */
  private String open(String text) {
    if (text == null || unlocked == null) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(text);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, unlocked, new GCMParameterSpec(128, all, 0, 12));
      return new String(aes.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null; // sealed by another mediator, or damaged: the action is named without it
    }
  }

  private void save() {
    if (file == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    if (salt != null) {
      lines.add(SALT + "|" + Base64.getEncoder().encodeToString(salt));
    }
    for (Pending p : pending) {
      lines.add(
          String.join(
              "|",
              p.key(),
              p.action(),
              p.personId(),
              p.at().toString(),
              sealed.getOrDefault(p.key(), "")));
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the pending actions in " + file, e);
    }
  }
}
