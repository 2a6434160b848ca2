package fr.guichet.sandbox;

import fr.guichet.domain.ActingAs;
import fr.guichet.domain.Scope;
import java.time.Instant;
import java.util.Set;

/**
 * A live delegation checked for a request: for whom, in whose right, under which consent and
 * identification, which scopes.
 */
record Grant(
    String delegationId,
    String consentId,
    String personId,
    ActingAs actingAs,
    String identificationId,
    Set<Scope> scopes,
    Instant expiresAt) {}
