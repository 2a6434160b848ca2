package fr.guichet.contract;

import java.time.Instant;

/** A logged-in mediator: an opaque bearer token that expires after inactivity, and who they are. */
public record MediatorSession(
    String token, Instant expiresAt, String mediatorName, String structureName, String role) {
  @Override
  public String toString() {
    return "MediatorSession[" + mediatorName + " @ " + structureName + "]";
  }
}
