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
 * @param zone the counter's time zone ({@code Europe/Paris}, {@code America/Cayenne}), or null: the
 *     server writes it, like the language, in every receipt of this consent, so that the paper and
 *     the verification page give the person the same times as the counter's clock
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
    Boolean personOpinionAsked,
    String zone) {

  /**
   * Without the protected person's opinion (anyone but a tutor about to change something) and
   * without the counter's zone (the server's own zone is used).
   */
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

  /** A consent that says whether the protected person's opinion was asked (see the tutor). */
  public ConsentRequest(
      String identificationId,
      String forPersonId,
      List<String> scopes,
      int durationMinutes,
      String language,
      String textVersion,
      boolean personConfirmed,
      boolean mediatorAttestsPresence,
      Boolean personOpinionAsked) {
    this(
        identificationId,
        forPersonId,
        scopes,
        durationMinutes,
        language,
        textVersion,
        personConfirmed,
        mediatorAttestsPresence,
        personOpinionAsked,
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

  /** The same consent, given at a counter in {@code zone}. */
  public ConsentRequest at(java.time.ZoneId counter) {
    return new ConsentRequest(
        identificationId,
        forPersonId,
        scopes,
        durationMinutes,
        language,
        textVersion,
        personConfirmed,
        mediatorAttestsPresence,
        personOpinionAsked,
        counter.getId());
  }
}
