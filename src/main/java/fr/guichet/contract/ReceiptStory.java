package fr.guichet.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a signed receipt says, as sentences any client writes in its reader's language: its title,
 * for whom, when and with whom it was done, what happened, and how to undo it and until when. The
 * one reading of a receipt, shared by the paper, the screen, the command line and the server's
 * verification page, so that they never disagree; everything comes from the signed payload.
 *
 * <p>Like a {@link Problem}, a sentence is a bundle key and its parameters; dates are {@link
 * LocalDate}s and times {@link ZonedDateTime}s in the counter's zone, which the i18n messages write
 * in each language ({@code Messages.text(key, params)}).
 *
 * <pre>{@code
 * ReceiptStory story = ReceiptStory.of(receipt, ZoneId.systemDefault());
 * for (ReceiptStory.Sentence s : story.undo()) {
 *   out.println(messages.text(s.key(), s.params())); // "Vous pouvez annuler ce refus jusqu’au …"
 * }
 * }</pre>
 *
 * @param zone the zone its times are written in: the counter's, as the consent recorded it, else
 *     the zone given
 * @param actingAs who acted for the person (a representative, a caregiver), or null
 * @param when when it was done, and with whom
 * @param happened what happened, or what the receipt states
 * @param undo how to undo it, and until when (empty when nothing can be undone)
 */
