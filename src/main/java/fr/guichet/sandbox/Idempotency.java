package fr.guichet.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The memory of mutating requests: the same {@code Idempotency-Key} with the same body gets the
 * first response again without a second effect; with another body, a 422.
 *
 * <p>The key is stored hashed and the response encrypted (AES-GCM) with a key derived from the
 * idempotency key, which only the client holds: a delegation token inside a stored response is no
 * more readable from the database than the hashed tokens themselves.
 *
 * <pre>{@code
 * Optional<Idempotency.Replay> first = idempotency.find(c, principal, key, route, body);
 * // ... do the work in the same transaction, then:
 * idempotency.remember(c, principal, key, route, body, 201, responseJson);
 * }</pre>
 */
final class Idempotency {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A response given before to the same request. */
  record Replay(int status, byte[] body) {}

  private final Clock clock;

  Idempotency(Clock clock) {
    this.clock = clock;
  }

  Optional<Replay> find(Connection c, String principal, String key, String route, byte[] body)
      throws SQLException {
    record Row(String route, String bodyHash, int status, String response) {}
    Optional<Row> row =
        Database.one(
            c,
            "SELECT route, body_hash, status, response FROM idempotency WHERE principal = ? AND key_hash = ?",
            r -> new Row(r.getString(1), r.getString(2), r.getInt(3), r.getString(4)),
            principal,
            Secrets.sha256(key));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    if (!row.get().route().equals(route) || !row.get().bodyHash().equals(bodyHash(body))) {
      throw new ProblemException(
          422, "idempotency-key-reused", "this Idempotency-Key was used for another request");
    }
    return Optional.of(new Replay(row.get().status(), decrypt(key, row.get().response())));
  }

  void remember(
      Connection c,
      String principal,
      String key,
      String route,
      byte[] body,
      int status,
      byte[] response)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO idempotency (principal, key_hash, route, body_hash, status, response, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        principal,
        Secrets.sha256(key),
        route,
        bodyHash(body),
        status,
        encrypt(key, response),
        clock.instant().toString());
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
