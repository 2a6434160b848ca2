package fr.guichet.print;

/**
 * A document that could not be delivered (no printer, spooler refused, disk full), with the i18n
 * key of the sentence that says so and what to do instead.
 */
public final class PrintFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String messageKey;

  public PrintFailure(String messageKey, String detail, Throwable cause) {
    super(detail, cause);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
