package fr.guichet.sandbox;

/** The mediator behind a request, from a live session. */
record Principal(String mediatorId, String structureId, String sessionHash, String displayName) {}
