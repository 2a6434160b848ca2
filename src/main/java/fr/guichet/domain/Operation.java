package fr.guichet.domain;

import java.util.Arrays;

/**
 * Everything a delegation can be used for, one per route about a person: the lifecycle actions of
 * the space and the data routes (documents, profile, journal, who has access). Each needs a scope;
 * {@link RuleTable} says who may do it in which state.
 *
 * <pre>{@code
 * Operation.DOWNLOAD_DOCUMENT.scope();             // Scope.DOCUMENTS_READ
 * Operation.of(AccountAction.CLOSE);               // Operation.CLOSE
 * }</pre>
 */
public enum Operation {
  READ_ACCOUNT(Scope.ACCOUNT_READ, null),
  ISSUE_STATUS_STATEMENT(Scope.ACCOUNT_READ, null),
  RECORD_OPPOSITION(Scope.OPPOSITION_WRITE, AccountAction.RECORD_OPPOSITION),
  WITHDRAW_OPPOSITION(Scope.OPPOSITION_WRITE, AccountAction.WITHDRAW_OPPOSITION),
  CREATE_ON_REQUEST(Scope.OPPOSITION_WRITE, AccountAction.CREATE_ON_REQUEST),
  ACTIVATE(Scope.ACCOUNT_ACTIVATE, AccountAction.ACTIVATE),
  CLOSE(Scope.RECORD_CLOSE, AccountAction.CLOSE),
  REQUEST_DELETION(Scope.RECORD_CLOSE, AccountAction.REQUEST_DELETION),
  REOPEN(Scope.RECORD_CLOSE, AccountAction.REOPEN),
  LIST_DOCUMENTS(Scope.DOCUMENTS_READ, null),
  DOWNLOAD_DOCUMENT(Scope.DOCUMENTS_READ, null),
  READ_PROFILE(Scope.PROFILE_READ, null),
  /**
   * A signed statement of every section's version, for the printed summary: a copy, as a download.
   */
  ISSUE_PROFILE_STATEMENT(Scope.PROFILE_READ, null),
  WRITE_PROFILE(Scope.PROFILE_WRITE, null),
  READ_JOURNAL(Scope.JOURNAL_READ, null),
  ADD_CAREGIVER(Scope.SHARING_MANAGE, null),
  REMOVE_CAREGIVER(Scope.SHARING_MANAGE, null),
  /** The parent a child is attached to invites the second legal representative. */
  SHARE_PROFILE(Scope.SHARING_MANAGE, null),
  /** The invited parent accepts or refuses, on their own space. */
  ANSWER_SHARE(Scope.SHARING_MANAGE, null),
  /** The parent a child is attached to ends a share (or withdraws an invitation). */
  END_SHARE(Scope.SHARING_MANAGE, null);

  private final Scope scope;
  private final AccountAction action;

  Operation(Scope scope, AccountAction action) {
    this.scope = scope;
    this.action = action;
  }

  /** The scope a delegation needs for it. */
  public Scope scope() {
    return scope;
  }

  /** The lifecycle action it is, or null for a data route. */
  public AccountAction action() {
    return action;
  }

  /** The operation of a lifecycle action. */
  public static Operation of(AccountAction action) {
    return Arrays.stream(values())
        .filter(o -> o.action == action)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No operation for " + action));
  }
}
