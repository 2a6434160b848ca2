package fr.guichet.contract;

import java.util.List;

/**
 * What the person agreed to, for whom, in which language and text version, for how long; and the
 * mediator's attestation that the person is present.
 *
 * @param forPersonId the person whose space this is about: null for the identified person themself,
 *     or one of {@link Identification#represents()}
 * @param personOpinionAsked for a tutor (tutelle), that the protected person's opinion was asked
 *     before anything is changed in their name; null when it does not apply
 */
public record ConsentRequest(
    String identificationId,
    String forPersonId,
    List<String> scopes,
    int durationMinutes,
    String language,
    String textVersion,
    boolean personConfirmed,
    boolean mediatorAttestsPresence,
    Boolean personOpinionAsked) {

  /** Without the protected person's opinion: anyone but a tutor about to change something. */
  public ConsentRequest(
      String identificationId,
      String forPersonId,
      List<String> scopes,
      int durationMinutes,
      String language,
      String textVersion,
      boolean personConfirmed,
      boolean mediatorAttestsPresence) {
    this(
        identificationId,
        forPersonId,
        scopes,
        durationMinutes,
        language,
        textVersion,
        personConfirmed,
        mediatorAttestsPresence,
        null);
  }

  /** A consent for the identified person's own space. */
  public static ConsentRequest forSelf(
      String identificationId,
      List<String> scopes,
      int minutes,
      String language,
      String textVersion) {
    return new ConsentRequest(
        identificationId, null, scopes, minutes, language, textVersion, true, true);
  }
}
