package fr.guichet.sandbox;

import fr.guichet.domain.Scope;
import java.time.Instant;
import java.util.Set;

/** A live delegation checked for a request: for whom, under which consent, which scopes. */
record Grant(String delegationId, String consentId, String personId, Set<Scope> scopes, Instant expiresAt) {}
