package fr.guichet.kiosk;

import fr.guichet.contract.ProfileSection;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.forms.SectionMerge;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The section changed on the server between reading and sending (the person wrote at home, or
 * another counter did): both versions side by side, in the person's words, and their choice. Keep
 * what the server holds (nothing is sent); keep their answers or put both together, each read back
 * again before it is sent on top of the new version; or do nothing now. Never a silent overwrite.
 *
 * <pre>{@code
 * new ProfileConflictScreen(review, currentVersion, currentContent, null);
 * }</pre>
 *
 * @param theirs what the server holds now, at {@code version}
 */
record ProfileConflictScreen(
    ProfileReviewScreen review, long version, SectionContent theirs, Say notice) implements Screen {

  /** Lines of each version shown at most (the rest is said to be there). */
  static final int MAX_LINES = 5;

  SectionContent merged() {
    ProfileQuestionScreen q = review.questions();
    return SectionMerge.merge(q.form(), q.base(), review.content(), theirs);
  }

  private boolean mergeHelps() {
    SectionContent merged = merged();
    return !merged.equals(theirs) && !merged.equals(review.content());
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    SectionForm form = review.questions().form();
    List<String> lines = new ArrayList<>();
    lines.add(m.text("profile.conflict.intro"));
    lines.add(m.text("profile.conflict.theirs"));
    lines.addAll(clip(ReadBack.lines(form, theirs, m), m));
    lines.add(m.text("profile.conflict.mine"));
    lines.addAll(clip(ReadBack.lines(form, review.content(), m), m));
    List<View.Tile> tiles = new ArrayList<>();
    tiles.add(new View.Tile("1", Pictogram.SEE.symbol(), m.text("profile.conflict.keep-theirs")));
    tiles.add(new View.Tile("2", Pictogram.NO.symbol(), m.text("profile.conflict.cancel")));
    tiles.add(
        new View.Tile("3", ProfilePictogram.NOTE.symbol(), m.text("profile.conflict.keep-mine")));
    if (mergeHelps()) {
      tiles.add(
          new View.Tile("4", ProfilePictogram.ADD.symbol(), m.text("profile.conflict.merge")));
    }
    return View.titled(m.text("profile.conflict.title"))
        .forWhom(review.questions().profile().forWhom(m))
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, false))
        .build();
  }

  private static List<String> clip(List<String> lines, Messages m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i == MAX_LINES - 1 && lines.size() > MAX_LINES) {
        out.add(
            "  " + m.text("profile.conflict.more", java.util.Map.of("count", lines.size() - i)));
        break;
      }
      out.add("  " + lines.get(i));
    }
    return out;
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    ProfileQuestionScreen q = review.questions();
    MedicalProfile p = q.profile();
    int index = MedicalProfile.forms().forms().indexOf(q.form());
    switch (key.digit()) {
      case 1 -> {
        MedicalProfile now =
            p.withSection(
                new ProfileSection(
                    q.form().section(), version, theirs.toJson(q.form()), null, null));
        return new ProfileHubScreen(now, index, Say.info("profile.conflict.kept"));
      }
      case 2 -> { // ✗: nothing now, as "no" on every screen
        return new ProfileHubScreen(p, index, Say.info("profile.left"));
      }
      case 3 -> {
        return ProfileReviewScreen.of(
            q.rebased(version, theirs, review.content()), review.content());
      }
      case 4 -> {
        if (!mergeHelps()) {
          return this;
        }
        SectionContent merged = merged();
        return ProfileReviewScreen.of(q.rebased(version, theirs, merged), merged);
      }
      default -> {
        return key.kind() == Key.Kind.ESCAPE
            ? new ProfileHubScreen(p, index, Say.info("profile.left"))
            : this;
      }
    }
  }

  @Override
  public String helpTopic() {
    return "profile.conflict";
  }
}
