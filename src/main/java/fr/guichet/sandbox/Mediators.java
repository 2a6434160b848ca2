package fr.guichet.sandbox;

import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.domain.Totp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mediators' logins and sessions: password (PBKDF2) and TOTP second factor, one generic error
 * whatever was wrong, sessions that end after inactivity.
 *
 * <p>A login runs in three steps so that the password hash never holds the database: a short
 * transaction checks the delays and reads the account, the hash runs on {@link PasswordChecks}, a
 * second short transaction checks the TOTP code and opens the session. Failures are counted per
 * login typed and per source address, in the database; past a few, each next attempt waits a little
 * longer ({@link Throttle.Delay}), but nothing ever locks the owner out: once the delay has passed,
 * the right password and code open a session.
 *
 * <pre>{@code
 * MediatorSession s = mediators.login(db, request, "192.0.2.7", audit);
 * Principal p = mediators.authenticate(c, bearerToken, audit);
 * }</pre>
 */
final class Mediators {
  private final Rules rules;
  private final Journal journal;
  private final Throttle throttle;
  private final PasswordChecks passwords;
  private final Delegations delegations;
  private final MediatorStore mediators;
  private final SessionStore sessions;

  Mediators(
      Rules rules,
      Journal journal,
      Throttle throttle,
      PasswordChecks passwords,
      Delegations delegations,
      MediatorStore mediators,
      SessionStore sessions) {
    this.rules = rules;
    this.journal = journal;
    this.throttle = throttle;
    this.passwords = passwords;
    this.delegations = delegations;
    this.mediators = mediators;
    this.sessions = sessions;
  }

  /** A login attempt between its steps: what was typed, counted under which subjects. */
  private record Attempt(
      String login,
      String loginSubject,
      String addressSubject,
      String passwordHash,
      boolean known) {}

  /**
   * Logs a mediator in from {@code address}: 422 if something is missing, 429 while a delay runs,
   * 503 when too many passwords are being checked, 401 (the same whatever was wrong) on failure.
   */
  MediatorSession login(Database db, LoginRequest request, String address, Audit audit) {
    PasswordChecks.Place place = passwords.admit();
    try {
      Attempt attempt = db.tx(c -> begin(c, request, address, audit));
      // Hash even for an unknown login, so that timing tells nothing either.
      boolean passwordOk =
          passwords.matches(request.password(), attempt.passwordHash()) && attempt.known();
      return db.tx(c -> finish(c, request, attempt, passwordOk, audit));
    } finally {
      place.close();
    }
  }

  private Attempt begin(Connection c, LoginRequest request, String address, Audit audit)
      throws SQLException {
    if (request == null
        || isBlank(request.login())
        || isBlank(request.password())
        || isBlank(request.totp())) {
      throw new ProblemException(422, "login-incomplete", "login, password and totp are required");
    }
    String login = request.login().strip().toLowerCase(Locale.ROOT);
    String loginSubject = "login:" + Secrets.sha256(login);
    String addressSubject = "login-address:" + address;
    Duration wait = throttle.waitLeft(c, addressSubject);
    Duration loginWait = throttle.waitLeft(c, loginSubject);
    wait = loginWait.compareTo(wait) > 0 ? loginWait : wait;
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new ProblemException(
              429,
              "login-delayed",
              "too many failed logins: wait before the next attempt",
              Map.of("seconds", seconds))
          .retryAfter(wait);
    }
    throttle.reserve(c, addressSubject, Throttle.Delay.ADDRESS);
    throttle.reserve(c, loginSubject, Throttle.Delay.LOGIN);
    Optional<MediatorStore.Mediator> row = mediators.findByLogin(c, login);
    row.ifPresent(
        m -> {
          audit.mediatorId = m.id();
          audit.structureId = m.structureId();
          audit.actor = actor(m.id(), m.name());
        });
    return new Attempt(
        login,
        loginSubject,
        addressSubject,
        row.map(MediatorStore.Mediator::passwordHash).orElse(Secrets.DUMMY_HASH),
        row.isPresent());
  }

  private MediatorSession finish(
      Connection c, LoginRequest request, Attempt attempt, boolean passwordOk, Audit audit)
      throws SQLException {
    Instant now = rules.clock().instant();
    // Read again: another login may have used a TOTP step meanwhile.
    Optional<MediatorStore.Mediator> row =
        passwordOk ? mediators.findByLogin(c, attempt.login()) : Optional.empty();
    long step =
        row.map(
                m ->
                    Totp.fromBase32(m.totpSecret())
                        .matchingStep(request.totp(), now, 1)
                        .orElse(-1L))
            .orElse(-1L);
    boolean totpOk = step >= 0 && step > row.get().totpLastStep(); // a code is good once
    if (!totpOk) {
      audit.onRefusal(
          tx -> {
            throttle.failed(tx, attempt.loginSubject(), Throttle.Delay.LOGIN);
            throttle.failed(tx, attempt.addressSubject(), Throttle.Delay.ADDRESS);
            return null;
          });
      // The journal says what was wrong, for the server's operators; the client sees one generic
      // problem.
      String why =
          !attempt.known()
              ? "unknown login"
              : !passwordOk ? "wrong password" : "wrong or reused TOTP code";
      throw new ProblemException(401, "login-failed", why, "problem.login-failed", Map.of())
          .generic("login failed");
    }
    MediatorStore.Mediator m = row.get();
    throttle.clear(c, attempt.loginSubject());
    throttle.clear(c, attempt.addressSubject());
    mediators.markTotpStep(c, m.id(), step);
    String token = Secrets.token();
    Instant expires = now.plus(rules.sessionIdle());
    sessions.open(c, Secrets.sha256(token), m.id(), now, expires);
    journal.append(c, audit.chain(), audit.line("OK", "session opened"));
    return new MediatorSession(token, expires, m.name(), m.structureName(), m.role());
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
