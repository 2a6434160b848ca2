package fr.guichet.contract;

/** Reads a wire string as one of an enum's names, or its fallback: the wire enums share this. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(Class<E> type, String wire, E fallback) {
    if (wire != null) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(wire)) {
          return e;
        }
      }
    }
    return fallback;
  }
}
