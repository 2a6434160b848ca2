package fr.guichet.contract;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of a person's journal: who did what, for whom, under which consent, with what outcome;
 * {@code hash} chains it to the line before, and {@code signedHead} is the server's signed
 * statement that the chain stood at this line with this hash (a receipt {@code guichet receipt
 * verify} accepts): a printed copy lets the person prove later that the line existed.
 *
 * <pre>{@code
 * List<JournalEntry> entries = api.journal(session, delegation); // oldest first
 * JournalEntry.firstBreak(entries);  // empty when every line is linked to the one before
 * entries.get(0).actorName();        // "Camille Bernard"
 * }</pre>
 *
 * @param signedHead null from a server that does not sign its journal
 */
public record JournalEntry(
    long seq,
    Instant at,
    String actor,
    String structure,
    String consentId,
    String action,
    String outcome,
    String detail,
    String previousHash,
    String hash,
    String signedHead) {

  /** A line without a signed head. */
  public JournalEntry(
      long seq,
      Instant at,
      String actor,
      String structure,
      String consentId,
      String action,
      String outcome,
      String detail,
      String previousHash,
      String hash) {
    this(seq, at, actor, structure, consentId, action, outcome, detail, previousHash, hash, null);
  }

  /**
   * Whether the server did what was asked ({@code OK}); otherwise it refused ({@code REFUSED
   * <why>}).
   */
  public boolean done() {
    return outcome != null && outcome.startsWith("OK");
  }

  /**
   * The name inside the actor: "mediator:m-camille (Camille Bernard)" → "Camille Bernard"; else the
   * actor as is.
   */
  public String actorName() {
    int open = actor.indexOf('(');
    return open >= 0 && actor.endsWith(")") ? actor.substring(open + 1, actor.length() - 1) : actor;
  }

  /**
   * What a client can check of a journal it was given whole, oldest first: it starts at line 1, the
   * lines are numbered without a gap, and each line's {@code previousHash} is the {@code hash} of
   * the line before. Returns the number of the first line where that does not hold, or empty. It
   * does not recompute the hashes (the server's {@code guichet journal verify} does): a line
   * rewritten together with every line after it is not seen here.
   */
  public static OptionalLong firstBreak(List<JournalEntry> oldestFirst) {
    JournalEntry before = null;
    for (JournalEntry e : oldestFirst) {
      boolean linked =
          before == null
              ? e.seq() == 1
              : e.seq() == before.seq() + 1
                  && before.hash() != null
                  && before.hash().equals(e.previousHash());
      if (!linked) {
        return OptionalLong.of(e.seq());
      }
      before = e;
    }
    return OptionalLong.empty();
  }
}
