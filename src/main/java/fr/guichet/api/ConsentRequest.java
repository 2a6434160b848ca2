package fr.guichet.api;

import java.util.List;

/**
 * What the person agreed to, in which language and text version, for how long; and the
 * mediator's attestation that the person is present.
 */
public record ConsentRequest(
    String identificationId,
    List<String> scopes,
    int durationMinutes,
    String language,
    String textVersion,
    boolean personConfirmed,
    boolean mediatorAttestsPresence) {}
