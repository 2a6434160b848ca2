package fr.guichet.sandbox;

import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.domain.Totp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mediators' logins and sessions: password (PBKDF2) and TOTP second factor, one generic error
 * whatever was wrong, a lockout counted per login typed, sessions that end after inactivity.
 *
 * <pre>{@code
 * MediatorSession s = mediators.login(c, request, audit);
 * Principal p = mediators.authenticate(c, bearerToken, audit);
 * }</pre>
 */
final class Mediators {
  private final Rules rules;
  private final Journal journal;
  private final Throttle throttle;

  Mediators(Rules rules, Journal journal, Throttle throttle) {
    this.rules = rules;
    this.journal = journal;
    this.throttle = throttle;
  }

  private record Row(
      String id,
      String structureId,
      String structureName,
      String name,
      String role,
      String passwordHash,
      String totpSecret,
      long totpLastStep) {}

  MediatorSession login(Connection c, LoginRequest request, Audit audit) throws SQLException {
    if (request == null
        || isBlank(request.login())
        || isBlank(request.password())
        || isBlank(request.totp())) {
      throw new ProblemException(422, "login-incomplete", "login, password and totp are required");
    }
    Instant now = rules.clock().instant();
    String login = request.login().strip().toLowerCase(Locale.ROOT);
    String subject = "login:" + Secrets.sha256(login);
    throttle.check(c, subject, "login-locked");
    Optional<Row> row =
        Database.one(
            c,
            "SELECT m.id, m.structure_id, s.name, m.display_name, m.role, m.password_hash, m.totp_secret, m.totp_last_step"
                + " FROM mediator m JOIN structure s ON s.id = m.structure_id WHERE lower(m.login) = ?",
            r ->
                new Row(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getLong(8)),
            login);
    // Hash even for an unknown login, so that timing tells nothing either.
    boolean passwordOk =
        Secrets.passwordMatches(
                request.password(), row.map(Row::passwordHash).orElse(Secrets.DUMMY_HASH))
            && row.isPresent();
    long step =
        passwordOk
            ? Totp.fromBase32(row.get().totpSecret())
                .matchingStep(request.totp(), now, 1)
                .orElse(-1)
            : -1;
    boolean totpOk = step >= 0 && step > row.get().totpLastStep(); // a code is good once
    row.ifPresent(
        m -> {
          audit.mediatorId = m.id();
          audit.structureId = m.structureId();
          audit.actor = actor(m.id(), m.name());
        });
    if (!totpOk) {
      audit.onRefusal(
          tx -> {
            throttle.fail(tx, subject, Throttle.Limit.LOGIN);
            return null;
          });
      // The journal says what was wrong, for the server's operators; the client sees one generic
      // problem.
      String why =
          row.isEmpty()
              ? "unknown login"
              : !passwordOk ? "wrong password" : "wrong or reused TOTP code";
      throw new ProblemException(401, "login-failed", why, "problem.login-failed", Map.of())
          .generic("login failed");
    }
    throttle.clear(c, subject);
    Database.update(c, "UPDATE mediator SET totp_last_step = ? WHERE id = ?", step, row.get().id());
    String token = Secrets.token();
    Instant expires = now.plus(rules.sessionIdle());
    Database.update(
        c,
        "INSERT INTO mediator_session (token_hash, mediator_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        Secrets.sha256(token),
        row.get().id(),
        now.toString(),
        expires.toString());
    journal.append(c, audit.chain(), audit.line("OK", "session opened"));
    return new MediatorSession(
        token, expires, row.get().name(), row.get().structureName(), row.get().role());
  }

  /** The mediator of a live session; extends the session, since this request is activity. */
  Principal authenticate(Connection c, String bearer, Audit audit) throws SQLException {
    if (isBlank(bearer)) {
      throw new ProblemException(401, "session-required", "a mediator session is required");
    }
    String hash = Secrets.sha256(bearer);
    record Session(
        String mediatorId,
        String structureId,
        String structureName,
        String name,
        Instant expires,
        String ended,
        String role) {}
    Session s =
        Database.one(
                c,
                "SELECT m.id, m.structure_id, st.name, m.display_name, ms.expires_at, ms.ended_at, m.role FROM mediator_session ms"
                    + " JOIN mediator m ON m.id = ms.mediator_id JOIN structure st ON st.id = m.structure_id WHERE ms.token_hash = ?",
                r ->
                    new Session(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        Instant.parse(r.getString(5)),
                        r.getString(6),
                        r.getString(7)),
                hash)
            .orElseThrow(() -> new ProblemException(401, "session-required", "unknown session"));
    audit.mediatorId = s.mediatorId();
    audit.structureId = s.structureId();
    audit.actor = actor(s.mediatorId(), s.name());
    Instant now = rules.clock().instant();
    if (s.ended() != null || !now.isBefore(s.expires())) {
      throw new ProblemException(401, "session-expired", "the session has ended");
    }
    Database.update(
        c,
        "UPDATE mediator_session SET expires_at = ? WHERE token_hash = ?",
        now.plus(rules.sessionIdle()).toString(),
        hash);
    return new Principal(
        s.mediatorId(), s.structureId(), s.structureName(), hash, s.name(), s.role());
  }

  /** Ends the session and every delegation opened under it. */
  void logout(Connection c, Principal principal, Audit audit) throws SQLException {
    String now = rules.clock().instant().toString();
    Database.update(
        c,
        "UPDATE mediator_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
        now,
        principal.sessionHash());
    for (String[] open :
        Database.query(
            c,
            "SELECT id, person_id, consent_id FROM delegation WHERE session_hash = ? AND revoked_at IS NULL",
            r -> new String[] {r.getString(1), r.getString(2), r.getString(3)},
            principal.sessionHash())) {
      Database.update(c, "UPDATE delegation SET revoked_at = ? WHERE id = ?", now, open[0]);
      journal.append(
          c,
          Journal.personChain(open[1]),
          new Journal.Line(
              audit.actor,
              principal.structureId(),
              open[2],
              "DELEGATION_REVOKED",
              "OK",
              "mediator logged out"));
    }
    journal.append(c, audit.chain(), audit.line("OK", "session closed"));
  }

  /**
   * What the mediators of the manager's structure did, oldest first: a structure manager answers
   * for their team's actions.
   */
  java.util.List<fr.guichet.contract.JournalEntry> structureJournal(
      Connection c, Principal principal, Journal journal, Audit audit) throws SQLException {
    if (!Principal.STRUCTURE_MANAGER.equals(principal.role())) {
      throw new ProblemException(
          403,
          "role-required",
          "only a structure manager reads the structure's journal",
          Map.of("role", Principal.STRUCTURE_MANAGER));
    }
    java.util.List<fr.guichet.contract.JournalEntry> all = new java.util.ArrayList<>();
    for (String id :
        Database.query(
            c,
            "SELECT id FROM mediator WHERE structure_id = ? ORDER BY id",
            r -> r.getString(1),
            principal.structureId())) {
      all.addAll(journal.read(c, Journal.mediatorChain(id)));
    }
    all.sort(java.util.Comparator.comparing(fr.guichet.contract.JournalEntry::at));
    journal.append(c, audit.chain(), audit.line("OK", all.size() + " entries"));
    return all;
  }

  static String actor(String mediatorId, String name) {
    return "mediator:" + mediatorId + " (" + name + ")";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
