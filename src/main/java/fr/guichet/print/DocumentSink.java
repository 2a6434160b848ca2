package fr.guichet.print;

/**
 * Where finished documents go: a printer, or a file when someone asked for one. Documents are built
 * in memory; only a sink writes anything.
 *
 * <pre>{@code
 * DocumentSink sink = new FileSink(Path.of("out"));
 * Delivery d = sink.deliver("fiche.pdf", pdfBytes);
 * }</pre>
 */
public interface DocumentSink {
  Delivery deliver(String fileName, byte[] pdf) throws PrintFailure;

  /**
   * The sitting is over: forget what it produced. Returns the files that stay on this computer
   * because someone chose to keep them, so that the screen can say so.
   */
  default java.util.List<String> endSitting() {
    return java.util.List.of();
  }
}
