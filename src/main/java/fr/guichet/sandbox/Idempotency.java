package fr.guichet.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The memory of mutating requests: the same {@code Idempotency-Key} with the same body gets the
 * first answer again, success or refusal, without a second effect; with another body, a 422.
 *
 * <p>The key is claimed inside the request's own transaction, before any work: a row under the
 * table's primary key, filled with the answer before the commit. On PostgreSQL, {@link #queue}
 * first takes a lock named after the key: the same key sent at once to two server nodes makes the
 * second wait for the first's commit (then its transaction is retried and finds the answer), or,
 * past {@link Database#LOCK_WAIT}, answers 409 {@code idempotency-key-in-flight} with {@code
 * Retry-After}.
 *
 * <p>The key is stored hashed and the answer encrypted (AES-GCM) with a key derived from the
 * idempotency key, which only the client holds: a delegation token inside a stored answer is no
 * more readable from the database than the hashed tokens themselves.
 *
 * <pre>{@code
 * Optional<Idempotency.Replay> before = idempotency.claim(c, principal, key, route, body);
 * // empty: do the work in the same transaction, then:
 * idempotency.remember(c, principal, key, 201, responseJson);
 * }</pre>
 */
final class Idempotency {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An answer given before to the same request: a refusal when the status is 4xx. */
  record Replay(int status, byte[] body) {}

  private final Clock clock;

  Idempotency(Clock clock) {
    this.clock = clock;
  }

  /**
   * On a database shared by nodes, the first statement of the transaction: waits until no other
   * transaction holds this key. The same key sent at once to two nodes then runs one transaction
   * after the other (the second finds the first's answer once it runs again), instead of each
   * making the other's serializable transaction fail, again and again.
   */
  void queue(Connection c, String key) throws SQLException {
    long lock =
        ByteBuffer.wrap(
                Secrets.sha256Bytes(
                    ("guichet-idempotency-lock|" + key).getBytes(StandardCharsets.UTF_8)))
            .getLong();
    try {
      Database.query(c, "SELECT pg_advisory_xact_lock(?)", r -> Boolean.TRUE, lock);
    } catch (SQLException e) {
      throw inFlightIfWaitedTooLong(e);
    }
  }

  /** 409 {@code idempotency-key-in-flight} for a wait past the lock timeout, else the failure. */
  private static SQLException inFlightIfWaitedTooLong(SQLException e) {
    if (!"55P03".equals(e.getSQLState())) {
      return e;
    }
    throw new ProblemException(
            409,
            "idempotency-key-in-flight",
            "a request with this Idempotency-Key is still being answered")
        .retryAfter(Duration.ofSeconds(1));
  }

  /**
   * The answer given before to this key, or, if there is none, the key claimed for this transaction
   * (empty): {@link #remember} must then fill it in before the commit.
   */
  Optional<Replay> claim(Connection c, String principal, String key, String route, byte[] body)
      throws SQLException {
    record Row(String route, String bodyHash, int status, String response) {}
    String keyHash = Secrets.sha256(key);
    Optional<Row> row =
        Database.one(
            c,
            "SELECT route, body_hash, status, response FROM idempotency WHERE principal = ? AND key_hash = ?",
            r -> new Row(r.getString(1), r.getString(2), r.getInt(3), r.getString(4)),
            principal,
            keyHash);
    if (row.isEmpty()) {
      try {
        Database.update(
            c,
            "INSERT INTO idempotency (principal, key_hash, route, body_hash, status, response, created_at)"
                + " VALUES (?, ?, ?, ?, 0, '', ?)",
            principal,
            keyHash,
            route,
            bodyHash(body),
            clock.instant().toString());
      } catch (SQLException e) {
        throw inFlightIfWaitedTooLong(e);
      }
      return Optional.empty();
    }
    if (!row.get().route().equals(route) || !row.get().bodyHash().equals(bodyHash(body))) {
      throw new ProblemException(
          422, "idempotency-key-reused", "this Idempotency-Key was used for another request");
    }
    return Optional.of(new Replay(row.get().status(), decrypt(key, row.get().response())));
  }

  /** Keeps the answer to a claimed key: a success, or a refusal once the request had begun. */
  void remember(Connection c, String principal, String key, int status, byte[] response)
      throws SQLException {
    Database.update(
        c,
        "UPDATE idempotency SET status = ?, response = ? WHERE principal = ? AND key_hash = ?",
        status,
        encrypt(key, response),
        principal,
        Secrets.sha256(key));
  }

  private static String bodyHash(byte[] body) {
    return java.util.HexFormat.of().formatHex(Secrets.sha256Bytes(body));
  }

  private static SecretKeySpec aesKey(String idempotencyKey) {
    byte[] material =
        Secrets.sha256Bytes(
            ("guichet-idempotency|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    return new SecretKeySpec(material, "AES");
  }

  private static String encrypt(String key, byte[] plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, aesKey(key), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private static byte[] decrypt(String key, String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, aesKey(key), new GCMParameterSpec(128, all, 0, 12));
      return cipher.doFinal(all, 12, all.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored response cannot be decrypted with its key", e);
    }
  }
}
