package fr.guichet.forms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a section stands: never written, answered, "not concerned" (with the day it was said:
 * distinct from not filled in yet), or "I don't know".
 */
public enum Status {
  EMPTY,
  FILLED,
  NOT_CONCERNED,
  UNKNOWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<Status> of(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
