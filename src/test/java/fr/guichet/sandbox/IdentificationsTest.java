package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.client.ApiException;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ContactChallenge;
import fr.guichet.contract.ContactCodeRequest;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Problem;
import fr.guichet.contract.ProofRequest;
import fr.guichet.domain.Nir;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.Refused;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The three ways to identify a person, the strong identification, and the limits on failures. */
class IdentificationsTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  MediatorSession session;

  @BeforeEach
  void start() {
    session = sandbox.login();
  }

  DemoSandbox.Papers papers(String id) {
    return DemoSandbox.PEOPLE.get(id);
  }

  Identification identify(IdentificationRequest request) {
    return sandbox.api().identify(session, request, IdempotencyKey.random());
  }

  Identification identifyByVitale(String nir, LocalDate birth, String serial) {
    return identify(IdentificationRequest.byVitale(nir, birth, serial));
  }

  /** Sends a one-time code to the contact the insurer holds for the person named. */
  ContactChallenge sendCode(ContactCodeRequest request) {
    return sandbox.api().contactCode(session, request, IdempotencyKey.random());
  }

  @Test
  void byTheLettersCodeAndTheNir() {
    Identification who =
        identify(IdentificationRequest.byLetterCode(papers("p-jeanne").nir(), "jm4k 7p2q"));
    assertThat(who.proofs()).containsExactly("LETTER_CODE");
    Refused.with(
        "identification-failed",
        () -> identify(IdentificationRequest.byLetterCode(papers("p-jeanne").nir(), "JM4K-7P2R")));
  }

  @Test
  void byACodeSentToTheContactTheInsurerHolds() {
    DemoSandbox.Papers p = papers("p-georgette");
    ContactChallenge sent = sendCode(new ContactCodeRequest(p.nir(), p.birth()));
    assertThat(sent.channel()).isEqualTo("SMS");
    assertThat(sent.maskedDestination()).isEqualTo("06 ** ** ** 11");
    String code = sandbox.lastCode("p-georgette");
    Refused.with(
        "identification-failed",
        () ->
            identify(
                IdentificationRequest.byContactCode(
                    sent.challengeId(), code.equals("000000") ? "111111" : "000000")));
    Identification who = identify(IdentificationRequest.byContactCode(sent.challengeId(), code));
    assertThat(who.proofs()).containsExactly("CONTACT_CODE");
    Refused.with(
        "code-expired",
        () -> identify(IdentificationRequest.byContactCode(sent.challengeId(), code)));
  }

  @Test
  void aContactCodeLastsTenMinutes() {
    DemoSandbox.Papers p = papers("p-louis");
    ContactChallenge sent = sendCode(new ContactCodeRequest(p.nir(), p.birth()));
    assertThat(sent.channel()).isEqualTo("EMAIL");
    assertThat(sent.maskedDestination()).isEqualTo("l***@example.org");
    sandbox.clock().advance(Duration.ofMinutes(10));
    String code = sandbox.lastCode("p-louis");
    Refused.with(
        "code-expired",
        () ->
            sandbox
                .api()
                .identify(
                    sandbox.session(),
                    IdentificationRequest.byContactCode(sent.challengeId(), code),
                    IdempotencyKey.random()));
  }

  @Test
  void aPersonWithNeitherEmailNorPhoneIsToldToUseTheLetterOrTheCard() {
    DemoSandbox.Papers p = papers("p-raymond");
    Refused.with("no-contact", () -> sendCode(new ContactCodeRequest(p.nir(), p.birth())));
    assertThat(identify(IdentificationRequest.byLetterCode(p.nir(), "RF2H-9K4L")).strength())
        .isEqualTo("STANDARD");
  }

  @Test
  void twoProofsMakeAStrongIdentification() {
    Identification who = sandbox.identify("p-jeanne");
    Identification strong =
        sandbox
            .api()
            .addProof(
                session,
                who.identificationId(),
                new ProofRequest("LETTER_CODE", "JM4K-7P2Q", null, null),
                IdempotencyKey.random());
    assertThat(strong.proofs()).containsExactly("LETTER_CODE", "VITALE");
    assertThat(strong.strength()).isEqualTo("STRONG");
    Refused.with(
        "identification-failed",
        () ->
            sandbox
                .api()
                .addProof(
                    session,
                    who.identificationId(),
                    new ProofRequest("VITALE", null, null, "99999999"),
                    IdempotencyKey.random()));
  }

  @Test
  void aCodeSentToSomeoneElseIsNotAProofForThisPerson() {
    Identification jeanne = sandbox.identify("p-jeanne");
    DemoSandbox.Papers louis = papers("p-louis");
    ContactChallenge sent = sendCode(new ContactCodeRequest(louis.nir(), louis.birth()));
    Refused.with(
        "wrong-person",
        () ->
            sandbox
                .api()
                .addProof(
                    session,
                    jeanne.identificationId(),
                    new ProofRequest(
                        "CONTACT_CODE", sandbox.lastCode("p-louis"), sent.challengeId(), null),
                    IdempotencyKey.random()));
  }

  @Test
  void fiveFailuresOnAPersonLockHerIdentificationForAWhileEvenWithTheRightPapers() {
    DemoSandbox.Papers p = papers("p-jeanne");
    for (int i = 0; i < 5; i++) {
      Refused.with(
          "identification-failed",
          () -> identify(IdentificationRequest.byVitale(p.nir(), p.birth(), "99999999")));
    }
    Refused.with("identification-locked", () -> sandbox.identify("p-jeanne"));
    assertThat(sandbox.journal("person:p-jeanne"))
        .endsWith("IDENTIFY REFUSED identification-locked");
    sandbox.clock().advance(Duration.ofMinutes(31));
    assertThat(sandbox.identify("p-jeanne").firstName()).isEqualTo("Jeanne");
  }

  @Test
  void tenFailuresLockTheMediatorsIdentificationsWhoeverThePerson() {
    for (int i = 0; i < 10; i++) {
      String unknown = "19901750561" + String.format("%02d", i);
      Refused.with(
          "identification-failed",
          () ->
              identify(
                  IdentificationRequest.byVitale(
                      unknown + Nir.key(unknown), papers("p-jeanne").birth(), "12345678")));
    }
    Refused.with("identification-locked", () -> sandbox.identify("p-louis"));
    // Another mediator is not locked.
    MediatorSession other = sandbox.loginAs(DemoSandbox.OTHER_LOGIN, DemoSandbox.OTHER_SECRET);
    DemoSandbox.Papers louis = papers("p-louis");
    assertThat(
            sandbox
                .api()
                .identify(
                    other,
                    IdentificationRequest.byVitale(louis.nir(), louis.birth(), louis.vitale()),
                    IdempotencyKey.random())
                .firstName())
        .isEqualTo("Louis");
  }

  @Test
  void identifiesAPersonByNirBirthDateAndVitaleSerial() {
    Identification who =
        identifyByVitale(DemoSandbox.JEANNE_NIR, DelegationsTest.JEANNE_BIRTH, "1234 5678");
    assertThat(who.firstName()).isEqualTo("Jeanne");
    assertThat(who.birthYear()).isEqualTo(1950);
    assertThat(who.strength()).isEqualTo("STANDARD");
    assertThat(sandbox.journal("person:p-jeanne")).containsExactly("IDENTIFY OK");
  }

  @Test
  void aWrongNirKeyIsExplainedAndJournaledWithoutTheNumber() {
    assertThatThrownBy(
            () ->
                identifyByVitale("2 50 03 75 056 123 73", DelegationsTest.JEANNE_BIRTH, "12345678"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().messageKey()).isEqualTo("invalid.nir.key");
            });
    assertThat(sandbox.journal("mediator:m-camille")).contains("IDENTIFY REFUSED invalid-input");
  }

  @Test
  void anUnknownPersonAndAMismatchGiveTheSameAnswerAndTheMismatchIsInThePersonsJournal() {
    String unknownNir = "1990175056123" + Nir.key("1990175056123");
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(unknownNir, DelegationsTest.JEANNE_BIRTH, "12345678"));
    Refused.with(
        "identification-failed",
        404,
        () ->
            identifyByVitale(
                DemoSandbox.JEANNE_NIR, DelegationsTest.JEANNE_BIRTH.plusDays(1), "12345678"));
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(DemoSandbox.JEANNE_NIR, DelegationsTest.JEANNE_BIRTH, "87654321"));
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly(
            "IDENTIFY REFUSED identification-failed", "IDENTIFY REFUSED identification-failed");
    assertThat(sandbox.journal("mediator:m-camille"))
        .contains("IDENTIFY REFUSED identification-failed");
  }

  /** The problem a call ends with. */
  static Problem problemOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (ApiException e) {
      return e.problem();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("the call should have been refused");
  }

  static final String UNKNOWN_NIR = "1990175056123" + Nir.key("1990175056123");

  IdentificationRequest byVitale(String nir, LocalDate birth, String serial) {
    return IdentificationRequest.byVitale(nir, birth, serial);
  }

  Problem identifyProblem(MediatorSession as, IdentificationRequest request) {
    return problemOf(() -> sandbox.api().identify(as, request, IdempotencyKey.random()));
  }

  @Test
  void noAnswerTellsWhetherANirNamesSomeoneWhateverWasWrongOrChecksFirst() {
    DemoSandbox.Papers jeanne = papers("p-jeanne");
    LocalDate birth = jeanne.birth();
    String[][] cases = {
      {"wrong card", birth.toString(), "87654321"},
      {"wrong birth date", birth.plusDays(1).toString(), jeanne.vitale()},
      {"no birth date", null, jeanne.vitale()},
      {"a card number too short", birth.toString(), "12"},
      {"no birth date and a card number too short", null, "12"},
    };
    for (String[] c : cases) {
      LocalDate typedBirth = c[1] == null ? null : LocalDate.parse(c[1]);
      Problem known = identifyProblem(session, byVitale(jeanne.nir(), typedBirth, c[2]));
      Problem unknown = identifyProblem(session, byVitale(UNKNOWN_NIR, typedBirth, c[2]));
      assertThat(known).as(c[0]).isEqualTo(unknown);
    }
    Problem wrongLetter =
        identifyProblem(session, IdentificationRequest.byLetterCode(jeanne.nir(), "AAAA-BBBB"));
    assertThat(wrongLetter)
        .isEqualTo(
            identifyProblem(session, IdentificationRequest.byLetterCode(UNKNOWN_NIR, "AAAA-BBBB")));
    assertThat(wrongLetter.status()).isEqualTo(404);
    assertThat(wrongLetter.detail()).isEqualTo("no person matches these papers");
    Problem wrongBirthForACode =
        problemOf(() -> sendCode(new ContactCodeRequest(jeanne.nir(), birth.minusDays(1))));
    assertThat(wrongBirthForACode)
        .isEqualTo(
            problemOf(() -> sendCode(new ContactCodeRequest(UNKNOWN_NIR, birth.minusDays(1)))))
        .isEqualTo(wrongLetter);
  }

  @Test
  void anExpiredLetterCodeIsSaidExpiredOnlyToWhoeverTypesIt() {
    DemoSandbox.Papers jeanne = papers("p-jeanne");
    sandbox.clock().advance(Duration.ofDays(31));
    session = sandbox.login();
    Problem wrong =
        identifyProblem(session, IdentificationRequest.byLetterCode(jeanne.nir(), "AAAA-BBBB"));
    assertThat(wrong)
        .isEqualTo(
            identifyProblem(session, IdentificationRequest.byLetterCode(UNKNOWN_NIR, "AAAA-BBBB")));
    assertThat(
            identifyProblem(session, IdentificationRequest.byLetterCode(jeanne.nir(), "JM4K-7P2Q"))
                .slug())
        .isEqualTo("code-expired");
  }

  @Test
  void aLockedNirAndAnUnknownLockedNirGetTheSameAnswer() {
    DemoSandbox.Papers jeanne = papers("p-jeanne");
    MediatorSession other = sandbox.loginAs(DemoSandbox.OTHER_LOGIN, DemoSandbox.OTHER_SECRET);
    for (int i = 0; i < 5; i++) {
      identifyProblem(session, byVitale(jeanne.nir(), jeanne.birth(), "99999999"));
      identifyProblem(other, byVitale(UNKNOWN_NIR, jeanne.birth(), "99999999"));
    }
    Problem locked =
        identifyProblem(session, byVitale(jeanne.nir(), jeanne.birth(), jeanne.vitale()));
    assertThat(locked.slug()).isEqualTo("identification-locked");
    assertThat(locked)
        .isEqualTo(identifyProblem(other, byVitale(UNKNOWN_NIR, jeanne.birth(), jeanne.vitale())));
  }

  @Test
  void aPersonWithoutACardCannotBeIdentifiedThisWay() {
    String emma = "2150933063318" + Nir.key("2150933063318");
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(emma, LocalDate.of(2015, 9, 12), "12345678"));
  }

  Identification identifyByVitale(String nir, String birthDate, String serial) {
    return identify(IdentificationRequest.byVitale(nir, birthDate, serial));
  }

  @Test
  void aPersonWhoseCivilStatusGivesOnlyAYearIsIdentifiedOnTheKnownPart() {
    DemoSandbox.Papers zainaba = papers("p-zainaba");
    Identification who = identifyByVitale(zainaba.nir(), "1958-00-00", zainaba.vitale());
    assertThat(who.firstName()).isEqualTo("Zaïnaba");
    assertThat(who.birthYear()).isEqualTo(1958);
    // A day and month typed from another paper agree with a year-only civil status.
    assertThat(identifyByVitale(zainaba.nir(), "1958-07-01", zainaba.vitale()).personId())
        .isEqualTo("p-zainaba");
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(zainaba.nir(), "1959-00-00", zainaba.vitale()));
    ContactChallenge sent = sendCode(new ContactCodeRequest(zainaba.nir(), "1958-00-00"));
    assertThat(sent.channel()).isEqualTo("SMS");
    assertThat(
            identify(
                    IdentificationRequest.byContactCode(
                        sent.challengeId(), sandbox.lastCode("p-zainaba")))
                .personId())
        .isEqualTo("p-zainaba");
  }

  @Test
  void anUnknownPartTypedNeverMatchesAKnownOne() {
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(DemoSandbox.JEANNE_NIR, "1950-00-00", "12345678"));
    Refused.with(
        "identification-failed",
        404,
        () -> identifyByVitale(DemoSandbox.JEANNE_NIR, "1950-03-00", "12345678"));
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly(
            "IDENTIFY REFUSED identification-failed", "IDENTIFY REFUSED identification-failed");
  }

  @Test
  void anImpossibleBirthDateIsExplained() {
    for (String typed : List.of("1958-13-00", "1958-00-12", "2099-00-00")) {
      assertThatThrownBy(() -> identifyByVitale(papers("p-zainaba").nir(), typed, "44556677"))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.problem().status()).isEqualTo(422);
                assertThat(e.problem().messageKey()).isEqualTo("invalid.birthdate.impossible");
              });
    }
  }
}
