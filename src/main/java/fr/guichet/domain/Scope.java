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
  ACCOUNT_READ("account:read"),
  ACCOUNT_ACTIVATE("account:activate"),
  OPPOSITION_WRITE("opposition:write"),
  RECORD_CLOSE("record:close"),
  DOCUMENTS_READ("documents:read"),
  PROFILE_READ("profile:read"),
  PROFILE_WRITE("profile:write"),
  JOURNAL_READ("journal:read"),
  SHARING_MANAGE("sharing:manage");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
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
