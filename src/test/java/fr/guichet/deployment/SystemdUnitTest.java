package fr.guichet.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.Guichet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk/guichet-kiosk.service}: what locks the counter down is in its keys (the program
 * alone on tty1, restarted forever, no login prompt there), and systemd itself accepts the file.
 */
class SystemdUnitTest {
  static final Path UNIT = Path.of("kiosk/guichet-kiosk.service");

  /** The unit's sections and their keys; a key given twice keeps every value. */
  static Map<String, Map<String, List<String>>> parse(Path unit) throws IOException {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    for (String raw : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
        continue;
      }
      assertThat(current).as("a key before any section: " + line).isNotNull();
      int equals = line.indexOf('=');
      assertThat(equals).as("not a key=value line: " + line).isPositive();
      current
          .computeIfAbsent(line.substring(0, equals).strip(), k -> new ArrayList<>())
          .add(line.substring(equals + 1).strip());
    }
    return sections;
  }

  @Test
  void runsTheKioskAloneOnTheFirstConsoleForItsOwnUserAndRestartsItForever() throws IOException {
    var unit = parse(UNIT);
    assertThat(unit).containsOnlyKeys("Unit", "Service", "Install");
    var service = unit.get("Service");
    assertThat(service.get("ExecStart"))
        .containsExactly("/opt/guichet/bin/guichet kiosk --config /etc/guichet/guichet.conf");
    assertThat(service.get("User")).containsExactly("guichet");
    assertThat(service.get("StandardInput")).containsExactly("tty");
    assertThat(service.get("StandardOutput")).containsExactly("tty");
    assertThat(service.get("StandardError")).containsExactly("journal");
    assertThat(service.get("TTYPath")).containsExactly("/dev/tty1");
    assertThat(service.get("TTYVTDisallocate")).containsExactly("yes");
    assertThat(service.get("Restart")).containsExactly("always");
    assertThat(service).doesNotContainKeys("ExecStartPre", "ExecStartPost", "ExecStop");
    assertThat(unit.get("Unit").get("Conflicts")).contains("getty@tty1.service");
    assertThat(unit.get("Unit").get("StartLimitIntervalSec")).containsExactly("0");
    assertThat(unit.get("Install").get("WantedBy")).containsExactly("multi-user.target");
  }

  @Test
  void itsCommandLineIsOneTheKioskAccepts() {
    String[] exec = "kiosk --config /etc/guichet/guichet.conf".split(" ");
    CommandLine.ParseResult parsed = Guichet.commandLine().parseArgs(exec);
    assertThat(parsed.subcommand().matchedOptionValue("--config", (Path) null))
        .isEqualTo(Path.of("/etc/guichet/guichet.conf"));
  }

  /**
   * {@code systemd-analyze verify} in a scratch root holding the system's own units, the unit under
   * /etc/systemd/system and a stand-in for /opt/guichet/bin/guichet (verify checks that the program
   * exists). A warning (an unknown key, a bad value) is printed even when it exits 0: the output
   * must be empty.
   */
  @Test
  void systemdAcceptsTheUnit(@TempDir Path root) throws Exception {
    Path analyze =
        Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Path units =
        Stream.of("/usr/lib/systemd/system", "/lib/systemd/system")
            .map(Path::of)
            .filter(p -> Files.exists(p.resolve("sysinit.target")))
            .findFirst()
            .orElse(null);
    assumeTrue(
        analyze != null && units != null,
        "systemd-analyze and systemd's units are not installed (apt-get install systemd)");

    Path systemUnits = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    try (Stream<Path> files = Files.list(units)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, systemUnits.resolve(f.getFileName().toString()));
      }
    }
    Path program = Files.createDirectories(root.resolve("opt/guichet/bin")).resolve("guichet");
    Files.writeString(program, "#!/bin/sh\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(
        UNIT,
        Files.createDirectories(root.resolve("etc/systemd/system"))
            .resolve("guichet-kiosk.service"),
        StandardCopyOption.REPLACE_EXISTING);

    Process verify =
        new ProcessBuilder(
                Arrays.asList(
                    analyze.toString(),
                    "verify",
                    "--root=" + root,
                    "--man=no",
                    "guichet-kiosk.service"))
            .redirectErrorStream(true)
            .start();
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(said).as("systemd-analyze verify said").isEmpty();
    assertThat(verify.exitValue()).isZero();
  }
}
