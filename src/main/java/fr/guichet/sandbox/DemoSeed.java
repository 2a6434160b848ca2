package fr.guichet.sandbox;

import fr.guichet.domain.AccountState;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.Nir;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Fictional people for demonstrations and tests, under the demo INS OID: one per account state of
 * DOMAIN.md, a parent with two children and the children's other parent, an adult under tutelle and
 * his tutor, an adult under curatelle and his curator, a person and her caregiver, a person with
 * neither e-mail nor phone, a person whose civil status gives only a year of birth (born in
 * Mayotte), a vaccination confirmed by a professional; one demo structure with one demo mediator.
 *
 * <p>Dates are relative to the day of seeding, so that an opposition period is running whenever the
 * demo starts. The README lists these people; keep both in step.
 *
 * <pre>{@code
 * db.tx(c -> { DemoSeed.load(c, rules.today()); return null; });
 * }</pre>
 */
final class DemoSeed {
  static final String DEMO_INS_OID = "urn:oid:1.2.250.1.213.1.4.11";
  static final String STRUCTURE_ID = "str-demo";
  static final String MEDIATOR_LOGIN = "demo.mediatrice";
  static final String MEDIATOR_PASSWORD = "Guichet-demo-2026";
  static final String MEDIATOR_TOTP_SECRET = "GUICHETDEMOSECRETKEYFORMEDIATOR2";

  /** The manager of the demo structure, who reads what the team did. */
  static final String MANAGER_LOGIN = "demo.responsable";

  static final String MANAGER_TOTP_SECRET = "GUICHETDEMOMANAGERSECRETKEY23456";

  /** A mediator of another structure: what is not theirs stays closed to them. */
  static final String OTHER_LOGIN = "autre.mediateur";

  static final String OTHER_TOTP_SECRET = "GUICHETOTHERSTRUCTUREMEDIATOR234";

  /** The operator of the service (the health insurance), who suspends and lifts suspensions. */
  static final String OPERATOR_LOGIN = "demo.operateur";

  static final String OPERATOR_TOTP_SECRET = "GUICHETDEMOOPERATORSECRETKEY2345";

  /**
   * One-time codes of the letters or e-mails that announced a space (valid 6 weeks from sending).
   */
  static final java.util.Map<String, String> LETTER_CODES =
      java.util.Map.of(
          "p-jeanne",
          "JM4K-7P2Q",
          "p-maria",
          "MD8R-3T6W",
          "p-raymond",
          "RF2H-9K4L",
          "p-ahmed",
          "AB5N-8C3V");

  /**
   * A demo person.
   *
   * @param nir13 the NIR without its key; the key is computed
   * @param sentDaysAgo days since the creation was announced, or -1 if never
   * @param closedDaysAgo days since closure, or -1
   */
  record Person(
      String id,
      String nir13,
      String first,
      String last,
      BirthDate birth,
      String vitale,
      String email,
      String phone,
      String language,
      AccountState state,
      int sentDaysAgo,
      int closedDaysAgo) {
    String nir() {
      return new Nir(nir13 + Nir.key(nir13)).value();
    }
  }

  record Link(String representative, String represented, String kind) {}

