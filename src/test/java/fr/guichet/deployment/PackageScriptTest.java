package fr.guichet.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/package}: the image it builds starts the kiosk on a machine without Java, its
 * class-data archive in use, also once moved elsewhere and its archive made again there ({@code
 * bin/guichet-cds}, as kiosk/README.md says). Building an image takes about a minute, so this runs
 * only with {@code GUICHET_TEST_PACKAGE=1}.
 */
@EnabledIfEnvironmentVariable(named = "GUICHET_TEST_PACKAGE", matches = "1")
class PackageScriptTest {
  @Test
  void theImageStartsTheKioskWithoutJavaOnThePath(@TempDir Path work) throws Exception {
    Path built = work.resolve("built");
    run(work, "scripts/package", "--output", built.toString());
    assertThat(built.resolve("bin/guichet")).isExecutable();
    assertThat(built.resolve("bin/guichet-cds")).isExecutable();
    assertThat(built.resolve("lib/guichet.jsa")).isRegularFile();
    assertThat(built.resolve("kiosk/guichet-kiosk.service")).isRegularFile();

    // Installed elsewhere (as in /opt/guichet): the archive names the old place until it is made
    // again.
    Path image = Files.move(built, work.resolve("opt-guichet"));
    run(work, image.resolve("bin/guichet-cds").toString());

    // A PATH with nothing but what the launcher uses, and no JAVA_HOME: no java to be found.
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.copy(
        Path.of("/usr/bin/readlink"), bin.resolve("readlink"), StandardCopyOption.COPY_ATTRIBUTES);
    assertThat(bin.resolve("java")).doesNotExist();

    Path classes = work.resolve("classes.log");
    ProcessBuilder launch =
        new ProcessBuilder(image.resolve("bin/guichet").toString(), "kiosk", "--demo", "--plain")
            .directory(work.toFile())
            .redirectError(work.resolve("kiosk.err").toFile());
    launch.environment().clear();
    launch
        .environment()
        .putAll(
            Map.of(
                "PATH",
                bin.toString(),
                "HOME",
                work.toString(),
                // -Xshare:on stops the JVM if the archive cannot be used; the log says where each
                // class came from.
                "GUICHET_JAVA_OPTS",
                "-Xshare:on -Xlog:class+load=info:file=" + classes));
    Process started = launch.start();
    started.getOutputStream().write("/esc\n".getBytes(StandardCharsets.UTF_8));
    started.getOutputStream().close();
    assertThat(started.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String screen = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(started.exitValue()).as(Files.readString(work.resolve("kiosk.err"))).isZero();
    assertThat(screen).startsWith("\n== Connexion de la médiatrice ou du médiateur ==\n");
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded)
        .anyMatch(l -> l.contains(" fr.guichet.kiosk.Kiosk source: shared objects file"));
    assertThat(loaded)
        .anyMatch(l -> l.contains(" picocli.CommandLine source: shared objects file"));
    assertThat(String.join("\n", loaded)).doesNotContain("/usr/lib/jvm");
  }

  /** Runs a command from the repository's root; it must succeed within 10 minutes. */
  static void run(Path work, String... command) throws Exception {
    Path log = Files.createTempFile(work, "run", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES))
        .as(String.join(" ", command) + " within 10 minutes")
        .isTrue();
    assertThat(p.exitValue())
        .as(String.join(" ", command) + ":\n" + Files.readString(log))
        .isZero();
  }
}
