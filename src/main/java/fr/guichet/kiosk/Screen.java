package fr.guichet.kiosk;

import fr.guichet.i18n.Messages;
import java.util.List;

/**
 * One screen of the kiosk: a pure state machine, {@code state + key -> step} and {@code state ->
 * view}. A screen only decides: what it needs done (ask the server, print, end the sitting) it
 * returns as {@link Effect}s of its {@link Step}, and the {@link Kiosk} does it; an answer from the
 * server comes back as the step the screen said it leads to. It reads the kiosk passed in (the
 * sitting, the clock, the languages), never changes it.
 */
sealed interface Screen extends Step
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
        ProfileHubScreen,
        ProfileQuestionScreen,
        ProfileReviewScreen,
        ProfileConflictScreen,
        CaregiversScreen,
        JournalScreen,
        WaitScreen,
        OpinionScreen,
        ShareScreen {

  View view(Kiosk kiosk, Messages m);

  Step onKey(Key key, Kiosk kiosk);

  /** A screen is a step that asks for nothing more. */
  @Override
  default Screen screen() {
    return this;
  }

  @Override
  default List<Effect> effects() {
    return List.of();
  }

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
