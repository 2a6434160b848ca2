package fr.guichet.bench;

import fr.guichet.domain.Totp;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of the kiosk after a whole sitting, in a subprocess in plain mode against a
 * running server: login, identification of Jeanne, consent, account, status sheet, end of sitting;
 * then VmRSS and VmHWM (the peak) from /proc. With {@code hello}, the same for the baseline: a bare
 * JVM that printed one line. Prints {@code NAME RSS_KB PEAK_KB}.
 *
 * <pre>
 * java -cp ... fr.guichet.bench.SittingMemory sitting http://127.0.0.1:8470/ target/image/bin/guichet
 * java -cp ... fr.guichet.bench.SittingMemory hello java -cp target/test-classes fr.guichet.bench.Hello
 * </pre>
 */
public final class SittingMemory {
  private final Process process;
  private final StringBuilder printed = new StringBuilder();
  private int consumed;

  private SittingMemory(List<String> command) throws IOException {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Thread reader = new Thread(() -> read(process.getInputStream()), "kiosk-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("hello")) {
      SittingMemory hello = new SittingMemory(List.of(Arrays.copyOfRange(args, 1, args.length)));
      hello.await("hello");
      hello.report("rss-hello");
      hello.finish("\n");
      return;
    }
    String url = args[1];
    List<String> command = new ArrayList<>(List.of(Arrays.copyOfRange(args, 2, args.length)));
    command.addAll(List.of("kiosk", "--api", url, "--plain"));
    SittingMemory kiosk = new SittingMemory(command);
    kiosk.await("== Connexion de la médiatrice ou du médiateur ==");
    String code = Totp.fromBase32(DemoSandbox.TOTP_SECRET).codeAt(Instant.now());
    kiosk.send(DemoSandbox.LOGIN, DemoSandbox.PASSWORD, code);
    kiosk.await("== Qui aidez-vous aujourd’hui ? ==");
    kiosk.send(DemoSandbox.JEANNE_NIR, "14/03/1950", "12345678");
    kiosk.await("== Votre accord ==");
    kiosk.send("1", "");
    kiosk.await("== Votre espace Mon Espace Santé ==");
    kiosk.send("1");
    kiosk.await("! La fiche est");
    kiosk.send("/f10");
    kiosk.await("== La séance est terminée ==");
    Thread.sleep(
        500); // what the end of the sitting let go is still counted until the next collection
    kiosk.report("rss-kiosk");
    kiosk.finish("/f12\n/esc\n");
  }

  private void send(String... lines) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private void await(String marker) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      synchronized (printed) {
        int at = printed.indexOf(marker, consumed);
        if (at >= 0) {
          consumed = at + marker.length();
          return;
        }
        if (!process.isAlive()) {
          break;
        }
        printed.wait(100);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "'" + marker + "' never showed; the kiosk printed:\n" + printed);
  }

  private void report(String name) throws IOException {
    long rss = -1;
    long peak = -1;
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("VmHWM:")) {
        peak = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    System.out.println(name + "\t" + rss + "\t" + peak);
  }

  private void finish(String input) throws IOException, InterruptedException {
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  private void read(InputStream out) {
    char[] buffer = new char[8192];
    try (Reader r = new InputStreamReader(out, StandardCharsets.UTF_8)) {
      int n;
      while ((n = r.read(buffer)) > 0) {
        synchronized (printed) {
          printed.append(buffer, 0, n);
          printed.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
