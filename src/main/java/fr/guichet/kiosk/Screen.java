package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;

/**
 * One step of the kiosk: a pure state machine, {@code state + key -> state} and {@code state ->
 * view}. Calls to the API happen through the {@link Kiosk} passed in.
 */
sealed interface Screen
    permits LoginScreen,
        IdentifyScreen,
        ConsentScreen,
        AccountScreen,
        EndedScreen,
        HelpScreen,
        LanguageScreen,
        LegendScreen,
        StillThereScreen,
        ForWhomScreen,
        ActionScreen,
        DocumentsScreen,
        QrScreen,
        ProfileConsentScreen,
        ProfileHubScreen,
        ProfileQuestionScreen,
        ProfileReviewScreen,
        ProfileConflictScreen,
        CaregiversScreen,
        JournalScreen {

  View view(Kiosk kiosk, Messages m);

  Screen onKey(Key key, Kiosk kiosk);

  /** The bundle key prefix of this screen's help text ({@code help.<topic>}). */
  String helpTopic();

  /**
   * Whether something of a person is on this screen before any sitting exists (typed identification
   * details): the inactivity watch then clears it too.
   */
  default boolean holdsPersonData() {
    return false;
  }
}
