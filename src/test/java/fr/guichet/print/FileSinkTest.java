package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  @TempDir Path dir;

  @Test
  void workingCopiesAreDeletedWhenTheSittingEnds() throws Exception {
    FileSink sink = FileSink.workingCopies(dir.resolve("work"));
    Delivery d = sink.deliver("a.pdf", new byte[] {1, 2});
    assertThat(d.kind()).isEqualTo(Delivery.Kind.FILE);
    assertThat(Path.of(d.where())).hasBinaryContent(new byte[] {1, 2});
    assertThat(sink.endSitting()).isEmpty();
    assertThat(Path.of(d.where())).doesNotExist();
  }

  @Test
  void keptFilesStayAndAreReported() throws Exception {
    FileSink sink = FileSink.kept(dir);
    Delivery d = sink.deliver("a.pdf", new byte[] {1});
    assertThat(sink.endSitting()).containsExactly(d.where());
    assertThat(Path.of(d.where())).exists();
    assertThat(sink.endSitting()).isEmpty();
  }

  @Test
  void refusesPathsInsteadOfNames() {
    assertThatThrownBy(() -> FileSink.kept(dir).deliver("../evil.pdf", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saysWhenItCannotWrite() throws Exception {
    Path file = dir.resolve("not-a-directory");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> FileSink.kept(file).deliver("a.pdf", new byte[0]))
        .isInstanceOfSatisfying(
            PrintFailure.class, e -> assertThat(e.messageKey()).isEqualTo("print.error.file"));
  }

  @Test
  void neverWritesOverAFileAlreadyThere() throws Exception {
    FileSink sink = FileSink.kept(dir);
    Path emma = Path.of(sink.deliver("profil.pdf", new byte[] {1}).where());
    Path hugo = Path.of(sink.deliver("profil.pdf", new byte[] {2}).where());
    Path third = Path.of(sink.deliver("profil.pdf", new byte[] {3}).where());
    assertThat(emma).hasBinaryContent(new byte[] {1}).hasFileName("profil.pdf");
    assertThat(hugo).hasBinaryContent(new byte[] {2}).hasFileName("profil-2.pdf");
    assertThat(third).hasFileName("profil-3.pdf");
    assertThat(sink.endSitting()).hasSize(3);
  }

  @Test
  void theWorkingFolderGoesWithTheSittingWhenTheSinkMadeIt() throws Exception {
    Path made = dir.resolve("work");
    FileSink sink = FileSink.workingCopies(made);
    sink.deliver("a.pdf", new byte[] {1});
    assertThat(sink.endSitting()).isEmpty();
    assertThat(made).doesNotExist();
    sink.deliver("b.pdf", new byte[] {2});
    assertThat(made.resolve("b.pdf")).exists();
    sink.endSitting();
    assertThat(made).doesNotExist();

    FileSink given = FileSink.workingCopies(dir);
    given.deliver("c.pdf", new byte[] {3});
    given.endSitting();
    assertThat(dir).as("a folder it did not make stays").isDirectory();
  }

  @Test
  void theFoldersOfKiosksNoLongerRunningAreClearedAtStart() throws Exception {
    FileSink mine = FileSink.temporary(dir);
    Path mineFile = Path.of(mine.deliver("a.pdf", new byte[] {1}).where());
    assertThat(mineFile.getParent().getFileName().toString())
        .startsWith("guichet-documents-" + ProcessHandle.current().pid() + "-");
    Path crashed = Files.createDirectories(dir.resolve("guichet-documents-999999999-x"));
    Files.write(crashed.resolve("profil-medical-louis-p.pdf"), new byte[] {9});
    Path older = Files.createDirectories(dir.resolve("guichet-documents-abc"));
    Path other = Files.createDirectories(dir.resolve("someone-else"));

    assertThat(FileSink.clearLeftovers(dir, "guichet-documents-"))
        .containsExactlyInAnyOrder(crashed, older);
    assertThat(crashed).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(mineFile).as("a running kiosk's documents stay").exists();
    assertThat(other).exists();
    mine.endSitting();
    assertThat(mineFile.getParent()).doesNotExist();
  }

  @Test
  void theDemoServersDataOfAKilledKioskGoesTheSameWay() throws Exception {
    Path killed = Files.createDirectories(dir.resolve("guichet-demo-999999999-1234"));
    Files.write(killed.resolve("guichet.db"), new byte[] {7});
    Path running =
        Files.createDirectories(
            dir.resolve("guichet-demo-" + ProcessHandle.current().pid() + "-5678"));
    Path documents = Files.createDirectories(dir.resolve("guichet-documents-999999999-x"));

    assertThat(FileSink.clearLeftovers(dir, "guichet-demo-")).containsExactly(killed);
    assertThat(running).as("the demo of a kiosk still running").isDirectory();
    assertThat(documents).as("another prefix, another call").isDirectory();
  }
}
