package fr.guichet.contract;

/** A mediator's login: their own account, password and the current TOTP code. */
public record LoginRequest(String login, String password, String totp) {
  @Override
  public String toString() {
    return "LoginRequest[login=" + login + "]";
  }
}
