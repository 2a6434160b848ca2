package fr.guichet.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a receipt is the receipt of: one name per kind on the wire ({@code record-opposition}), and
 * for each action on a space its one kind, so that the server that signs, the paper, the screen and
 * the command line all say the same thing of it. An unknown kind (from a newer server) is {@link
 * #UNKNOWN}, never an exception.
 *
 * <pre>{@code
 * ReceiptKind.fromWire(receipt.kind());          // ReceiptKind.RECORD_OPPOSITION
 * ReceiptKind.forAction("CLOSE").wire();          // "close"
 * ReceiptKind.RECORD_OPPOSITION.action();         // Optional["RECORD_OPPOSITION"]
 * }</pre>
 */
public enum ReceiptKind {
  /** What the person allowed, to whom, until when. */
  CONSENT("consent", null),
  /** The state of a space on a day (the status sheet's QR code). */
  ACCOUNT_STATUS("account-status", null),
  /** Every section of a medical profile on a day, its version and its content's hash. */
  PROFILE_STATEMENT("profile-statement", null),
  RECORD_OPPOSITION("record-opposition", "RECORD_OPPOSITION"),
  WITHDRAW_OPPOSITION("withdraw-opposition", "WITHDRAW_OPPOSITION"),
  CREATE_ON_REQUEST("create-on-request", "CREATE_ON_REQUEST"),
  ACTIVATE("activate", "ACTIVATE"),
  CLOSE("close", "CLOSE"),
  REQUEST_DELETION("request-deletion", "REQUEST_DELETION"),
  REOPEN("reopen", "REOPEN"),
  CAREGIVER_ADDED("caregiver-added", null),
  CAREGIVER_REMOVED("caregiver-removed", null),
  PROFILE_UPDATE("profile-update", null),
  /** A parent invited the other parent to share a child's profile. */
  SHARE_INVITED("share-invited", null),
  SHARE_ACCEPTED("share-accepted", null),
  SHARE_REFUSED("share-refused", null),
  /** A share of a child's profile ended (by the parent who manages it). */
  SHARE_ENDED("share-ended", null),
  /** A kind this client does not know. */
  UNKNOWN("unknown", null);

  private final String wire;
  private final String action;

  ReceiptKind(String wire, String action) {
    this.wire = wire;
    this.action = action;
  }

  /** The name in a receipt's payload and in {@link Receipt#kind()}. */
  public String wire() {
    return wire;
  }

  /** The action on a space this receipt proves, as the wire names it ({@code CLOSE}). */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  public static ReceiptKind fromWire(String wire) {
    return Arrays.stream(values())
        .filter(k -> k != UNKNOWN && k.wire.equals(wire))
        .findFirst()
        .orElse(UNKNOWN);
  }

  /** The kind of the receipt of an action on a space ({@code RECORD_OPPOSITION}). */
  public static ReceiptKind forAction(String action) {
    return Arrays.stream(values())
        .filter(k -> action.equals(k.action))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No receipt for the action " + action));
  }
}
