package fr.guichet.print;

/** Where a document went: the printer's name or the file's path. */
public record Delivery(Kind kind, String where) {
  /** Paper, or a file someone chose to write. */
  public enum Kind {
    PRINTER,
    FILE
  }
}
