package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Receipt;
import fr.guichet.domain.AccountAction;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AccountWordsTest {
  final Messages fr = Messages.of(Language.FRENCH);
  final AccountWords words = new AccountWords(fr, CliText.of(Language.FRENCH));

  @Test
  void eachActionIsOneCommandAndThatCommandDoesThatAction() {
    Map<String, CommandLine> commands =
        Guichet.commandLine().getSubcommands().get("account").getSubcommands();
    for (AccountAction action : AccountAction.values()) {
      String verb = AccountWords.command(action);
      assertThat(commands).as(verb).containsKey(verb);
      assertThat(((AccountSubcommand) commands.get(verb).getCommand()).action())
          .as(verb)
          .isEqualTo(action);
    }
  }

  static Receipt receipt(String json) {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return Receipt.fromSigned(payload + ".c2ln");
  }

  static AccountStatus closedThenReopened() {
    return new AccountStatus(
        "p-louis", "Louis", "Petit", 1985, "ACTIVE", null, null, null, null, null, false, List.of(),
        List.of(), "EMAIL", "SELF", List.of(), List.of(), false, null, List.of());
  }

  @Test
  void aReopeningSaysTheDataCameBackOnlyWhenItsReceiptSaysSo() {
    String base =
        "{\"v\":1,\"kind\":\"reopen\",\"id\":\"rcp-1\",\"issuedAt\":\"2026-11-29T09:00:00Z\","
            + "\"person\":\"Louis P. (1985)\"";
    List<String> silent =
        words.result(
            new ActionResult(closedThenReopened(), receipt(base + "}")),
            "Louis Petit",
            ZoneId.of("Europe/Paris"));
    assertThat(silent)
        .doesNotContain(fr.text("receipt.reopen.restored"), fr.text("receipt.reopen.not-restored"))
        .contains(fr.text("receipt.title.reopen"), "Référence du reçu : rcp-1.");
    List<String> restored =
        words.result(
            new ActionResult(closedThenReopened(), receipt(base + ",\"dataRestored\":true}")),
            "Louis Petit",
            ZoneId.of("Europe/Paris"));
    assertThat(restored).contains(fr.text("receipt.reopen.restored"));
  }
}
