package fr.guichet.cli;

import fr.guichet.i18n.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --pdf FILE} and {@code --lang}: where a command that prints a paper writes it, and in
 * which language the person reads it. A file already there is never replaced: a second person's
 * paper must not take the first one's place.
 *
 * <pre>
 * guichet help-sheet --pdf aide-pt.pdf --lang pt
 * </pre>
 */
final class PdfFile {
  @Option(
      names = "--pdf",
      required = true,
      paramLabel = "FILE",
      description = "The PDF to write; a file already there is never replaced.")
  Path pdf;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "The person's language: fr, fr-x-falc, en, ar, pt, tr, es, ro, ht (default: fr).",
      defaultValue = "fr")
  String lang;

  /** The person's language, or empty after saying on {@code err} that it is unknown. */
  Optional<Language> language(PrintWriter err) {
    Optional<Language> language = Language.fromTag(lang);
    if (language.isEmpty()) {
      err.println("Unknown language '" + lang + "': use one of " + Language.tags() + ".");
    }
    return language;
  }

  /** Whether a file is already there (said on {@code err}): nothing is written over it. */
  boolean taken(PrintWriter err) {
    if (Files.exists(pdf)) {
      err.println("The file " + pdf + " already exists: it is not replaced. Give another name.");
      return true;
    }
    return false;
  }

  /** Writes the paper, unless a file is there; false after saying why on {@code err}. */
  boolean write(byte[] paper, PrintWriter err) {
    try {
      Files.write(pdf, paper, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      return !taken(err);
    } catch (IOException e) {
      err.println("Cannot write " + pdf + ": " + e.getMessage());
      return false;
    }
  }
}
