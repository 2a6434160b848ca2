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
}
