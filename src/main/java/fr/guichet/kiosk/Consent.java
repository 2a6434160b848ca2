package fr.guichet.kiosk;

import fr.guichet.contract.ActingKind;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Problem;
import fr.guichet.domain.Scope;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the person allows, for this sitting only: the scopes, said in their words with their
 * pictograms, the text version they were shown, and how it is granted: the first delegation of the
 * sitting, the medical profile assistant's own, or the sitting's delegation widened by one scope
 * (the old one revoked). The one place a consent is worded and recorded: the {@link ConsentScreen}
 * asks it (account, profile, documents, journal), and the read-backs of an action or of a caregiver
 * change fold it into the mediator's attestation.
 *
 * <pre>{@code
 * Consent c = Consent.widening(Scope.SHARING_MANAGE, "consent-caregivers-v1");
 * lines.addAll(c.terms(m));                               // what, for how long
 * Effect call = c.record(kiosk, d -> next(d), this::refused); // the consent, then next
 * }</pre>
 *
 * @param version the version of the text shown, recorded with the consent
 */
record Consent(List<Scope> scopes, String version, Grant grant) {
  /** How long a consent lasts: this sitting only. */
  static final int MINUTES = 30;

  /** How the consent becomes a delegation. */
  enum Grant {
    /** The first delegation of the sitting. */
    OPEN,
    /** The medical profile assistant's own delegation, beside the sitting's. */
    PROFILE,
    /** The sitting's delegation, widened: a new one with every scope so far and these. */
    WIDEN
  }

  static final Consent ACCOUNT =
      new Consent(List.of(Scope.ACCOUNT_READ), "consent-account-read-v1", Grant.OPEN);

  static final Consent PROFILE =
      new Consent(
          List.of(Scope.PROFILE_READ, Scope.PROFILE_WRITE), "consent-profile-v1", Grant.PROFILE);

  static final Consent DOCUMENTS = widening(Scope.DOCUMENTS_READ, "consent-documents-v1");

  static final Consent JOURNAL = widening(Scope.JOURNAL_READ, "consent-journal-v1");

  Consent {
    scopes = List.copyOf(scopes);
  }

  /** One more scope for the rest of the sitting. */
  static Consent widening(Scope scope, String version) {
    return new Consent(List.of(scope), version, Grant.WIDEN);
  }

  /** Whether the sitting's delegation already allows all of it (then nothing is asked). */
  boolean given(Sitting sitting) {
    return scopes.stream().allMatch(s -> sitting.hasScope(s.wire()));
  }

  /**
   * Whether a tutor is about to be allowed to change something in the protected person's name: then
   * the person's opinion must have been asked first (L.1111-14), which the tutor says ({@link
   * OpinionScreen}) before this consent is recorded.
   */
  boolean needsOpinion(Sitting sitting) {
    return sitting.actingKind() == ActingKind.GUARDIANSHIP
        && scopes.stream().anyMatch(Scope::changes)
        && !given(sitting);
  }

  /** What the person allows, one line a scope with its pictogram, then for how long. */
  List<String> terms(Messages m) {
    List<String> lines = new ArrayList<>();
    for (Scope s : scopes) {
      lines.add("  " + symbol(s) + " " + m.text(words(s)));
    }
    lines.add(m.text("consent.duration", Map.of("minutes", MINUTES)));
    return lines;
  }

  /**
   * Under a read-back, when the sitting lacks the scope: the terms, and the mediator asked to
   * attest the person's yes (given on the screen before), which is the consent.
   */
  List<String> attested(Messages m) {
    List<String> lines = terms(m);
    lines.add(m.text("consent.attest", Map.of()));
    return lines;
  }

