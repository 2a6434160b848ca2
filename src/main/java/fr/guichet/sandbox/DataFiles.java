package fr.guichet.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The server's data directory is its user's alone: the directory 0700, every file in it 0600 from
 * the moment it exists (the SQLite file and its {@code -wal} and {@code -shm}, which SQLite creates
 * with the permissions of the database file; the signing key; the journal checkpoints). The
 * database holds NIRs and TOTP secrets, and the key signs what people take home.
 *
 * <p>At each start, files an older server left readable by others are tightened. On a file system
 * without POSIX permissions, the directory's own protection applies.
 *
 * <pre>{@code
 * DataFiles.secure(dataDir);                          // 0700, and the known files 0600
 * DataFiles.createPrivate(dataDir.resolve("guichet.db"));
 * DataFiles.writePrivate(dataDir.resolve("signing-key.pk8"), der);
 * }</pre>
 */
final class DataFiles {
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  /** The files a server keeps in its data directory, besides the checkpoints directory. */
  static final List<String> KNOWN =
      List.of(
          "guichet.db",
          "guichet.db-wal",
          "guichet.db-shm",
          "guichet.db-journal",
          "signing-key.pk8",
          "signing-key.pub");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private DataFiles() {}

  /** Creates the directory 0700 or tightens it, and tightens the files a server keeps there. */
  static void secure(Path dir) {
    try {
      directory(dir);
      for (String name : KNOWN) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          restrict(file, OWNER_ONLY);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot protect the data directory " + dir, e);
    }
  }

  /** A directory only the server's user can enter, created if needed. */
  static void directory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      restrict(dir, OWNER_DIRECTORY);
    } else {
      Files.createDirectories(dir, attributes(OWNER_DIRECTORY));
      restrict(dir, OWNER_DIRECTORY); // a umask may have taken the owner's own rights away
    }
  }

  /** Creates an empty file only its owner reads, if there is none yet. */
  static void createPrivate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, attributes(OWNER_ONLY));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file, e);
    }
  }

  /** Writes a new file only its owner reads (never readable by others, not even for a moment). */
  static void writePrivate(Path file, byte[] content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, attributes(OWNER_ONLY));
    Files.write(file, content);
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: the data directory's own protection applies.
    }
  }
}
