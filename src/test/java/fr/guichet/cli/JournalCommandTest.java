package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.Guichet;
import fr.guichet.testing.DemoSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JournalCommandTest {
  @TempDir Path data;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = Guichet.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void findsEveryChainIntactThenTheEntryAnyoneAltered() {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      sandbox.open("p-jeanne", "account:read");
      assertThat(run("journal", "verify", "--data", data.toString())).isZero();
      assertThat(out.toString()).contains("Journal intact:", "every chain holds");

      sandbox.update(
          "UPDATE journal SET detail = 'nothing happened' WHERE chain = 'person:p-jeanne' AND seq = 2");
      assertThat(run("journal", "verify", "--data", data.toString())).isEqualTo(1);
      assertThat(out.toString())
          .contains("BROKEN person:p-jeanne entry 2: was altered after it was written");
    }
  }

  @Test
  void saysWhenThereIsNoJournal() {
    assertThat(run("journal", "verify", "--data", data.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No journal here");
  }
}
