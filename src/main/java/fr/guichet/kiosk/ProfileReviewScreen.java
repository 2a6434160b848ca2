package fr.guichet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read-back: the section as it will be sent, said in the person's language, before anything
 * leaves the kiosk. Key 1 sends it with {@code If-Match} (the version the answers started from) and
 * an idempotency key made when the review opened, so that pressing 1 again after a network failure
 * never writes twice; if the section changed on the server meanwhile, the server refuses and both
 * versions are shown ({@link ProfileConflictScreen}): nothing is ever overwritten silently. An
 * answer the server's own check refuses (a 422 with a pointer to it) is shown at its question, with
 * why.
 *
 * <pre>{@code
 * Screen review = ProfileReviewScreen.of(questions, draft);
 * }</pre>
 *
 * @param questions where "change" goes back to
 * @param content exactly what is sent (and what the lines say)
 * @param idempotency made when the review opened, reused by every retry of the same sending
 */
record ProfileReviewScreen(
    ProfileQuestionScreen questions, SectionContent content, RequestKey idempotency, Say notice)
    implements Screen {

  static ProfileReviewScreen of(ProfileQuestionScreen questions, SectionContent content) {
    return new ProfileReviewScreen(questions, content, RequestKey.random(), null);
  }

  /** The lines the person reads: those of {@link ReadBack}, exactly. */
  List<String> readBack(Messages m) {
    return ReadBack.lines(questions.form(), content, m);
  }

  @Override
  public View view(Kiosk kiosk, Messages m) {
    List<String> lines = new ArrayList<>();
    lines.add(m.text("profile.review.intro"));
    readBack(m).forEach(l -> lines.add("  " + l));
    List<View.Tile> tiles =
        List.of(
            new View.Tile("1", ProfilePictogram.SEND.symbol(), m.text("profile.review.send")),
            new View.Tile("2", Pictogram.NO.symbol(), m.text("profile.review.cancel")),
            new View.Tile("3", Pictogram.BACK.symbol(), m.text("profile.review.change")));
    return View.titled(
            m.text("profile.review.title", Map.of("section", m.text(questions.form().titleKey()))))
        .forWhom(questions.profile().forWhom(m))
        .lines(lines)
        .tiles(tiles)
        .say(notice, m)
        .hints(kiosk.hints(m, false))
        .build();
  }

  @Override
  public Step onKey(Key key, Kiosk kiosk) {
    if (key.digit() == 3 || key.kind() == Key.Kind.ESCAPE) {
      return questions;
    }
    if (key.digit() == 2) { // 2 ✗: no, as on every screen
      MedicalProfile p = questions.profile();
      return new ProfileHubScreen(
          p.seen(questions.form().section()),
          MedicalProfile.forms().forms().indexOf(questions.form()),
          Say.info("profile.left"));
    }
    if (key.digit() != 1) {
      return this;
    }
    MedicalProfile p = questions.profile();
    String section = questions.form().section();
    MediatorSession me = kiosk.mediator();
    long version = questions.baseVersion();
    JsonNode written = content.toJson(questions.form());
    ProfileReviewScreen sending = new ProfileReviewScreen(questions, content, idempotency, null);
    return Step.of(
        sending,
        Effect.Call.confirmed(
            idempotency,
            (server, requestKey) ->
                server.writeProfileSection(
                    me, p.delegation(), section, version, written, requestKey),
            done -> sent(p.sent(done), done),
            sending::refused));
  }

  /** The server holds the section now: back to the sections, the next one to fill in first. */
  private static Screen sent(MedicalProfile after, ProfileSection written) {
    int next = new ProfileHubScreen(after, 0, null).next();
    return new ProfileHubScreen(
        after,
        Math.max(next, 0),
        Say.success(
            "profile.sent",
            Map.of("id", written.receipt() == null ? "" : written.receipt().receiptId())));
  }

  /**
   * Refused: if the section changed on the server meanwhile, both versions are shown; otherwise the
   * refusal is said here.
   */
  private Screen refused(Problem problem) {
    if (problem.errors() != null && !problem.errors().isEmpty()) {
      Screen wrong = questions.at(problem.errors().get(0), content);
      if (wrong != null) {
        return wrong; // the answer the server refuses, at its question, with why
      }
    }
    if ("profile-changed".equals(problem.slug())) {
      JsonNode current = Json.mapper().valueToTree(problem.params().get("current"));
      long version = ((Number) problem.params().getOrDefault("currentVersion", 0)).longValue();
      return new ProfileConflictScreen(
          this, version, SectionContent.of(questions.form(), current), null);
    }
    return new ProfileReviewScreen(questions, content, idempotency, Say.problem(problem));
  }

  @Override
  public String helpTopic() {
    return "profile.review";
  }
}
