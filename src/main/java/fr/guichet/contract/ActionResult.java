package fr.guichet.contract;

/** The space after an action, and the signed receipt of the action. */
public record ActionResult(AccountStatus account, Receipt receipt) {}
