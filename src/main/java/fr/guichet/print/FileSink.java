package fr.guichet.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes documents as PDF files into one directory, which it creates if needed, never over a file
 * already there (a second "profil-medical-….pdf" becomes "profil-medical-…-2.pdf").
 *
 * <p>A <em>kept</em> directory is the operator's explicit choice ({@code --save-dir}): its files
 * stay after the sitting. Otherwise the files are working copies, deleted when the sitting ends,
 * with the folder when the sink made it, so that nothing of the person is left on the kiosk. A
 * kiosk killed in the middle of a sitting leaves its {@linkplain #temporary() temporary folder}
 * behind: {@link #clearLeftovers()}, called when the next kiosk starts, removes it.
 *
 * <pre>{@code
 * FileSink.clearLeftovers();                // at start: folders of kiosks that did not end
 * DocumentSink sink = FileSink.temporary(); // guichet-documents-<pid>-… under the temporary directory
 * sink.deliver("fiche.pdf", pdf);
 * sink.endSitting();                        // fiche.pdf and its folder are gone
 * }</pre>
 */
public final class FileSink implements DocumentSink {
  /** The start of the name of every temporary folder, then the process id and a random part. */
  static final String PREFIX = "guichet-documents-";

  private final Path directory;
  private final boolean keep;
  private final List<Path> written = new ArrayList<>();
  private boolean made;

  private FileSink(Path directory, boolean keep) {
    this.directory = directory;
    this.keep = keep;
  }

  /** Files that stay: the operator asked for them. */
  public static FileSink kept(Path directory) {
    return new FileSink(directory, true);
  }

  /** Files removed at the end of each sitting, with {@code directory} if the sink made it. */
  public static FileSink workingCopies(Path directory) {
    return new FileSink(directory, false);
  }

  /**
   * Working copies in a folder of this process under the system's temporary directory, made at the
   * first document and removed at the end of each sitting.
   */
  public static FileSink temporary() {
    return temporary(Path.of(System.getProperty("java.io.tmpdir")));
  }

  static FileSink temporary(Path parent) {
    return workingCopies(
        parent.resolve(PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID()));
  }

  /**
   * Removes the temporary folders of kiosks that are no longer running (killed, crashed, the power
   * cut): a person's documents must not wait in {@code /tmp} for the next visitor. Returns the
   * folders removed.
   */
  public static List<Path> clearLeftovers() {
    return clearLeftovers(Path.of(System.getProperty("java.io.tmpdir")), PREFIX);
  }

  /**
   * Removes the folders under {@code parent} named {@code prefix}, a process id, then anything,
   * whose process is no longer running; and those named {@code prefix} without a process id, which
   * no running kiosk gives. The embedded demo server's data of a killed kiosk goes this way too.
   */
  public static List<Path> clearLeftovers(Path parent, String prefix) {
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> entries = Files.list(parent)) {
      for (Path folder : entries.toList()) {
        String name = folder.getFileName().toString();
        if (name.startsWith(prefix)
            && Files.isDirectory(folder)
            && !running(name.substring(prefix.length()))) {
          deleteTree(folder);
          removed.add(folder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the folders left in " + parent, e);
    }
    return removed;
  }

  /**
   * Whether the process named at the start of {@code rest} is still running (then it is in use).
   */
  private static boolean running(String rest) {
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false; // not a name this class gives: an old working folder, no process owns it
    }
  }

  @Override
  public synchronized Delivery deliver(String fileName, byte[] pdf) throws PrintFailure {
    if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("A plain file name is expected, not " + fileName);
    }
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        made = true;
      }
      for (int copy = 1; ; copy++) {
        Path file = directory.resolve(copy == 1 ? fileName : numbered(fileName, copy));
        try {
          Files.write(file, pdf, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          written.add(file);
          return new Delivery(Delivery.Kind.FILE, file.toAbsolutePath().toString());
        } catch (FileAlreadyExistsException taken) {
          // Another document has this name: the next number.
        }
      }
    } catch (IOException e) {
      throw new PrintFailure(
          "print.error.file",
          "Cannot write " + fileName + " in " + directory + ": " + e.getMessage(),
          e);
    }
  }

  /** "a.pdf" → "a-2.pdf". */
  private static String numbered(String fileName, int copy) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0
        ? fileName.substring(0, dot) + "-" + copy + fileName.substring(dot)
        : fileName + "-" + copy;
  }

  @Override
  public synchronized List<String> endSitting() {
    List<String> kept = new ArrayList<>();
    for (Path file : written) {
      if (keep) {
        kept.add(file.toAbsolutePath().toString());
      } else {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          kept.add(file.toAbsolutePath().toString()); // could not delete: say it stays
        }
      }
    }
    written.clear();
    if (!keep && made) {
      try {
        Files.deleteIfExists(directory);
        made = false;
      } catch (DirectoryNotEmptyException someoneElses) {
        // Files this sink did not write: they are not its to remove.
      } catch (IOException e) {
        kept.add(directory.toAbsolutePath().toString());
      }
    }
    return kept;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
