package fr.guichet.domain;

/** What can be done on a space, each action guarded by the scope a delegation must carry. */
public enum AccountAction {
  RECORD_OPPOSITION(Scope.OPPOSITION_WRITE),
  WITHDRAW_OPPOSITION(Scope.OPPOSITION_WRITE),
  CREATE_ON_REQUEST(Scope.OPPOSITION_WRITE),
  ACTIVATE(Scope.ACCOUNT_ACTIVATE),
  CLOSE(Scope.RECORD_CLOSE),
  REQUEST_DELETION(Scope.RECORD_CLOSE),
  REOPEN(Scope.RECORD_CLOSE);

  private final Scope requiredScope;

  AccountAction(Scope requiredScope) {
    this.requiredScope = requiredScope;
  }

  /** The scope a delegation needs to perform this action. */
  public Scope requiredScope() {
    return requiredScope;
  }
}
