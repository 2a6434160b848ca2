package fr.guichet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.DocumentInfo;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.Json;
import fr.guichet.contract.LoginRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProfileSection;
import fr.guichet.contract.ProofRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.Represented;
import fr.guichet.contract.Share;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.Account;
import fr.guichet.domain.AccountAction;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.InvalidValue;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Operation;
import fr.guichet.domain.ProfileShare;
import fr.guichet.domain.RuleTable;
import fr.guichet.domain.Scope;
import fr.guichet.domain.Totp;
import fr.guichet.domain.TransitionRefused;
import fr.guichet.domain.VitaleSerial;
import fr.guichet.forms.ContentCheck;
import fr.guichet.forms.ContentError;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.Respondent;
import fr.guichet.kiosk.DelegatedAccess;
import fr.guichet.kiosk.RequestKey;
import fr.guichet.kiosk.ServerProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The delegated-access server in memory, for the kiosk's screen tests: the demo people of the
 * reference server (DemoSeed), answering as it does for what the kiosk asks (identification by
 * card, letter or sent code, consent and delegations, the account rules of the domain, the seven
 * actions, caregivers and their limits, documents, profile sections with their versions, the
 * journal with its chain, receipts), every call journaled as the server journals it. And failures
 * to switch on: {@link #slow()} (calls wait until {@link #release()}), {@link #down()} (no answer),
 * {@link #refusing()} (an error answer to everything), {@link #loseReplies(int)} (done, but the
 * answer lost). A key already answered gets the same answer: nothing is done twice.
 *
 * <p>What it does not do (the server's own tests cover it): lockouts, session expiry, the sizes and
 * shapes of the profile's answers, the signature of receipts.
 *
 * <pre>{@code
 * FakeServer server = new FakeServer();
 * Kiosk kiosk = new Kiosk(server, sink, Language.FRENCH, clock, options);
 * server.down();            // the network is gone; server.up() brings it back
 * server.journal("person:p-jeanne"); // ["IDENTIFY OK", "CONSENT OK", ...]
 * }</pre>
 */
public final class FakeServer implements DelegatedAccess {
  /** How the fake answers. */
  public enum Mode {
    UP,
    SLOW,
    DOWN,
    REFUSING
  }

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Period OPPOSITION = Period.ofWeeks(6);
  private static final Duration IDENTIFICATION = Duration.ofMinutes(15);
  private static final Duration SESSION_IDLE = Duration.ofMinutes(30);
  private static final String MEDIATOR = "mediator:m-camille (Camille Bernard)";
  private static final String MEDIATOR_CHAIN = "mediator:m-camille";
  private static final String STRUCTURE = "France Services Démo";

  private record Person(
      String id,
      String nir13,
      String first,
      String last,
      BirthDate birth,
      String vitale,
      String email,
      String phone) {
    String display() {
      return first + " " + last.charAt(0) + ". (" + birth.year() + ")";
    }

    String name() {
      return first + " " + last;
    }

    String nir() {
      return nir13 + Nir.key(nir13);
    }
  }

  private record Link(String representative, String represented, String kind, boolean accepted) {}

  private record Idn(String personId, Set<String> proofs, Instant expires, boolean ended) {}

  private record Challenge(String personId, String code, Instant expires, boolean used) {}

  private record Dlg(
      String id,
      String consentId,
      String personId,
      ActingAs actingAs,
      Set<Scope> scopes,
      Instant expires,
      boolean revoked,
      String identificationId,
      String identifiedPersonId) {
    Dlg revoke() {
      return new Dlg(
          id,
          consentId,
          personId,
          actingAs,
          scopes,
          expires,
          true,
          identificationId,
          identifiedPersonId);
    }
  }

  /** What a consent recorded that its receipts say: the language, the zone, the tutor's answer. */
  private record Cns(String language, String zone, Boolean opinionAsked) {}

  private record Document(
      String id, String personId, String category, String title, int daysAgo, boolean hidden) {}

  private record Shr(
      String id, String childId, String inviterId, String inviteeId, ProfileShare share) {}

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, String> letterCodes = new HashMap<>();
  private final List<Link> links = new ArrayList<>();
  private final List<Document> documents = new ArrayList<>();
  private final Map<String, ProfileSection> sections = new HashMap<>();
  private final Map<String, List<JournalEntry>> journals = new HashMap<>();
  private final Map<String, Idn> identifications = new LinkedHashMap<>();
  private final Map<String, Challenge> challenges = new HashMap<>();
  private final List<String[]> outbox = new ArrayList<>();
  private final Map<String, Dlg> delegations = new LinkedHashMap<>();
  private final Map<String, Cns> consents = new HashMap<>();
  private final Map<String, Shr> shares = new LinkedHashMap<>();
  private String verifyPage = "http://fake.invalid/verify";
  private final Map<String, Object> answered = new HashMap<>();
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<String[]> keys = new ArrayList<>();
  private int serial;
  private int lostReplies;
  private String losing;
  private String newer;
  private final Map<String, Instant> sessions = new HashMap<>();

  /** The sessions of the structure manager: the demo outbox is theirs only, as on the server. */
  private final Set<String> managers = new HashSet<>();

  private volatile Mode mode = Mode.UP;
  private volatile String downFor;
  private volatile CountDownLatch slow = new CountDownLatch(0);
  private volatile boolean reachable = true;

  public FakeServer() {
    person("p-jeanne", "2500375056123", "Jeanne", "Martin", "1950-03-14", "12345678");
    contact("p-jeanne", "jeanne.martin@example.org", "0600000001");
    space("p-jeanne", AccountState.ANNOUNCED, 10, -1);
    person("p-ahmed", "1620713055041", "Ahmed", "Benali", "1962-07-02", "2345678901");
    space("p-ahmed", AccountState.OPPOSED, 20, -1);
    person("p-maria", "2711169123087", "Maria", "Da Silva", "1971-11-23", "345678901234");
    contact("p-maria", "maria.dasilva@example.org", "0600000003");
    space("p-maria", AccountState.ACTIVE_NOT_ACTIVATED, 60, -1);
    person("p-louis", "1850533063210", "Louis", "Petit", "1985-05-30", "4567890123456");
    contact("p-louis", "louis.petit@example.org", "0600000004");
    space("p-louis", AccountState.ACTIVE, 400, -1);
    person("p-emma", "2150933063318", "Emma", "Petit", "2015-09-12", null);
    space("p-emma", AccountState.ACTIVE, 400, -1);
    person("p-hugo", "1190233063402", "Hugo", "Petit", "2019-02-03", null);
    space("p-hugo", AccountState.ACTIVE, 400, -1);
    person("p-fatima", "248012A004015", "Fatima", "Haddad", "1948-01-09", "56789012");
    space("p-fatima", AccountState.CLOSED, 500, 365);
    person("p-marcel", "1401223096005", "Marcel", "Dubois", "1940-12-01", "89012345");
    contact("p-marcel", null, "0600000009");
    space("p-marcel", AccountState.ACTIVE, 300, -1);
    person("p-sophie", "2680687085233", "Sophie", "Lambert", "1968-06-15", "90123456");
    contact("p-sophie", "sophie.lambert@example.org", "0600000010");
    space("p-sophie", AccountState.ACTIVE, 300, -1);
    person("p-georgette", "2360697120044", "Georgette", "Roux", "1936-06-21", "11223344");
    contact("p-georgette", null, "0690000011");
    space("p-georgette", AccountState.ACTIVE, 300, -1);
    person("p-alain", "1621097611150", "Alain", "Roux", "1962-10-08", "22334455");
    contact("p-alain", "alain.roux@example.org", "0639000012");
    space("p-alain", AccountState.ACTIVE, 300, -1);
    person("p-raymond", "1440215014062", "Raymond", "Faure", "1944-02-11", "33445566");
    space("p-raymond", AccountState.ANNOUNCED, 35, -1);
    person("p-claire", "2870875112345", "Claire", "Morel", "1987-08-20", "55667788");
    contact("p-claire", "claire.morel@example.org", "0600000014");
    space("p-claire", AccountState.ACTIVE, 300, -1);
    // Born in Mayotte; her civil status gives only the year.
    person("p-zainaba", "2589997605031", "Zaïnaba", "Madi", "1958-00-00", "44556677");
    contact("p-zainaba", null, "0639000013");
    space("p-zainaba", AccountState.ACTIVE, 300, -1);
    letterCodes.put("p-jeanne", "JM4K7P2Q");
    letterCodes.put("p-maria", "MD8R3T6W");
    letterCodes.put("p-ahmed", "AB5N8C3V");
    links.add(new Link("p-louis", "p-emma", "LEGAL_REPRESENTATION", true));
    links.add(new Link("p-louis", "p-hugo", "LEGAL_REPRESENTATION", true));
    links.add(new Link("p-sophie", "p-marcel", "GUARDIANSHIP", true));
    links.add(new Link("p-claire", "p-raymond", "CURATORSHIP", true));
    links.add(new Link("p-alain", "p-georgette", "CAREGIVING", true));
    document("doc-louis-1", "p-louis", "Ordonnances et soins", "Ordonnance du Dr Lefèvre", 12);
    document("doc-louis-2", "p-louis", "Résultats de biologie", "Bilan sanguin", 40);
    document("doc-emma-1", "p-emma", "Prévention et dépistages", "Carnet de vaccination", 200);
    documents.add(
        new Document(
            "doc-emma-2", "p-emma", "Comptes rendus", "Consultation confidentielle", 30, true));
    document(
        "doc-georgette-1", "p-georgette", "Comptes rendus", "Compte rendu d'hospitalisation", 90);
    document("doc-marcel-1", "p-marcel", "Pièces administratives", "Attestation de droits", 100);
    try {
      // Confirmed by a professional: never changed nor removed from Guichet.
      sections.put(
          "p-georgette/vaccinations",
          new ProfileSection(
              "vaccinations",
              1,
              Json.mapper()
                  .readTree(
                      "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"tetanus\","
                          + "\"date\":\"2019-04-02\",\"dose\":\"booster\",\"confirmed\":true}]}"),
              clock.instant(),
              null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void person(String id, String nir13, String first, String last, String birth, String v) {
    people.put(id, new Person(id, nir13, first, last, BirthDate.fromIso(birth), v, null, null));
  }

  private void document(String id, String personId, String category, String title, int daysAgo) {
    documents.add(new Document(id, personId, category, title, daysAgo, false));
  }

  private void contact(String id, String email, String phone) {
    Person p = people.get(id);
    people.put(
        id,
        new Person(p.id(), p.nir13(), p.first(), p.last(), p.birth(), p.vitale(), email, phone));
  }

  private void space(String id, AccountState state, int sentDaysAgo, int closedDaysAgo) {
    LocalDate today = today();
    LocalDate closed = closedDaysAgo < 0 ? null : today.minusDays(closedDaysAgo);
    accounts.put(id, new Account(state, today.minusDays(sentDaysAgo), closed, null, null));
  }

  // ------------------------------------------------------------------ what tests set and read

  /** The server's clock: a Sunday morning in Paris, moved by the tests. */
  public MutableClock clock() {
    return clock;
  }

  /** The demo mediator's code, half a minute later (as the reference server's fixture does). */
  public String freshTotp() {
    return freshTotp(DemoSandbox.TOTP_SECRET);
  }

  /** The code of another demo account (the structure manager's), half a minute later. */
  public String freshTotp(String secret) {
    clock.advance(Duration.ofSeconds(30));
    return Totp.fromBase32(secret).codeAt(clock.instant());
  }

  /** Journal rows of a chain as "ACTION OUTCOME", oldest first. */
  public synchronized List<String> journal(String chain) {
    return journals.getOrDefault(chain, List.of()).stream()
        .map(e -> e.action() + " " + e.outcome())
        .toList();
  }

  /** The one-time code last sent to a person. */
  public synchronized String lastCode(String personId) {
    for (int i = outbox.size() - 1; i >= 0; i--) {
      if (outbox.get(i)[0].equals(personId)) {
        return outbox.get(i)[2];
      }
    }
    throw new AssertionError("no code sent to " + personId);
  }

  /** The proofs of each identification of a person, as "CONTACT_CODE VITALE". */
  public synchronized List<String> proofs(String personId) {
    return identifications.values().stream()
        .filter(i -> i.personId().equals(personId))
        .map(i -> String.join(" ", i.proofs()))
        .toList();
  }

  /** The caregiver's access to a person's space: ACCEPTED, REVOKED or none. */
  public synchronized String link(String caregiver, String person) {
    String status = "none";
    for (Link l : links) {
      if (l.representative().equals(caregiver)
          && l.represented().equals(person)
          && l.kind().equals("CAREGIVING")) {
        status = l.accepted() ? "ACCEPTED" : "REVOKED";
      }
    }
    return status;
  }

  /** Gives a caregiver access, as another counter or the person at home would have. */
  public synchronized void giveAccess(String person, String caregiver) {
    links.add(new Link(caregiver, person, "CAREGIVING", true));
  }

  /** The scopes of every delegation not revoked (nor expired), one string each. */
  public synchronized List<String> liveScopes() {
    return delegations.values().stream()
        .filter(d -> !d.revoked() && clock.instant().isBefore(d.expires()))
        .map(d -> d.scopes().stream().map(Scope::wire).toList().toString())
        .toList();
  }

  /** How many delegations were ever opened with this scope. */
  public synchronized long delegations(String scope) {
    return delegations.values().stream()
        .filter(d -> d.scopes().contains(Scope.fromWire(scope).orElseThrow()))
        .count();
  }

  /** How many receipts of this kind were issued (an action done twice would show here). */
  public synchronized long receipts(String kind) {
    return receipts.stream().filter(r -> r.kind().equals(kind)).count();
  }

  /**
   * The idempotency keys of the calls journaled as {@code action}, in order, every try included
   * (those the network lost too).
   */
  public synchronized List<String> keys(String action) {
    return keys.stream().filter(k -> k[0].equals(action)).map(k -> k[1]).toList();
  }

  /** A section of a person's profile as the server holds it. */
  public synchronized ProfileSection section(String personId, String section) {
    return sections.getOrDefault(
        personId + "/" + section,
        new ProfileSection(section, 0, JsonNodeFactory.instance.objectNode(), null, null));
  }

  /** The person writes a section at home, from the version they read. */
  public synchronized void writeAtHome(String personId, String section, JsonNode content) {
    long version = section(personId, section).version() + 1;
    sections.put(
        personId + "/" + section,
        new ProfileSection(section, version, content, clock.instant(), null));
  }

  /**
   * A consent given at another counter (setting the scene): the person identified by their card,
   * for themself or for {@code forPersonId}, to these scopes; the server's refusal is thrown.
   */
  public Delegation openFor(String personId, String forPersonId, String... scopes) {
    MediatorSession me =
        login(new LoginRequest(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, freshTotp()));
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    Identification who =
        identify(
            me,
            IdentificationRequest.byVitale(p.nir(), p.birthDate(), p.vitale()),
            RequestKey.random());
    return consent(
        me,
        new ConsentRequest(
            who.identificationId(), forPersonId, List.of(scopes), 30, "fr", "test-v1", true, true),
        RequestKey.random());
  }

  /** The server's public verification page ({@code sandbox --public-verify-url}). */
  public synchronized void publicVerifyPage(String page) {
    verifyPage = page;
  }

  /** The last receipt of this kind the server issued. */
  public synchronized Receipt lastReceipt(String kind) {
    for (int i = receipts.size() - 1; i >= 0; i--) {
      if (receipts.get(i).kind().equals(kind)) {
        return receipts.get(i);
      }
    }
    throw new AssertionError("no receipt " + kind);
  }

  /** The civil status gives this person another birth date (setting the scene). */
  public synchronized void bornOn(String personId, String iso) {
    Person p = people.get(personId);
    people.put(
        personId,
        new Person(
            p.id(),
            p.nir13(),
            p.first(),
            p.last(),
            BirthDate.fromIso(iso),
            p.vitale(),
            p.email(),
            p.phone()));
  }

  /**
   * The share of a child's profile with this parent, as both see it: PENDING, ACCEPTED, REFUSED,
   * EXPIRED, ENDED, or none.
   */
  public synchronized String share(String childId, String inviteeId) {
    String status = "none";
    for (Shr sh : shares.values()) {
      if (sh.childId().equals(childId) && sh.inviteeId().equals(inviteeId)) {
        status = sh.share().statusOn(today()).name();
      }
    }
    return status;
  }

  /**
   * The parent a child is attached to invited the other parent to share the child's profile, at
   * another counter {@code daysAgo} days ago (setting the scene).
   */
  public synchronized void invited(
      String childId, String inviterId, String inviteeId, int daysAgo) {
    String id = "shr-" + next();
    shares.put(
        id,
        new Shr(
            id,
            childId,
            inviterId,
            inviteeId,
            new ProfileShare(ProfileShare.Status.PENDING, today().minusDays(daysAgo))));
  }

  /**
   * From now on, this person's space is said as a newer server would say it: in a state and with an
   * action this build does not know.
   */
  public synchronized void newerServer(String personId) {
    newer = personId;
  }

  /** Calls wait, "sending…" stays on screen, until {@link #release()}. */
  public void slow() {
    slow = new CountDownLatch(1);
    mode = Mode.SLOW;
  }

  /** The waiting calls go on, and the next ones are answered at once. */
  public void release() {
    mode = Mode.UP;
    slow.countDown();
  }

  /** No answer at all: every call fails on the network, nothing is done. */
  public void down() {
    downFor = null;
    mode = Mode.DOWN;
  }

  /**
   * No answer to the calls journaled as {@code action} ("OPPOSITION_RECORDED"...): they fail on the
   * network, nothing is done; every other call is answered.
   */
  public void down(String action) {
    downFor = action;
    mode = Mode.DOWN;
  }

  /** Answers again. */
  public void up() {
    downFor = null;
    release();
  }

  /** Answers every call with an error (a proxy's, a crash's): nothing is done. */
  public void refusing() {
    mode = Mode.REFUSING;
  }

  /**
   * The next {@code count} calls journaled as {@code action} ("CAREGIVER_ADDED"...) are done, but
   * their answers are lost on the way.
   */
  public synchronized void loseReplies(String action, int count) {
    losing = action;
    lostReplies = count;
  }

  // ------------------------------------------------------------------ the port

  @Override
  public synchronized String verifyPage() {
    return verifyPage;
  }

  @Override
  public boolean reachable() {
    return reachable;
  }

  @Override
  public MediatorSession login(LoginRequest login) {
    gate("LOGIN");
    synchronized (this) {
      boolean manager = DemoSandbox.MANAGER_LOGIN.equals(login.login());
      boolean ok =
          (manager || DemoSandbox.LOGIN.equals(login.login()))
              && DemoSandbox.PASSWORD.equals(login.password())
              && Totp.fromBase32(manager ? DemoSandbox.MANAGER_SECRET : DemoSandbox.TOTP_SECRET)
                  .codeAt(clock.instant())
                  .equals(login.totp());
      if (!ok) {
        throw refused(MEDIATOR_CHAIN, "LOGIN", null, 401, "login-failed", Map.of());
      }
      append(MEDIATOR_CHAIN, "LOGIN", null, "OK");
      String token = "session-" + next();
      sessions.put(token, clock.instant());
      if (manager) {
        managers.add(token);
      }
      return new MediatorSession(
          token,
          clock.instant().plus(SESSION_IDLE),
          manager ? "Nadia Roussel" : "Camille Bernard",
          STRUCTURE,
          manager ? "STRUCTURE_MANAGER" : "MEDIATOR");
    }
  }

  @Override
  public void logout(MediatorSession session, RequestKey key) {
    once(
        "LOGOUT",
        session,
        key,
        () -> {
          append(MEDIATOR_CHAIN, "LOGOUT", null, "OK");
          return Boolean.TRUE;
        });
  }

  @Override
  public Identification identify(
      MediatorSession session, IdentificationRequest request, RequestKey key) {
    return once(
        "IDENTIFY",
        session,
        key,
        () -> {
          Person p;
          String proof;
          switch (String.valueOf(request.method())) {
            case IdentificationRequest.NIR_BIRTHDATE_VITALE -> {
              p = byNir(request.nir(), "IDENTIFY");
              if (request.birthDate() == null) {
                throw invalid(chain(p), "IDENTIFY", new InvalidValue("invalid.birthdate.empty"));
              }
              VitaleSerial typed = serial(chain(p), request.vitaleSerial());
              boolean ok =
                  bornOn(p, request.birthDate())
                      && p.vitale() != null
                      && new VitaleSerial(p.vitale()).matches(typed);
              unless(ok, p, "IDENTIFY");
              proof = "VITALE";
            }
            case IdentificationRequest.LETTER_CODE -> {
              p = byNir(request.nir(), "IDENTIFY");
              unless(letterCode(p, request.code()), p, "IDENTIFY");
              proof = "LETTER_CODE";
            }
            case IdentificationRequest.CONTACT_CODE -> {
              p = redeem(request.challengeId(), request.code(), "IDENTIFY");
              proof = "CONTACT_CODE";
            }
            default ->
                throw refused(
                    MEDIATOR_CHAIN,
                    "IDENTIFY",
                    null,
                    422,
                    "identification-method-unknown",
                    Map.of());
          }
          String id = "idn-" + next();
          identifications.put(
              id,
              new Idn(
                  p.id(),
                  new TreeSet<>(Set.of(proof)),
                  clock.instant().plus(IDENTIFICATION),
                  false));
          append(chain(p), "IDENTIFY", null, "OK");
          return identification(id);
        });
  }

  @Override
  public ContactChallenge contactCode(
      MediatorSession session, ContactCodeRequest request, RequestKey key) {
    return once(
        "CONTACT_CODE_SENT",
        session,
        key,
        () -> {
          Person p = byNir(request.nir(), "CONTACT_CODE_SENT");
          unless(bornOn(p, request.birthDate()), p, "CONTACT_CODE_SENT");
          if (p.email() == null && p.phone() == null) {
            throw refused(chain(p), "CONTACT_CODE_SENT", null, 409, "no-contact", Map.of());
          }
          String where = p.email() != null ? p.email() : p.phone();
          String code = String.format(Locale.ROOT, "%06d", (next() * 7919) % 1_000_000);
          String id = "chl-" + next();
          Instant expires = clock.instant().plus(Duration.ofMinutes(10));
          challenges.put(id, new Challenge(p.id(), code, expires, false));
          outbox.add(
              new String[] {
                p.id(),
                "Mon Espace Santé : votre code est "
                    + code
                    + ". Il est valable 10 minutes. Ne le donnez qu’à la personne qui vous aide.",
                code
              });
          append(chain(p), "CONTACT_CODE_SENT", null, "OK");
          return new ContactChallenge(
              id, p.email() != null ? "EMAIL" : "SMS", mask(where), expires);
        });
  }

  @Override
  public Identification addProof(
      MediatorSession session, String identificationId, ProofRequest proof, RequestKey key) {
    return once(
        "PROOF_ADDED",
        session,
        key,
        () -> {
          Idn idn = identifications.get(identificationId);
          if (idn == null) {
            throw refused(
                MEDIATOR_CHAIN, "PROOF_ADDED", null, 404, "identification-unknown", Map.of());
          }
          Person p = people.get(idn.personId());
          switch (String.valueOf(proof.method())) {
            case "VITALE" ->
                unless(
                    p.vitale() != null
                        && new VitaleSerial(p.vitale())
                            .matches(serial(chain(p), proof.vitaleSerial())),
                    p,
                    "PROOF_ADDED");
            case "LETTER_CODE" -> unless(letterCode(p, proof.code()), p, "PROOF_ADDED");
            case "CONTACT_CODE" -> redeem(proof.challengeId(), proof.code(), "PROOF_ADDED");
            default ->
                throw refused(
                    chain(p), "PROOF_ADDED", null, 422, "identification-method-unknown", Map.of());
          }
          idn.proofs().add(proof.method());
          append(chain(p), "PROOF_ADDED", null, "OK");
          return identification(identificationId);
        });
  }

  @Override
  public Optional<String> demoMessage(MediatorSession session) {
    synchronized (this) {
      return outbox.isEmpty() || !managers.contains(session.token())
          ? Optional.empty()
          : Optional.of(outbox.get(outbox.size() - 1)[1]);
    }
  }

  @Override
  public Delegation consent(MediatorSession session, ConsentRequest request, RequestKey key) {
    return once(
        "CONSENT",
        session,
        key,
        () -> {
          Idn idn = identifications.get(request.identificationId());
          if (idn == null) {
            throw refused(MEDIATOR_CHAIN, "CONSENT", null, 404, "identification-unknown", Map.of());
          }
          String personId = request.forPersonId() == null ? idn.personId() : request.forPersonId();
          String chain = "person:" + personId;
          if (idn.ended()) {
            throw refused(chain, "CONSENT", null, 410, "identification-ended", Map.of());
          }
          if (!clock.instant().isBefore(idn.expires())) {
            throw refused(chain, "CONSENT", null, 410, "identification-expired", Map.of());
          }
          ActingAs actingAs =
              personId.equals(idn.personId())
                  ? ActingAs.SELF
                  : links.stream()
                      .filter(
                          l ->
                              l.accepted()
                                  && l.representative().equals(idn.personId())
                                  && l.represented().equals(personId))
                      .map(l -> ActingAs.valueOf(l.kind()))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              refused(
                                  chain, "CONSENT", null, 403, "not-a-representative", Map.of()));
          Set<Scope> scopes = EnumSet.noneOf(Scope.class);
          request.scopes().forEach(w -> scopes.add(Scope.fromWire(w).orElseThrow()));
          Boolean opinion = actingAs == ActingAs.GUARDIANSHIP ? request.personOpinionAsked() : null;
          for (Scope s : scopes) {
            Optional<RuleTable.Refusal> refusal =
                RuleTable.consentRefusal(
                    actingAs, s, people.get(personId).birth(), today(), opinion);
            if (refusal.isPresent()) {
              throw refused(chain, "CONSENT", null, refusal.get());
            }
          }
          if (scopes.contains(Scope.RECORD_CLOSE) && idn.proofs().size() < 2) {
            throw refused(chain, "CONSENT", null, 403, "strong-identification-required", Map.of());
          }
          String consentId = "cns-" + next();
          consents.put(consentId, new Cns(request.language(), request.zone(), opinion));
          append(chain, "CONSENT", consentId, "OK");
          String id = "dlg-" + next();
          Instant until = clock.instant().plus(Duration.ofMinutes(request.durationMinutes()));
          delegations.put(
              id,
              new Dlg(
                  id,
                  consentId,
                  personId,
                  actingAs,
                  scopes,
                  until,
                  false,
                  request.identificationId(),
                  idn.personId()));
          append(chain, "DELEGATION_OPENED", consentId, "OK");
          Map<String, Object> facts = new LinkedHashMap<>();
          facts.put("scopes", scopes.stream().map(Scope::wire).toList());
          facts.put("until", until.toString());
          facts.put("actingAs", actingAs.name());
          facts.put("mediator", "Camille Bernard");
          facts.put("structure", STRUCTURE);
          if (opinion != null) {
            facts.put("personOpinionAsked", opinion);
          }
          facts.put("consent", consentId);
          facts.put("language", request.language());
          return new Delegation(
              id,
              consentId,
              "token-" + id,
              personId,
              actingAs.name(),
              scopes.stream().map(Scope::wire).toList(),
              until,
              receipt("consent", personId, consentId, facts));
        });
  }

  @Override
  public void revoke(MediatorSession session, Delegation delegation, RequestKey key) {
    once(
        "DELEGATION_REVOKED",
        session,
        key,
        () -> {
          Dlg d = delegations.get(delegation.delegationId());
          delegations.put(d.id(), d.revoke());
          append("person:" + d.personId(), "DELEGATION_REVOKED", d.consentId(), "OK");
          return Boolean.TRUE;
        });
  }

  @Override
  public void endSitting(MediatorSession session, String identificationId, RequestKey key) {
    once(
        "SITTING_ENDED",
        session,
        key,
        () -> {
          Idn idn = identifications.get(identificationId);
          if (idn == null) {
            throw refused(
                MEDIATOR_CHAIN, "SITTING_ENDED", null, 404, "identification-unknown", Map.of());
          }
          for (Dlg d : List.copyOf(delegations.values())) {
            if (d.identificationId().equals(identificationId) && !d.revoked()) {
              delegations.put(d.id(), d.revoke());
              append("person:" + d.personId(), "DELEGATION_REVOKED", d.consentId(), "OK");
            }
          }
          identifications.put(
              identificationId, new Idn(idn.personId(), idn.proofs(), idn.expires(), true));
          append("person:" + idn.personId(), "SITTING_ENDED", null, "OK");
          return Boolean.TRUE;
        });
  }

  @Override
  public AccountStatus account(MediatorSession session, Delegation delegation) {
    gate("ACCOUNT_READ");
    synchronized (this) {
      session(session, "ACCOUNT_READ");
      Dlg d = authorize(delegation, Operation.READ_ACCOUNT, "ACCOUNT_READ");
      append("person:" + d.personId(), "ACCOUNT_READ", d.consentId(), "OK");
      return view(d);
    }
  }

  @Override
  public Receipt statusStatement(MediatorSession session, Delegation delegation, RequestKey key) {
    return once(
        "STATUS_STATEMENT_ISSUED",
        session,
        key,
        () -> {
          Dlg d =
              authorize(delegation, Operation.ISSUE_STATUS_STATEMENT, "STATUS_STATEMENT_ISSUED");
          Map<String, Object> facts = dates(accounts.get(d.personId()).on(today(), OPPOSITION));
          facts.put("structure", STRUCTURE);
          append("person:" + d.personId(), "STATUS_STATEMENT_ISSUED", d.consentId(), "OK");
          return receipt("account-status", d.personId(), d.consentId(), facts);
        });
  }

  @Override
  public ActionResult act(
      MediatorSession session, Delegation delegation, Action action, RequestKey key) {
    AccountAction a = action.action();
    String journaled =
        switch (a) {
          case RECORD_OPPOSITION -> "OPPOSITION_RECORDED";
          case WITHDRAW_OPPOSITION -> "OPPOSITION_WITHDRAWN";
          case CREATE_ON_REQUEST -> "CREATION_REQUESTED";
          case ACTIVATE -> "ACTIVATED";
          case CLOSE -> "CLOSED";
          case REQUEST_DELETION -> "DELETION_REQUESTED";
          case REOPEN -> "REOPENED";
        };
    return once(
        journaled,
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.of(a), journaled);
          Person p = people.get(d.personId());
          if (a == AccountAction.ACTIVATE && !letterCode(p, action.code())) {
            throw refused(
                chain(p), journaled, d.consentId(), 422, "activation-code-wrong", Map.of());
          }
          Account after;
          try {
            after = accounts.get(p.id()).apply(a, action.withDeletion(), today(), OPPOSITION);
          } catch (TransitionRefused e) {
            throw refused(chain(p), journaled, d.consentId(), 409, e.reason(), e.params());
          }
          accounts.put(p.id(), after);
          Map<String, Object> facts = dates(after.on(today(), OPPOSITION));
          facts.put("action", a.name());
          if (a == AccountAction.REOPEN) {
            facts.put("dataRestored", after.deletedOn() == null);
          }
          facts.putAll(actor(d));
          Receipt r =
              receipt(
                  a.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                  p.id(),
                  d.consentId(),
                  facts);
          append(chain(p), journaled, d.consentId(), "OK");
          return new ActionResult(view(d), r);
        });
  }

  @Override
  public ActionResult addCaregiver(
      MediatorSession session, Delegation delegation, CaregiverRequest request, RequestKey key) {
    return once(
        "CAREGIVER_ADDED",
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.ADD_CAREGIVER, "CAREGIVER_ADDED");
          String chain = "person:" + d.personId();
          Person caregiver =
              named(
                  d,
                  "CAREGIVER_ADDED",
                  "caregiver-unknown",
                  request.nir(),
                  request.lastName(),
                  request.firstName(),
                  request.birthDate());
          String problem = null;
          Map<String, Object> params = Map.of();
          if (caregiver.id().equals(d.personId())) {
            problem = "caregiver-self";
          } else if (accounts.get(caregiver.id()).on(today(), OPPOSITION).state()
              != AccountState.ACTIVE) {
            problem = "caregiver-needs-active-space";
          } else if (link(caregiver.id(), d.personId()).equals("ACCEPTED")) {
            problem = "caregiver-already";
          } else if (caregivers(d.personId(), true) >= ActingAs.MAX_CAREGIVERS_PER_PERSON) {
            problem = "caregiver-limit-person";
            params = Map.of("max", ActingAs.MAX_CAREGIVERS_PER_PERSON);
          } else if (caregivers(caregiver.id(), false) >= ActingAs.MAX_PEOPLE_PER_CAREGIVER) {
            problem = "caregiver-limit-caregiver";
            params = Map.of("max", ActingAs.MAX_PEOPLE_PER_CAREGIVER);
          }
          if (problem != null) {
            throw refused(chain, "CAREGIVER_ADDED", d.consentId(), 409, problem, params);
          }
          links.add(new Link(caregiver.id(), d.personId(), "CAREGIVING", true));
          return caregiverChanged(d, caregiver, "caregiver-added", "CAREGIVER_ADDED");
        });
  }

  @Override
  public ActionResult removeCaregiver(
      MediatorSession session, Delegation delegation, String caregiverPersonId, RequestKey key) {
    return once(
        "CAREGIVER_REMOVED",
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.REMOVE_CAREGIVER, "CAREGIVER_REMOVED");
          boolean removed =
              links.removeIf(
                  l ->
                      l.accepted()
                          && l.kind().equals("CAREGIVING")
                          && l.representative().equals(caregiverPersonId)
                          && l.represented().equals(d.personId()));
          if (!removed) {
            throw refused(
                "person:" + d.personId(),
                "CAREGIVER_REMOVED",
                d.consentId(),
                404,
                "caregiver-unknown",
                Map.of());
          }
          links.add(new Link(caregiverPersonId, d.personId(), "CAREGIVING", false));
          return caregiverChanged(
              d, people.get(caregiverPersonId), "caregiver-removed", "CAREGIVER_REMOVED");
        });
  }

  @Override
  public ActionResult shareProfile(
      MediatorSession session, Delegation delegation, ShareRequest request, RequestKey key) {
    return once(
        "SHARE_INVITED",
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.SHARE_PROFILE, "SHARE_INVITED");
          String chain = "person:" + d.personId();
          Person invitee =
              named(
                  d,
                  "SHARE_INVITED",
                  "share-parent-unknown",
                  request.nir(),
                  request.lastName(),
                  request.firstName(),
                  request.birthDate());
          String problem = null;
          if (invitee.id().equals(d.identifiedPersonId()) || invitee.id().equals(d.personId())) {
            problem = "share-self";
          } else if (accounts.get(invitee.id()).on(today(), OPPOSITION).state()
              != AccountState.ACTIVE) {
            problem = "share-needs-active-space";
          } else if (links.stream()
                  .anyMatch(
                      l ->
                          l.accepted()
                              && l.representative().equals(invitee.id())
                              && l.represented().equals(d.personId()))
              || share(d.personId(), invitee.id()).equals("PENDING")) {
            problem = "share-already";
          }
          if (problem != null) {
            throw refused(chain, "SHARE_INVITED", d.consentId(), 409, problem, Map.of());
          }
          String id = "shr-" + next();
          Shr invited =
              new Shr(
                  id,
                  d.personId(),
                  d.identifiedPersonId(),
                  invitee.id(),
                  new ProfileShare(ProfileShare.Status.PENDING, today()));
          shares.put(id, invited);
          return shared(d, invited, "share-invited", d.personId(), invitee.id());
        });
  }

  @Override
  public ActionResult answerShare(
      MediatorSession session,
      Delegation delegation,
      String shareId,
      boolean accept,
      RequestKey key) {
    String action = accept ? "SHARE_ACCEPTED" : "SHARE_REFUSED";
    return once(
        action,
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.ANSWER_SHARE, action);
          String chain = "person:" + d.personId();
          Shr sh = shares.get(shareId);
          if (sh == null || !sh.inviteeId().equals(d.personId())) {
            throw refused(chain, action, d.consentId(), 404, "share-unknown", Map.of());
          }
          ProfileShare.Status now = sh.share().statusOn(today());
          if (now == ProfileShare.Status.EXPIRED) {
            throw refused(
                chain,
                action,
                d.consentId(),
                409,
                "share-expired",
                Map.of("expiresOn", sh.share().expiresOn().toString()));
          }
          if (now != ProfileShare.Status.PENDING) {
            throw refused(
                chain, action, d.consentId(), 409, "share-over", Map.of("status", now.name()));
          }
          Shr answered =
              new Shr(
                  sh.id(),
                  sh.childId(),
                  sh.inviterId(),
                  sh.inviteeId(),
                  new ProfileShare(
                      accept ? ProfileShare.Status.ACCEPTED : ProfileShare.Status.REFUSED,
                      sh.share().invitedOn()));
          shares.put(shareId, answered);
          if (accept) {
            links.add(new Link(sh.inviteeId(), sh.childId(), "SECOND_PARENT", true));
          }
          return shared(
              d, answered, accept ? "share-accepted" : "share-refused", d.personId(), sh.childId());
        });
  }

  /** The receipt of a step of a share, for {@code personId}, in both parents' journals. */
  private ActionResult shared(Dlg d, Shr sh, String kind, String personId, String other) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("share", sh.id());
    facts.put("child", people.get(sh.childId()).name());
    facts.put("secondParent", people.get(sh.inviteeId()).name());
    facts.put("status", sh.share().statusOn(today()).name());
    facts.put("expiresOn", sh.share().expiresOn().toString());
    facts.putAll(actor(d));
    Receipt r = receipt(kind, personId, d.consentId(), facts);
    String action = kind.toUpperCase(Locale.ROOT).replace('-', '_');
    append("person:" + personId, action, d.consentId(), "OK");
    append("person:" + other, action, d.consentId(), "OK");
    return new ActionResult(view(d), r);
  }

  private Share share(Shr sh) {
    Person child = people.get(sh.childId());
    return new Share(
        sh.id(),
        child.id(),
        child.name(),
        child.birth().year(),
        sh.inviterId(),
        people.get(sh.inviterId()).name(),
        sh.inviteeId(),
        people.get(sh.inviteeId()).name(),
        sh.share().statusOn(today()).name(),
        sh.share().invitedOn(),
        sh.share().expiresOn());
  }

  /**
   * The person a request under {@code d} names by NIR, birth name, first name and birth date, as a
   * caregiver or a second parent is; else the refusal 404 {@code unknown} in the person's chain.
   */
  private Person named(
      Dlg d, String action, String unknown, String nir, String last, String first, String birth) {
    String typed = Nir.parse(nir).value();
    return people.values().stream()
        .filter(
            p ->
                p.nir().equals(typed)
                    && p.last().equalsIgnoreCase(last.strip())
                    && p.first().equalsIgnoreCase(first.strip())
                    && bornOn(p, birth))
        .findFirst()
        .orElseThrow(
            () -> refused("person:" + d.personId(), action, d.consentId(), 404, unknown, Map.of()));
  }

  @Override
  public List<DocumentInfo> documents(MediatorSession session, Delegation delegation) {
    gate("DOCUMENTS_LISTED");
    synchronized (this) {
      session(session, "DOCUMENTS_LISTED");
      Dlg d = authorize(delegation, Operation.LIST_DOCUMENTS, "DOCUMENTS_LISTED");
      append("person:" + d.personId(), "DOCUMENTS_LISTED", d.consentId(), "OK");
      return documents.stream()
          .filter(doc -> doc.personId().equals(d.personId()))
          .filter(doc -> !doc.hidden() || d.actingAs().seesDocumentsHiddenFromRepresentatives())
          .map(
              doc ->
                  new DocumentInfo(
                      doc.id(), doc.category(), doc.title(), today().minusDays(doc.daysAgo()), 900))
          .toList();
    }
  }

  @Override
  public byte[] document(MediatorSession session, Delegation delegation, String documentId) {
    gate("DOCUMENT_READ");
    synchronized (this) {
      session(session, "DOCUMENT_READ");
      Dlg d = authorize(delegation, Operation.DOWNLOAD_DOCUMENT, "DOCUMENT_READ");
      append("person:" + d.personId(), "DOCUMENT_READ", d.consentId(), "OK");
      return ("%PDF-1.4 % " + documentId + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
  }

  @Override
  public ProfileSection profileSection(
      MediatorSession session, Delegation delegation, String section) {
    gate("PROFILE_READ");
    synchronized (this) {
      session(session, "PROFILE_READ");
      Dlg d = authorize(delegation, Operation.READ_PROFILE, "PROFILE_READ");
      append("person:" + d.personId(), "PROFILE_READ", d.consentId(), "OK");
      return section(d.personId(), section);
    }
  }

  @Override
  public Receipt profileStatement(MediatorSession session, Delegation delegation, RequestKey key) {
    return once(
        "PROFILE_STATEMENT_ISSUED",
        session,
        key,
        () -> {
          Dlg d =
              authorize(delegation, Operation.ISSUE_PROFILE_STATEMENT, "PROFILE_STATEMENT_ISSUED");
          Map<String, Object> versions = new LinkedHashMap<>();
          for (var form : FormCatalog.standard().forms()) {
            versions.put(form.section(), section(d.personId(), form.section()).version());
          }
          Map<String, Object> facts = new LinkedHashMap<>();
          facts.put("sections", versions);
          facts.putAll(actor(d));
          append("person:" + d.personId(), "PROFILE_STATEMENT_ISSUED", d.consentId(), "OK");
          return receipt("profile-statement", d.personId(), d.consentId(), facts);
        });
  }

  @Override
  public ProfileSection writeProfileSection(
      MediatorSession session,
      Delegation delegation,
      String section,
      long expectedVersion,
      JsonNode content,
      RequestKey key) {
    return once(
        "PROFILE_WRITTEN",
        session,
        key,
        () -> {
          Dlg d = authorize(delegation, Operation.WRITE_PROFILE, "PROFILE_WRITTEN");
          ProfileSection now = section(d.personId(), section);
          if (now.version() != expectedVersion) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("currentVersion", now.version());
            params.put("current", Json.mapper().convertValue(now.content(), Map.class));
            throw refused(
                "person:" + d.personId(),
                "PROFILE_WRITTEN",
                d.consentId(),
                412,
                "profile-changed",
                params);
          }
          Person p = people.get(d.personId());
          List<ContentError> errors =
              ContentCheck.errors(
                  FormCatalog.standard().form(section),
                  content,
                  now.content(),
                  new Respondent(
                      today(),
                      p.birth().year(),
                      d.actingAs() == ActingAs.SELF,
                      p.birth().minorOn(today())));
          if (!errors.isEmpty()) {
            append(chain(p), "PROFILE_WRITTEN", d.consentId(), "REFUSED profile-invalid");
            throw new ServerProblem(
                new Problem(
                    Problem.TYPE_PREFIX + "profile-invalid",
                    "profile invalid",
                    422,
                    errors.size() + " answers are not valid",
                    "problem.profile-invalid",
                    Map.of("count", errors.size()),
                    errors.stream()
                        .map(e -> new Problem.FieldError(e.pointer(), e.messageKey(), e.params()))
                        .toList()));
          }
          long version = expectedVersion + 1;
          Map<String, Object> facts = new LinkedHashMap<>();
          facts.put("section", section);
          facts.put("version", version);
          facts.putAll(actor(d));
          Receipt r = receipt("profile-update", d.personId(), d.consentId(), facts);
          ProfileSection written =
              new ProfileSection(section, version, content, clock.instant(), r);
          sections.put(d.personId() + "/" + section, written);
          append("person:" + d.personId(), "PROFILE_WRITTEN", d.consentId(), "OK");
          return written;
        });
  }

  @Override
  public List<JournalEntry> journal(MediatorSession session, Delegation delegation) {
    gate("JOURNAL_READ");
    synchronized (this) {
      session(session, "JOURNAL_READ");
      Dlg d = authorize(delegation, Operation.READ_JOURNAL, "JOURNAL_READ");
      String chain = "person:" + d.personId();
      List<JournalEntry> read = List.copyOf(journals.getOrDefault(chain, List.of()));
      append(chain, "JOURNAL_READ", d.consentId(), "OK");
      return read;
    }
  }

  // ------------------------------------------------------------------ as the server does it

  /** Waits, or fails, as the mode says; otherwise lets the call through. */
  private void gate(String action) {
    if (downFor != null && !downFor.equals(action)) {
      reachable = true;
      return;
    }
    switch (mode) {
      case SLOW -> {
        try {
          if (!slow.await(30, TimeUnit.SECONDS)) {
            throw network();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw network();
        }
      }
      case DOWN -> throw network();
      case REFUSING -> {
        reachable = true;
        throw new ServerProblem(
            new Problem(
                Problem.TYPE_PREFIX + "unexpected",
                "Unexpected answer",
                502,
                "HTTP 502",
                "problem.unexpected",
                Map.of("status", 502)));
      }
      case UP -> {}
    }
    reachable = true;
  }

  private ServerProblem network() {
    reachable = false;
    return new ServerProblem(
        new Problem(
            Problem.TYPE_PREFIX + ServerProblem.NETWORK,
            "Server unreachable",
            0,
            "fake: down",
            "problem.network",
            Map.of()));
  }

  /** The mediator's session, kept alive by this call; 30 minutes without a call end it. */
  private void session(MediatorSession session, String action) {
    Instant last = session == null ? null : sessions.get(session.token());
    if (last == null) {
      throw refused(MEDIATOR_CHAIN, action, null, 401, "session-required", Map.of());
    }
    if (!clock.instant().isBefore(last.plus(SESSION_IDLE))) {
      throw refused(MEDIATOR_CHAIN, action, null, 401, "session-expired", Map.of());
    }
    sessions.put(session.token(), clock.instant());
  }

  /**
   * A mutating call: the answer already given to this key if there is one, else the call done; a
   * refusal is an answer too. The reply may then be lost ({@link #loseReplies(int)}).
   */
  private <T> T once(String action, MediatorSession session, RequestKey key, Supplier<T> call) {
    synchronized (this) {
      keys.add(new String[] {action, key.value()});
    }
    gate(action);
    Object answer;
    boolean lose;
    synchronized (this) {
      answer = answered.get(key.value());
      if (answer == null) {
        try {
          session(session, action);
          answer = call.get();
        } catch (ServerProblem refused) {
          answer = refused;
        }
        answered.put(key.value(), answer);
      }
      lose = lostReplies > 0 && action.equals(losing);
      if (lose) {
        lostReplies--;
      }
    }
    if (lose) {
      throw network();
    }
    if (answer instanceof ServerProblem refused) {
      throw refused;
    }
    @SuppressWarnings("unchecked")
    T value = (T) answer;
    return value;
  }

  /**
   * The delegation presented, checked as the server checks it: live, with the scope the operation
   * needs, and allowed by the rule table for who acts, in the state of the space, on the day.
   */
  private Dlg authorize(Delegation delegation, Operation operation, String action) {
    Scope needed = operation.scope();
    Dlg d = delegations.get(delegation.delegationId());
    if (d == null) {
      throw refused(MEDIATOR_CHAIN, action, null, 401, "delegation-required", Map.of());
    }
    String chain = "person:" + d.personId();
    if (d.revoked()) {
      throw refused(chain, action, d.consentId(), 401, "delegation-revoked", Map.of());
    }
    if (!clock.instant().isBefore(d.expires())) {
      throw refused(chain, action, d.consentId(), 401, "delegation-expired", Map.of());
    }
    if (!d.scopes().contains(needed)) {
      throw refused(
          chain, action, d.consentId(), 403, "scope-missing", Map.of("scope", needed.wire()));
    }
    Optional<RuleTable.Refusal> refusal = RuleTable.refusal(operation, situation(d));
    if (refusal.isPresent()) {
      throw refused(chain, action, d.consentId(), refusal.get());
    }
    return d;
  }

  private RuleTable.Situation situation(Dlg d) {
    return new RuleTable.Situation(
        accounts.get(d.personId()),
        d.actingAs(),
        people.get(d.personId()).birth(),
        today(),
        OPPOSITION);
  }

  /** Who acted, as every receipt of a delegation says it. */
  private Map<String, Object> actor(Dlg d) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("mediator", "Camille Bernard");
    facts.put("structure", STRUCTURE);
    facts.put("actingAs", d.actingAs().name());
    Boolean opinion = consents.get(d.consentId()).opinionAsked();
    if (opinion != null) {
      facts.put("personOpinionAsked", opinion);
    }
    return facts;
  }

  private AccountStatus view(Dlg d) {
    Person p = people.get(d.personId());
    Account account = accounts.get(p.id());
    Account.Today today = account.on(today(), OPPOSITION);
    List<String> possible = new ArrayList<>();
    today.possibleActions().stream()
        .filter(a -> d.actingAs().allows(a.requiredScope()))
        .forEach(a -> possible.add(a.name()));
    boolean newerState = p.id().equals(newer);
    if (newerState) {
      possible.add("MERGE_RECORDS");
    }
    List<String> allowed =
        today.possibleActions().stream()
            .filter(
                a ->
                    d.scopes().contains(a.requiredScope())
                        && d.actingAs().allows(a.requiredScope()))
            .map(AccountAction::name)
            .toList();
    boolean minor = p.birth().minorOn(today());
    return new AccountStatus(
        p.id(),
        p.first(),
        p.last(),
        p.birth().year(),
        newerState ? "FROZEN" : today.state().name(),
        account.informationSentOn(),
        today.oppositionDeadline().orElse(null),
        today.daysLeftToOppose().orElse(null),
        today.archiveEnd().orElse(null),
        today.deletionDue().orElse(null),
        account.dataDeleted(today()),
        possible,
        allowed,
        p.email() != null ? "EMAIL" : p.phone() != null ? "SMS" : "LETTER",
        d.actingAs().name(),
        represented(p.id()),
        links.stream()
            .filter(l -> l.accepted() && l.represented().equals(p.id()))
            .map(l -> represented(l.representative(), l.kind()))
            .toList(),
        minor,
        minor ? p.birth().adultOn() : null,
        shares.values().stream()
            .filter(sh -> sh.childId().equals(p.id()) || sh.inviteeId().equals(p.id()))
            .map(this::share)
            .toList());
  }

  private List<Represented> represented(String personId) {
    return links.stream()
        .filter(l -> l.accepted() && l.representative().equals(personId))
        .map(l -> represented(l.represented(), l.kind()))
        .toList();
  }

  private Represented represented(String personId, String kind) {
    Person p = people.get(personId);
    return new Represented(p.id(), p.first(), p.last(), p.birth().year(), kind);
  }

  private Identification identification(String id) {
    Idn idn = identifications.get(id);
    Person p = people.get(idn.personId());
    return new Identification(
        id,
        p.id(),
        p.first(),
        p.last(),
        p.birth().year(),
        List.copyOf(idn.proofs()),
        idn.proofs().size() >= 2 ? "STRONG" : "STANDARD",
        idn.expires(),
        represented(p.id()));
  }

  private ActionResult caregiverChanged(Dlg d, Person caregiver, String kind, String action) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("caregiver", caregiver.display());
    facts.putAll(actor(d));
    Receipt r = receipt(kind, d.personId(), d.consentId(), facts);
    append("person:" + d.personId(), action, d.consentId(), "OK");
    return new ActionResult(view(d), r);
  }

  private long caregivers(String personId, boolean ofPerson) {
    return links.stream()
        .filter(
            l ->
                l.accepted()
                    && l.kind().equals("CAREGIVING")
                    && (ofPerson ? l.represented() : l.representative()).equals(personId))
        .count();
  }

  private Person byNir(String typed, String action) {
    Nir nir;
    try {
      nir = Nir.parse(typed);
    } catch (InvalidValue e) {
      throw invalid(MEDIATOR_CHAIN, action, e);
    }
    return people.values().stream()
        .filter(p -> p.nir().equals(nir.value()))
        .findFirst()
        .orElseThrow(
            () -> refused(MEDIATOR_CHAIN, action, null, 404, "identification-failed", Map.of()));
  }

  private VitaleSerial serial(String chain, String typed) {
    try {
      return VitaleSerial.parse(typed);
    } catch (InvalidValue e) {
      throw invalid(chain, "IDENTIFY", e);
    }
  }

  private void unless(boolean ok, Person p, String action) {
    if (!ok) {
      throw refused(chain(p), action, null, 404, "identification-failed", Map.of());
    }
  }

  private boolean letterCode(Person p, String code) {
    String expected = letterCodes.get(p.id());
    return expected != null
        && code != null
        && expected.equals(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
  }

  private Person redeem(String challengeId, String code, String action) {
    Challenge ch = challengeId == null ? null : challenges.get(challengeId);
    if (ch == null) {
      throw refused(MEDIATOR_CHAIN, action, null, 404, "identification-unknown", Map.of());
    }
    Person p = people.get(ch.personId());
    if (ch.used() || !clock.instant().isBefore(ch.expires())) {
      throw refused(chain(p), action, null, 410, "code-expired", Map.of());
    }
    unless(code != null && ch.code().equals(code.strip()), p, action);
    challenges.put(challengeId, new Challenge(ch.personId(), ch.code(), ch.expires(), true));
    return p;
  }

  private static String chain(Person p) {
    return "person:" + p.id();
  }

  private ServerProblem invalid(String chain, String action, InvalidValue e) {
    append(chain, action, null, "REFUSED invalid-input");
    return new ServerProblem(
        new Problem(
            Problem.TYPE_PREFIX + "invalid-input",
            "invalid input",
            422,
            e.getMessage(),
            e.messageKey(),
            e.params()));
  }

  /** A refusal of the rule table, with the status the server gives its cause. */
  private ServerProblem refused(
      String chain, String action, String consentId, RuleTable.Refusal refusal) {
    int status =
        switch (refusal.cause()) {
          case WHO -> 403;
          case STATE -> 409;
          case CONSENT -> 422;
        };
    return refused(chain, action, consentId, status, refusal.slug(), refusal.params());
  }

  private ServerProblem refused(
      String chain,
      String action,
      String consentId,
      int status,
      String slug,
      Map<String, Object> params) {
    append(chain, action, consentId, "REFUSED " + slug);
    return new ServerProblem(
        new Problem(
            Problem.TYPE_PREFIX + slug,
            slug.replace('-', ' '),
            status,
            slug,
            "problem." + slug,
            params));
  }

  private void append(String chain, String action, String consentId, String outcome) {
    List<JournalEntry> lines = journals.computeIfAbsent(chain, c -> new ArrayList<>());
    String previous = lines.isEmpty() ? null : lines.get(lines.size() - 1).hash();
    long seq = lines.size() + 1;
    Instant at = clock.instant();
    String hash =
        sha256(String.join("|", String.valueOf(previous), String.valueOf(seq), action, outcome));
    lines.add(
        new JournalEntry(
            seq, at, MEDIATOR, "str-demo", consentId, action, outcome, null, previous, hash));
  }

  /**
   * A receipt under a consent, which gives it the language and the counter's zone of that consent,
   * as the server's receipts carry them.
   */
  private Receipt receipt(
      String kind, String personId, String consentId, Map<String, Object> facts) {
    String id = "rcp-" + next();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", kind);
    payload.put("id", id);
    payload.put("issuedAt", clock.instant().toString());
    payload.put("person", people.get(personId).display());
    payload.putAll(facts);
    Cns consent = consentId == null ? null : consents.get(consentId);
    if (consent != null) {
      payload.put("language", consent.language());
      if (consent.zone() != null) {
        payload.put("zone", consent.zone());
      }
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    try {
      String signed =
          b64.encodeToString(Json.mapper().writeValueAsBytes(payload))
              + "."
              + b64.encodeToString("not signed: a fake".getBytes(StandardCharsets.US_ASCII));
      Receipt r = new Receipt(id, kind, personId, clock.instant(), signed);
      receipts.add(r);
      return r;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> dates(Account.Today today) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("state", today.state().name());
    today.oppositionDeadline().ifPresent(d -> facts.put("oppositionDeadline", d.toString()));
    today.archiveEnd().ifPresent(d -> facts.put("archiveEnd", d.toString()));
    today.deletionDue().ifPresent(d -> facts.put("deletionDue", d.toString()));
    return facts;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), PARIS);
  }

  private int next() {
    return ++serial;
  }

  private static String mask(String destination) {
    int at = destination.indexOf('@');
    if (at > 0) {
      return destination.charAt(0) + "***" + destination.substring(at);
    }
    String digits = destination.replaceAll("\\D", "");
    return digits.substring(0, 2) + " ** ** ** " + digits.substring(digits.length() - 2);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether a typed birth date (ISO, {@code 00} for an unknown part) is the person's, as the server
   * matches it.
   */
  private static boolean bornOn(Person p, String typed) {
    return typed != null && p.birth().matches(BirthDate.fromIso(typed));
  }
}
