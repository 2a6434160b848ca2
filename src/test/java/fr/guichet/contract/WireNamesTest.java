package fr.guichet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.domain.AccountAction;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wire enums: the names the server sends read as typed values, a name from a newer server as
 * UNKNOWN (never an exception), the same names as the domain's, and the JSON of a record unchanged
 * by its typed readings.
 */
class WireNamesTest {
  @Test
  void everyNameTheServerSendsIsKnownAndAnyOtherIsUnknown() {
    assertThat(SpaceState.of("CLOSED")).isEqualTo(SpaceState.CLOSED);
    assertThat(SpaceState.of("FROZEN")).isEqualTo(SpaceState.UNKNOWN);
    assertThat(SpaceState.of(null)).isEqualTo(SpaceState.UNKNOWN);
    assertThat(SpaceState.of("closed")).as("names are exact").isEqualTo(SpaceState.UNKNOWN);
    assertThat(ActingKind.of("SOMETHING_NEW")).isEqualTo(ActingKind.UNKNOWN);
    assertThat(ActionName.of("MERGE_RECORDS")).isEqualTo(ActionName.UNKNOWN);
    assertThat(ProofMethod.of("FRANCE_CONNECT")).isEqualTo(ProofMethod.UNKNOWN);
    assertThat(ProofStrength.of("STRONG")).isEqualTo(ProofStrength.STRONG);
  }

  @Test
  void theWireNamesAreTheDomainsPlusUnknown() {
    assertThat(names(SpaceState.values())).isEqualTo(plusUnknown(AccountState.values()));
    assertThat(names(ActingKind.values())).isEqualTo(plusUnknown(ActingAs.values()));
    assertThat(names(ActionName.values())).isEqualTo(plusUnknown(AccountAction.values()));
  }

  @Test
  void aNewerServersStateIsReadAsUnknownFromJson() throws Exception {
    AccountStatus read =
        Json.mapper()
            .readValue(
                "{\"state\":\"FROZEN\",\"actingAs\":\"MANDATE\",\"possibleActions\":"
                    + "[\"CLOSE\",\"MERGE\"],\"allowedActions\":[],\"manages\":[],\"access\":[]}",
                AccountStatus.class);
    assertThat(read.state()).as("the wire's word is kept").isEqualTo("FROZEN");
    assertThat(read.spaceState()).isEqualTo(SpaceState.UNKNOWN);
    assertThat(read.actingKind()).isEqualTo(ActingKind.UNKNOWN);
    assertThat(read.actions()).containsExactly(ActionName.CLOSE, ActionName.UNKNOWN);
    assertThat(Json.mapper().readValue("\"FROZEN\"", SpaceState.class))
        .as("the enum itself reads from JSON with its fallback")
        .isEqualTo(SpaceState.UNKNOWN);
  }

  @Test
  void absentActingAsIsThePersonThemself() {
    assertThat(status(null).actingKind()).isEqualTo(ActingKind.SELF);
  }

  @Test
  void theTypedReadingsAreNotWrittenToJson() throws Exception {
    String json = Json.mapper().writeValueAsString(status("CAREGIVING"));
    assertThat(json)
        .contains("\"state\":\"ACTIVE\"", "\"actingAs\":\"CAREGIVING\"")
        .doesNotContain("spaceState", "actingKind", "\"actions\"");
    Identification who =
        new Identification(
            "i", "p", "A", "B", 1950, List.of("VITALE"), "STANDARD", null, List.of());
    assertThat(Json.mapper().writeValueAsString(who))
        .doesNotContain("proofStrength", "proofMethods");
    assertThat(who.proofMethods()).containsExactly(ProofMethod.VITALE);
  }

  private static AccountStatus status(String actingAs) {
    return new AccountStatus(
        "p",
        "A",
        "B",
        1950,
        "ACTIVE",
        LocalDate.of(2026, 1, 1),
        null,
        null,
        null,
        null,
        false,
        List.of("CLOSE"),
        List.of(),
        "EMAIL",
        actingAs,
        List.of(),
        List.of(),
        false,
        null,
        List.of());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static List<String> plusUnknown(Enum<?>[] values) {
    return Stream.concat(Arrays.stream(values).map(Enum::name), Stream.of("UNKNOWN")).toList();
  }
}
