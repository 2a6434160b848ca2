package fr.guichet.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes documents as PDF files into one directory, which it creates if needed.
 *
 * <p>A <em>kept</em> directory is the operator's explicit choice ({@code --save-dir}): its files
 * stay after the sitting. Otherwise the files are working copies, deleted when the sitting ends, so
 * that nothing of the person is left on the kiosk.
 *
 * <pre>{@code
 * DocumentSink sink = FileSink.workingCopies(tempDir);
 * sink.deliver("fiche.pdf", pdf);
 * sink.endSitting(); // fiche.pdf is gone
 * }</pre>
 */
public final class FileSink implements DocumentSink {
  private final Path directory;
  private final boolean keep;
  private final List<Path> written = new ArrayList<>();

  private FileSink(Path directory, boolean keep) {
    this.directory = directory;
    this.keep = keep;
  }

  /** Files that stay: the operator asked for them. */
  public static FileSink kept(Path directory) {
    return new FileSink(directory, true);
  }

  /** Files removed at the end of each sitting. */
  public static FileSink workingCopies(Path directory) {
    return new FileSink(directory, false);
  }

  @Override
  public synchronized Delivery deliver(String fileName, byte[] pdf) throws PrintFailure {
    if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("A plain file name is expected, not " + fileName);
    }
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(fileName);
      Files.write(file, pdf);
      written.add(file);
      return new Delivery(Delivery.Kind.FILE, file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new PrintFailure(
          "print.error.file",
          "Cannot write " + fileName + " in " + directory + ": " + e.getMessage(),
          e);
    }
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
    return kept;
  }
}
