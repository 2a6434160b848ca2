package fr.guichet.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * One thing a delegation allows, named as in the API ({@code account:read}...).
 *
 * <p>A person consents to a set of scopes for one sitting; every route checks that the delegation
 * it is called with carries the scope it needs.
 *
 * <pre>{@code
 * Scope.fromWire("account:read").orElseThrow(); // Scope.ACCOUNT_READ
 * }</pre>
 */
public enum Scope {
  ACCOUNT_READ("account:read", false),
  ACCOUNT_ACTIVATE("account:activate", true),
  OPPOSITION_WRITE("opposition:write", true),
  RECORD_CLOSE("record:close", true),
  DOCUMENTS_READ("documents:read", false),
  PROFILE_READ("profile:read", false),
  PROFILE_WRITE("profile:write", true),
  JOURNAL_READ("journal:read", false),
  SHARING_MANAGE("sharing:manage", true);

  private final String wire;
  private final boolean changes;

  Scope(String wire, boolean changes) {
    this.wire = wire;
    this.changes = changes;
  }

  /** Whether it lets the mediator change something in the person's name (not only look). */
  public boolean changes() {
    return changes;
  }

  /** The name used in the API and in consent records. */
  public String wire() {
    return wire;
  }

  /** The scope with this API name, if there is one. */
  public static Optional<Scope> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }
}