  static final List<Person> PEOPLE =
      List.of(
          new Person(
              "p-jeanne",
              "2500375056123",
              "Jeanne",
              "Martin",
              new BirthDate(1950, 3, 14),
              "12345678",
              "jeanne.martin@example.org",
              "0600000001",
              "fr",
              AccountState.ANNOUNCED,
              10,
              -1),
          new Person(
              "p-ahmed",
              "1620713055041",
              "Ahmed",
              "Benali",
              new BirthDate(1962, 7, 2),
              "2345678901",
              "ahmed.benali@example.org",
              null,
              "ar",
              AccountState.OPPOSED,
              20,
              -1),
          new Person(
              "p-maria",
              "2711169123087",
              "Maria",
              "Da Silva",
              new BirthDate(1971, 11, 23),
              "345678901234",
              "maria.dasilva@example.org",
              "0600000003",
              "pt",
              AccountState.ACTIVE_NOT_ACTIVATED,
              60,
              -1),
          new Person(
              "p-louis",
              "1850533063210",
              "Louis",
              "Petit",
              new BirthDate(1985, 5, 30),
              "4567890123456",
              "louis.petit@example.org",
              "0600000004",
              "fr",
              AccountState.ACTIVE,
              400,
              -1),
          new Person(
              "p-emma",
              "2150933063318",
              "Emma",
              "Petit",
              new BirthDate(2015, 9, 12),
              null,
              null,
              null,
              "fr",
              AccountState.ACTIVE,
              400,
              -1),
          new Person(
              "p-hugo",
              "1190233063402",
              "Hugo",
              "Petit",
              new BirthDate(2019, 2, 3),
              null,
              null,
              null,
              "fr",
              AccountState.ACTIVE,
              400,
              -1),
          new Person(
              "p-fatima",
              "248012A004015",
              "Fatima",
              "Haddad",
              new BirthDate(1948, 1, 9),
              "56789012",
              "fatima.haddad@example.org",
              null,
              "ar",
              AccountState.CLOSED,
              500,
              365),
          new Person(
              "p-pierre",
              "1550959350118",
              "Pierre",
              "Leroy",
              new BirthDate(1955, 9, 17),
              "67890123",
              "pierre.leroy@example.org",
              "0600000007",
              "fr",
              AccountState.CLOSED_DELETION_REQUESTED,
              500,
              20),
          new Person(
              "p-yves",
              "1700444109077",
              "Yves",
              "Moreau",
              new BirthDate(1970, 4, 4),
              "78901234",
              "yves.moreau@example.org",
              "0600000008",
              "fr",
              AccountState.SUSPENDED,
              300,
              -1),
          new Person(
              "p-marcel",
              "1401223096005",
              "Marcel",
              "Dubois",
              new BirthDate(1940, 12, 1),
              "89012345",
              null,
              "0600000009",
              "fr",
              AccountState.ACTIVE,
              300,
              -1),
          new Person(
              "p-sophie",
              "2680687085233",
              "Sophie",
              "Lambert",
              new BirthDate(1968, 6, 15),
              "90123456",
              "sophie.lambert@example.org",
              "0600000010",
              "fr",
              AccountState.ACTIVE,
              300,
              -1),
          new Person(
              "p-georgette",
              "2360697120044",
              "Georgette",
              "Roux",
              new BirthDate(1936, 6, 21),
              "11223344",
              null,
              "0690000011",
              "ht",
              AccountState.ACTIVE,
              300,
              -1),
          new Person(
              "p-alain",
              "1621097611150",
              "Alain",
              "Roux",
              new BirthDate(1962, 10, 8),
              "22334455",
              "alain.roux@example.org",
              "0639000012",
              "fr",
              AccountState.ACTIVE,
              300,
              -1),
          new Person(
              "p-raymond",
              "1440215014062",
              "Raymond",
              "Faure",
              new BirthDate(1944, 2, 11),
              "33445566",
              null,
              null,
              "fr",
              AccountState.ANNOUNCED,
              35,
              -1),
          // Emma and Hugo's other parent: Louis can share their profiles with her.
          new Person(
              "p-claire",
              "2870875112345",
              "Claire",
              "Morel",
              new BirthDate(1987, 8, 20),
              "55667788",
              "claire.morel@example.org",
              "0600000014",
              "fr",
              AccountState.ACTIVE,
              300,
              -1),
          // Born in Mayotte; her civil status gives only the year (00/00/1958), as her NIR's
          // month (99) says.
          new Person(
              "p-zainaba",
              "2589997605031",
              "Zaïnaba",
              "Madi",
              new BirthDate(1958, 0, 0),
              "44556677",
              null,
              "0639000013",
              "fr",
              AccountState.ACTIVE,
              300,
              -1));

  static final List<Link> LINKS =
      List.of(
          new Link("p-louis", "p-emma", "LEGAL_REPRESENTATION"),
          new Link("p-louis", "p-hugo", "LEGAL_REPRESENTATION"),
          new Link("p-sophie", "p-marcel", "GUARDIANSHIP"),
          new Link("p-claire", "p-raymond", "CURATORSHIP"),
          new Link("p-alain", "p-georgette", "CAREGIVING"));

  /** A demo document, its content a one-page PDF. */
  record Document(
      String id,
      String personId,
      String category,
      String title,
      int daysAgo,
      boolean hiddenFromRepresentatives,
      List<String> lines) {}

  static final List<Document> DOCUMENTS =
      List.of(
          new Document(
              "doc-louis-1",
              "p-louis",
              "Ordonnances et soins",
              "Ordonnance du Dr Lefèvre",
              12,
              false,
              List.of(
                  "Amoxicilline 1 g : 2 fois par jour pendant 6 jours.",
                  "Document de démonstration.")),
          new Document(
              "doc-louis-2",
              "p-louis",
              "Résultats de biologie",
              "Bilan sanguin",
              40,
              false,
              List.of("Glycémie à jeun : 0,92 g/L.", "Document de démonstration.")),
          new Document(
              "doc-emma-1",
              "p-emma",
              "Prévention et dépistages",
              "Carnet de vaccination",
              200,
              false,
              List.of("ROR : 2 doses.", "Document de démonstration.")),
          new Document(
              "doc-emma-2",
              "p-emma",
              "Comptes rendus",
              "Consultation confidentielle",
              30,
              true,
              List.of(
                  "Soin que la mineure garde confidentiel (R.1111-50).",
                  "Document de démonstration.")),
          new Document(
              "doc-georgette-1",
              "p-georgette",
              "Comptes rendus",
              "Compte rendu d'hospitalisation",
              90,
              false,
              List.of("Séjour de 3 jours, retour à domicile.", "Document de démonstration.")),
          new Document(
              "doc-marcel-1",
              "p-marcel",
              "Pièces administratives",
              "Attestation de droits",
              100,
              false,
              List.of("Droits ouverts jusqu'au 31/12.", "Document de démonstration.")));

