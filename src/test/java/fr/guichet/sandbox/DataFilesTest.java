package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.ApiClient;
import fr.guichet.contract.LoginRequest;
import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory of a real server, SQLite and all, is its user's alone: 0700, and every file in
 * it 0600 from its creation, the SQLite {@code -wal} and {@code -shm} and the signing key included;
 * what an older server left readable is tightened at start.
 */
class DataFilesTest {
  @TempDir Path parent;

  static String permissions(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /**
   * Starts a SQLite server on {@code data}, logs in once at {@code at} (so that the WAL is
   * written), stops.
   */
  static void run(Path data, String at) {
    MutableClock clock = new MutableClock(Instant.parse(at));
    try (SandboxServer server =
        SandboxServer.start(SandboxServer.Options.demo(data).withClock(clock))) {
      new ApiClient(server.url())
          .login(
              new LoginRequest(
                  DemoSandbox.LOGIN,
                  DemoSandbox.PASSWORD,
                  Totp.fromBase32(DemoSandbox.TOTP_SECRET).codeAt(clock.instant())));
      assertThat(data.resolve("guichet.db-wal")).exists();
      assertEveryFileIsTheOwnersOnly(data);
    }
  }

  static void assertEveryFileIsTheOwnersOnly(Path data) {
    try (Stream<Path> all = Files.walk(data)) {
      List<Path> paths = all.toList();
      assertThat(paths).contains(data.resolve("guichet.db"), data.resolve("signing-key.pk8"));
      for (Path p : paths) {
        assertThat(permissions(p))
            .as(data.relativize(p).toString())
            .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aNewDataDirectoryAndEveryFileInItAreTheServersUserAlone() {
    Path data = parent.resolve("new").resolve("sandbox");
    run(data, "2026-11-29T09:00:00Z");
    assertEveryFileIsTheOwnersOnly(data);
  }

  @Test
  void filesAnOlderServerLeftReadableAreTightenedAtStart() throws IOException {
    Path data = parent.resolve("old");
    run(data, "2026-11-29T09:00:00Z");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String name : List.of("guichet.db", "signing-key.pk8", "signing-key.pub")) {
      Files.setPosixFilePermissions(
          data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
    }
    run(data, "2026-11-29T10:00:00Z");
  }
}
