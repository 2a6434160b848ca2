package fr.guichet.sandbox;

import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.domain.Totp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
  private final Delegations delegations;
  private final MediatorStore mediators;
  private final SessionStore sessions;

  Mediators(
      Rules rules,
      Journal journal,
      Throttle throttle,
      Delegations delegations,
      MediatorStore mediators,
      SessionStore sessions) {
    this.rules = rules;
    this.journal = journal;
    this.throttle = throttle;
    this.delegations = delegations;
    this.mediators = mediators;
    this.sessions = sessions;
  }

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
    Optional<MediatorStore.Mediator> row = mediators.findByLogin(c, login);
    // Hash even for an unknown login, so that timing tells nothing either.
    boolean passwordOk =
        Secrets.passwordMatches(
                request.password(),
                row.map(MediatorStore.Mediator::passwordHash).orElse(Secrets.DUMMY_HASH))
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
    mediators.markTotpStep(c, row.get().id(), step);
    String token = Secrets.token();
    Instant expires = now.plus(rules.sessionIdle());
    sessions.open(c, Secrets.sha256(token), row.get().id(), now, expires);
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
    SessionStore.Session s =
        sessions
            .find(c, hash)
            .orElseThrow(() -> new ProblemException(401, "session-required", "unknown session"));
    audit.mediatorId = s.mediatorId();
    audit.structureId = s.structureId();
    audit.actor = actor(s.mediatorId(), s.name());
    Instant now = rules.clock().instant();
    if (s.ended() != null || !now.isBefore(s.expires())) {
      throw new ProblemException(401, "session-expired", "the session has ended");
    }
    sessions.extend(c, hash, now.plus(rules.sessionIdle()));
    return new Principal(
        s.mediatorId(), s.structureId(), s.structureName(), hash, s.name(), s.role());
  }

  /** Ends the session and every delegation opened under it. */
  void logout(Connection c, Principal principal, Audit audit) throws SQLException {
    sessions.end(c, principal.sessionHash(), rules.clock().instant());
    delegations.revokeSession(c, principal, audit);
    journal.append(c, audit.chain(), audit.line("OK", "session closed"));
  }

  /**
   * What the mediators of the manager's structure did, oldest first: a structure manager answers
   * for their team's actions.
   */
  List<JournalEntry> structureJournal(Connection c, Principal principal, Audit audit)
      throws SQLException {
    if (!Principal.STRUCTURE_MANAGER.equals(principal.role())) {
      throw new ProblemException(
          403,
          "role-required",
          "only a structure manager reads the structure's journal",
          Map.of("role", Principal.STRUCTURE_MANAGER));
    }
    List<JournalEntry> all = new ArrayList<>();
    for (String id : mediators.idsIn(c, principal.structureId())) {
      all.addAll(journal.read(c, Journal.mediatorChain(id)));
    }
    all.sort(Comparator.comparing(JournalEntry::at));
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