  /**
   * What a read-back ends with, before the mediator confirms it: a tutor's word that the protected
   * person's opinion was asked, then, when the sitting lacks this consent, its terms and the
   * mediator's attestation asked.
   */
  List<String> underReadBack(Sitting sitting, Messages m) {
    List<String> lines = new ArrayList<>();
    if (needsOpinion(sitting)) {
      lines.add(m.text("receipt.opinion-asked"));
    }
    if (!given(sitting)) {
      lines.addAll(attested(m));
    }
    return lines;
  }

  private static String symbol(Scope scope) {
    return switch (scope) {
      case PROFILE_WRITE -> ProfilePictogram.NOTE.symbol();
      case SHARING_MANAGE -> Pictogram.CAREGIVER.symbol();
      default -> Pictogram.SEE.symbol();
    };
  }

  /** The words of a scope: the consent's own where the screen has long said them so. */
  private static String words(Scope scope) {
    return switch (scope) {
      case ACCOUNT_READ -> "consent.scope.account-read";
      case PROFILE_READ -> "profile.consent.scope.read";
      case PROFILE_WRITE -> "profile.consent.scope.write";
      default -> "scope." + scope.wire().replace(':', '-');
    };
  }

  /**
   * What the mediator's confirmation of a read-back does: with this consent in the sitting already,
   * {@code send} with the sitting's delegation; else this consent first (the mediator's attestation
   * of the person's yes), {@code sending} on screen meanwhile, then {@code send} with the new one.
   */
  Step thenSend(
      Kiosk kiosk,
      Screen sending,
      Function<Delegation, Step> send,
      Function<Problem, Step> refused) {
    return given(kiosk.sitting())
        ? send.apply(kiosk.sitting().delegation())
        : Step.of(sending, record(kiosk, send, refused));
  }

  /**
   * The call that records the person's consent (they said yes, the mediator attested they are
   * present), revokes the delegation it replaces, and what it leads to: the sitting takes the new
   * delegation, then {@code then} with the delegation to use.
   */
  Effect.Call<Delegation> record(
      Kiosk kiosk, Function<Delegation, Step> then, Function<Problem, Step> refused) {
    Sitting s = kiosk.sitting();
    Set<String> wire = new LinkedHashSet<>();
    if (grant == Grant.WIDEN) {
      wire.addAll(s.delegation().scopes());
    }
    scopes.forEach(scope -> wire.add(scope.wire()));
    // A tutor is only ever given a scope that changes something after saying the protected person's
    // opinion was asked: each consent that carries one says so again.
    boolean tutorChanges =
        s.actingKind() == ActingKind.GUARDIANSHIP
            && wire.stream().anyMatch(w -> Scope.fromWire(w).map(Scope::changes).orElse(false));
    ConsentRequest request =
        new ConsentRequest(
                s.person().identificationId(),
                s.target() == null ? null : s.target().personId(),
                List.copyOf(wire),
                MINUTES,
                kiosk.language().tag(),
                version,
                true,
                true,
                tutorChanges ? Boolean.TRUE : null)
            .at(kiosk.clock().getZone());
    var me = kiosk.mediator();
    List<Delegation> replaced =
        switch (grant) {
          case OPEN -> s.before() == null ? List.of() : s.before().delegations(); // another space
          case PROFILE -> s.profile() == null ? List.of() : List.of(s.profile()); // one at a time
          case WIDEN -> List.of(s.delegation());
        };
    return Effect.Call.send(
        (server, key) -> {
          Delegation d = server.consent(me, request, key);
          for (Delegation old : replaced) {
            try {
              server.revoke(me, old, RequestKey.random());
            } catch (ServerProblem e) {
              // It expires within the hour anyway, and the new delegation is the one in use.
            }
          }
          return d;
        },
        d ->
            Step.doing(
                List.of(
                    new Effect.ChangeSitting(
                        switch (grant) {
                          case OPEN -> t -> t.opened(d);
                          case PROFILE -> t -> t.withProfile(d);
                          case WIDEN -> t -> t.withDelegation(d);
                        })),
                then.apply(d)),
        refused);
  }
}