public record ReceiptStory(
    ReceiptKind kind,
    String receiptId,
    ZoneId zone,
    Sentence title,
    Sentence forWhom,
    Sentence actingAs,
    Sentence when,
    List<Sentence> happened,
    List<Sentence> undo) {

  /** How a sentence stands on a page or a screen. */
  public enum Level {
    /** The title of what follows. */
    HEADING,
    LINE,
    /** One item of the list under a heading. */
    ITEM
  }

  /** A bundle key and its parameters, like a problem's {@code messageKey} and {@code params}. */
  public record Sentence(String key, Map<String, Object> params, Level level) {
    public Sentence {
      params = Map.copyOf(params);
    }

    static Sentence line(String key, Map<String, Object> params) {
      return new Sentence(key, params, Level.LINE);
    }

    static Sentence line(String key) {
      return line(key, Map.of());
    }
  }

  public ReceiptStory {
    happened = List.copyOf(happened);
    undo = List.copyOf(undo);
  }

  /** The story of a receipt; {@code counter} is the zone of its times when the receipt has none. */
  public static ReceiptStory of(Receipt receipt, ZoneId counter) {
    return of(receipt.payload(), counter);
  }

  /** The story of a receipt's decoded payload (what a verifier gives back). */
  public static ReceiptStory of(Map<String, Object> payload, ZoneId counter) {
    Facts facts = new Facts(payload, counter);
    ReceiptKind kind = ReceiptKind.fromWire(facts.text("kind"));
    List<Sentence> happened = new ArrayList<>();
    List<Sentence> undo = new ArrayList<>();
    switch (kind) {
      case CONSENT -> {
        happened.add(new Sentence("receipt.consent.allowed", Map.of(), Level.HEADING));
        if (payload.get("scopes") instanceof List<?> scopes) {
          scopes.forEach(
              s -> happened.add(new Sentence(scopeKey(String.valueOf(s)), Map.of(), Level.ITEM)));
        }
        ZonedDateTime until = facts.time("until");
        if (until != null) {
          happened.add(
              Sentence.line(
                  "receipt.consent.until", Map.of("date", until.toLocalDate(), "time", until)));
        }
        undo.add(Sentence.line("receipt.consent.stop"));
      }
      case ACCOUNT_STATUS -> {
        String state = facts.text("state");
        if (state != null) {
          happened.add(new Sentence("state." + state + ".name", Map.of(), Level.HEADING));
          happened.add(Sentence.line("state." + state + ".sentence"));
        }
        facts.date("oppositionDeadline", "account.deadline", happened);
        facts.date("archiveEnd", "account.archive-end", happened);
        facts.date("deletionDue", "account.deletion-due", happened);
      }
      case PROFILE_STATEMENT -> {
        Map<?, ?> sections =
            payload.get("sections") instanceof Map<?, ?> m ? m : Map.<String, Object>of();
        happened.add(new Sentence("receipt.profile-statement.sections", Map.of(), Level.HEADING));
        sections
            .keySet()
            .forEach(
                s -> happened.add(new Sentence("profile." + s + ".title", Map.of(), Level.ITEM)));
      }
      case RECORD_OPPOSITION -> {
        happened.add(Sentence.line("receipt.opposition.done"));
        facts.date("oppositionDeadline", "receipt.undo.withdraw", undo);
      }
      case WITHDRAW_OPPOSITION -> {
        happened.add(Sentence.line("receipt.withdrawal.done"));
        facts.date("oppositionDeadline", "receipt.undo.oppose-again", undo);
      }
      case CLOSE, REQUEST_DELETION -> {
        if (facts.text("deletionDue") != null) {
          facts.date("deletionDue", "account.deletion-due", happened);
          facts.date("deletionDue", "receipt.undo.reopen-before", undo);
        } else {
          facts.date("archiveEnd", "account.archive-end", happened);
          undo.add(Sentence.line("receipt.undo.reopen"));
        }
      }
      case REOPEN -> {
        // What the receipt does not say is not said: no "restored" without the signed fact.
        Object restored = payload.get("dataRestored");
        if (restored instanceof Boolean b) {
          happened.add(
              Sentence.line(b ? "receipt.reopen.restored" : "receipt.reopen.not-restored"));
        }
      }
      case ACTIVATE, CREATE_ON_REQUEST -> {
        String state = facts.text("state");
        if (state != null) {
          happened.add(Sentence.line("state." + state + ".sentence"));
        }
      }
      case CAREGIVER_ADDED, CAREGIVER_REMOVED -> {
        happened.add(
            Sentence.line("receipt.caregiver", Map.of("caregiver", facts.textOr("caregiver", ""))));
        undo.add(Sentence.line("receipt.undo." + kind.wire()));
      }
      case PROFILE_UPDATE ->
          happened.add(
              Sentence.line(
                  "receipt.profile.updated", Map.of("version", facts.textOr("version", ""))));
      case SHARE_INVITED, SHARE_ACCEPTED, SHARE_REFUSED, SHARE_ENDED ->
          happened.add(
              Sentence.line(
                  "receipt.share",
                  Map.of(
                      "child",
                      facts.textOr("child", ""),
                      "secondParent",
                      facts.textOr("secondParent", ""))));
      case UNKNOWN -> {}
    }
    if (Boolean.TRUE.equals(payload.get("personOpinionAsked"))) {
      // A tutor acted: the protected person's opinion was asked first (L.1111-14).
      happened.add(Sentence.line("receipt.opinion-asked"));
    }
    String actingAs = facts.text("actingAs");
    Instant issued = facts.instant("issuedAt");
    ZonedDateTime at = issued == null ? null : issued.atZone(facts.zone);
    Sentence when = null;
    if (at != null) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("date", at.toLocalDate());
      params.put("time", at);
      String mediator = facts.text("mediator");
      if (mediator != null) {
        params.put("mediator", mediator);
        params.put("structure", facts.textOr("structure", ""));
      }
      when = Sentence.line(mediator == null ? "receipt.signed-at" : "receipt.when", params);
    }
    return new ReceiptStory(
        kind,
        facts.textOr("id", ""),
        facts.zone,
        new Sentence("receipt.title." + kind.wire(), Map.of(), Level.HEADING),
        Sentence.line("receipt.for", Map.of("person", facts.textOr("person", ""))),
        actingAs == null || actingAs.equals("SELF")
            ? null
            : Sentence.line("receipt.acting-as." + actingAs),
        when,
        happened,
        undo);
  }

  /**
   * Every sentence after the title, in reading order: for whom, by whom, what, how to undo, when.
   */
  public List<Sentence> all() {
    List<Sentence> all = new ArrayList<>();
    all.add(forWhom);
    if (actingAs != null) {
      all.add(actingAs);
    }
    all.addAll(happened);
    all.addAll(undo);
    if (when != null) {
      all.add(when);
    }
    return all;
  }

  /** The words of a scope in the bundles: {@code account:read} → {@code scope.account-read}. */
  public static String scopeKey(String scope) {
    return "scope." + scope.replace(':', '-');
  }

  /** The payload's values, read leniently: a missing or malformed fact is left out. */
  private static final class Facts {
    final Map<String, Object> payload;
    final ZoneId zone;

    Facts(Map<String, Object> payload, ZoneId counter) {
      this.payload = payload;
      ZoneId recorded = null;
      if (payload.get("zone") instanceof String z) {
        try {
          recorded = ZoneId.of(z);
        } catch (DateTimeException notAZone) {
          // A zone this JDK does not know: the counter's zone says the time instead.
        }
      }
      this.zone = recorded != null ? recorded : counter;
    }

    String text(String key) {
      Object v = payload.get(key);
      return v == null ? null : String.valueOf(v);
    }

    String textOr(String key, String otherwise) {
      String v = text(key);
      return v == null ? otherwise : v;
    }

    Instant instant(String key) {
      try {
        String v = text(key);
        return v == null ? null : Instant.parse(v);
      } catch (DateTimeException malformed) {
        return null;
      }
    }

    ZonedDateTime time(String key) {
      Instant at = instant(key);
      return at == null ? null : at.atZone(zone);
    }

    /** Adds {@code sentenceKey} with the payload's date {@code key}, when it has one. */
    void date(String key, String sentenceKey, List<Sentence> to) {
      try {
        String v = text(key);
        if (v != null) {
          to.add(Sentence.line(sentenceKey, Map.of("date", LocalDate.parse(v))));
        }
      } catch (DateTimeException malformed) {
        // Left out: the paper says only what it can read.
      }
    }
  }
}
