package fr.guichet.sandbox;

/** The mediator behind a request, from a live session: who, in which structure, with which role. */
record Principal(
    String mediatorId,
    String structureId,
    String structureName,
    String sessionHash,
    String displayName,
    String role) {
  static final String STRUCTURE_MANAGER = "STRUCTURE_MANAGER";
  static final String OPERATOR = "OPERATOR";
}