  /** A section of a demo person's medical profile, as a professional or the person wrote it. */
  record Section(String personId, String section, String content) {}

  static final List<Section> SECTIONS =
      List.of(
          // Confirmed by a professional: shown, kept, never changed nor removed from Guichet.
          new Section(
              "p-georgette",
              "vaccinations",
              "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"tetanus\","
                  + "\"date\":\"2019-04-02\",\"dose\":\"booster\",\"confirmed\":true}]}"));

  private DemoSeed() {}

  /** Loads the demo data unless they are there already. */
  static void load(Connection c, LocalDate today) throws SQLException {
    if (Database.one(c, "SELECT id FROM structure WHERE id = ?", r -> r.getString(1), STRUCTURE_ID)
        .isPresent()) {
      return;
    }
    Database.update(
        c, "INSERT INTO structure (id, name) VALUES (?, ?)", STRUCTURE_ID, "France Services Démo");
    Database.update(
        c,
        "INSERT INTO structure (id, name) VALUES (?, ?)",
        "str-other",
        "France Services Aubusson");
    String password = Secrets.hashPassword(MEDIATOR_PASSWORD);
    String insertMediator =
        "INSERT INTO mediator (id, structure_id, login, display_name, role, password_hash, totp_secret) VALUES (?, ?, ?, ?, ?, ?, ?)";
    Database.update(
        c,
        insertMediator,
        "m-camille",
        STRUCTURE_ID,
        MEDIATOR_LOGIN,
        "Camille Bernard",
        "MEDIATOR",
        password,
        MEDIATOR_TOTP_SECRET);
    Database.update(
        c,
        insertMediator,
        "m-nadia",
        STRUCTURE_ID,
        MANAGER_LOGIN,
        "Nadia Roussel",
        "STRUCTURE_MANAGER",
        password,
        MANAGER_TOTP_SECRET);
    Database.update(
        c,
        insertMediator,
        "m-olivier",
        "str-other",
        OTHER_LOGIN,
        "Olivier Mercier",
        "MEDIATOR",
        password,
        OTHER_TOTP_SECRET);
    Database.update(
        c,
        "INSERT INTO structure (id, name) VALUES (?, ?)",
        "str-operator",
        "Assurance Maladie (démo)");
    Database.update(
        c,
        insertMediator,
        "m-operator",
        "str-operator",
        OPERATOR_LOGIN,
        "Opérateur démo",
        "OPERATOR",
        password,
        OPERATOR_TOTP_SECRET);
    for (Person p : PEOPLE) {
      AccountState state = p.state();
      String closed = p.closedDaysAgo() < 0 ? null : today.minusDays(p.closedDaysAgo()).toString();
      Database.update(
          c,
          "INSERT INTO person (id, ins_oid, nir, birth_date, first_name, last_name, vitale_serial, email, phone, language,"
              + " state, information_sent_on, closed_on, deletion_requested_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          p.id(),
          DEMO_INS_OID,
          p.nir(),
          p.birth().iso(),
          p.first(),
          p.last(),
          p.vitale(),
          p.email(),
          p.phone(),
          p.language(),
          state.name(),
          p.sentDaysAgo() < 0 ? null : today.minusDays(p.sentDaysAgo()).toString(),
          closed,
          state == AccountState.CLOSED_DELETION_REQUESTED ? closed : null);
      if (state == AccountState.SUSPENDED) {
        Database.update(
            c,
            "UPDATE person SET state_before_suspension = ? WHERE id = ?",
            AccountState.ACTIVE.name(),
            p.id());
      }
      String code = LETTER_CODES.get(p.id());
      if (code != null) {
        Database.update(
            c,
            "UPDATE person SET activation_code_hash = ?, activation_code_expires_on = ? WHERE id = ?",
            Secrets.sha256(code.replace("-", "")),
            today.plusDays(30).toString(),
            p.id());
      }
    }
    for (Document d : DOCUMENTS) {
      Database.update(
          c,
          "INSERT INTO document (id, person_id, category, title, created_on, hidden_from_representatives,"
              + " content_base64) VALUES (?, ?, ?, ?, ?, ?, ?)",
          d.id(),
          d.personId(),
          d.category(),
          d.title(),
          today.minusDays(d.daysAgo()).toString(),
          d.hiddenFromRepresentatives() ? 1 : 0,
          java.util.Base64.getEncoder().encodeToString(DemoPdf.page(d.title(), d.lines())));
    }
    for (Section section : SECTIONS) {
      Database.update(
          c,
          "INSERT INTO profile_section (person_id, section, version, content, updated_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          section.personId(),
          section.section(),
          1,
          section.content(),
          today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
    }
    for (Link link : LINKS) {
      Database.update(
          c,
          "INSERT INTO representation (id, representative_id, represented_id, kind, status) VALUES (?, ?, ?, ?, ?)",
          "rep-" + link.representative() + "-" + link.represented(),
          link.representative(),
          link.represented(),
          link.kind(),
          "ACCEPTED");
    }
  }
}
