package fr.guichet.contract;

/**
 * Closing a space, with or without the request to delete its data (carried out within 3 months).
 */
public record ClosureRequest(boolean withDeletion) {}
