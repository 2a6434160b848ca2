package fr.guichet.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Launch → first screen: starts a command again and again and times, from the moment it is started,
 * until a marker text shows in what it prints (escape sequences of a full-screen terminal removed).
 * The cases take turns, so that a load that comes and goes on the machine falls on all of them
 * alike. Reads its cases on standard input, one per line, fields separated by tabs: {@code NAME
 * MARKER INPUT COMMAND ARG...} ({@code INPUT} is written to the command once the marker showed,
 * {@code \n} for a new line; {@code !stop} stops it (SIGTERM to it and what it started) instead, as
 * for a full-screen kiosk under {@code script}; a command still running 15 s later is stopped too).
 * Prints {@code NAME MEDIAN_MS MIN_MS MAX_MS RUNS MEDIAN_CPU_MS}, the last being the processor time
 * (user + system, of the command and what it started) spent by the time the marker showed: a figure
 * that other work on the machine disturbs much less than the elapsed time.
 *
 * <pre>
 * printf 'hello\thello\t\\n\tjava\t-cp\ttarget/test-classes\tfr.guichet.bench.Hello\n' \
 *   | java -cp target/test-classes fr.guichet.bench.LaunchBench 10
 * </pre>
 */
public final class LaunchBench {
  private static final Pattern ESCAPES =
      Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78]|\\][^\u0007]*\u0007)");

  record Case(String name, String marker, String input, List<String> command) {}

  private LaunchBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    List<Case> cases = new ArrayList<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) {
        String[] f = line.split("\t");
        cases.add(
            new Case(
                f[0],
                f[1],
                f[2].replace("\\n", "\n"),
                List.of(Arrays.copyOfRange(f, 3, f.length))));
      }
    }
    double[][] times = new double[cases.size()][runs];
    double[][] cpu = new double[cases.size()][runs];
    for (int warm = 0; warm < cases.size(); warm++) {
      once(cases.get(warm)); // the first start of each fills the page cache
    }
    for (int r = 0; r < runs; r++) {
      for (int c = 0; c < cases.size(); c++) {
        double[] one = once(cases.get(c));
        times[c][r] = one[0];
        cpu[c][r] = one[1];
      }
    }
    for (int c = 0; c < cases.size(); c++) {
      double[] t = times[c].clone();
      Arrays.sort(t);
      double[] u = cpu[c].clone();
      Arrays.sort(u);
      System.out.printf(
          Locale.ROOT,
          "%s\t%.0f\t%.0f\t%.0f\t%d\t%.0f%n",
          cases.get(c).name(),
          median(t),
          t[0],
          t[t.length - 1],
          runs,
          median(u));
    }
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * One start: milliseconds until the marker showed, and the processor milliseconds spent by then.
   */
  static double[] once(Case c) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(c.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      long shown = waitFor(p, c.marker(), start);
      if (shown < 0) {
        throw new IllegalStateException(
            c.name() + ": '" + c.marker() + "' never showed; command " + c.command());
      }
      double cpuMillis = cpuMillis(p.toHandle());
      drain(p.getInputStream());
      if (c.input().equals("!stop")) {
        stop(p);
      } else {
        OutputStream keys = p.getOutputStream();
        keys.write(c.input().getBytes(StandardCharsets.UTF_8));
        keys.flush();
      }
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        stop(p);
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      }
      return new double[] {(shown - start) / 1e6, cpuMillis};
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      if (p.isAlive()) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** User + system time of a process and its live descendants, from /proc (10 ms steps). */
  static double cpuMillis(ProcessHandle process) {
    double total = 0;
    for (ProcessHandle h :
        java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants())
            .toList()) {
      try {
        String stat =
            java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc", String.valueOf(h.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total +=
            (Long.parseLong(f[11]) + Long.parseLong(f[12]))
                * 10.0; // utime, stime: fields 14, 15, in 1/100 s
      } catch (IOException | RuntimeException e) {
        // the process ended meanwhile
      }
    }
    return total;
  }

  /**
   * SIGTERM to the process and everything it started (a kiosk under {@code script} ends with its
   * terminal).
   */
  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
  }

  /**
   * Reads until the marker shows; returns System.nanoTime() at that moment, or -1 at the end of the
   * output. Answers the cursor position queries of a full-screen program as an 80×24 terminal would
   * (Lanterna asks for the terminal's size that way, and waits for the answer).
   */
  private static long waitFor(Process p, String marker, long start) throws IOException {
    InputStream out = p.getInputStream();
    byte[] buffer = new byte[8192];
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int answered = 0;
    int n;
    while ((n = out.read(buffer)) > 0) {
      raw.write(buffer, 0, n);
      String text = raw.toString(StandardCharsets.UTF_8);
      int queries = text.split("\u001b\\[6n", -1).length - 1;
      for (; answered < queries; answered++) {
        p.getOutputStream().write("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().flush();
      }
      if (ESCAPES.matcher(text).replaceAll("").contains(marker)) {
        return System.nanoTime();
      }
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
        return -1;
      }
    }
    return -1;
  }

  /** Keeps reading what the command prints, so that it never blocks on a full pipe. */
  private static void drain(InputStream out) {
    Thread t =
        new Thread(
            () -> {
              try {
                out.transferTo(OutputStream.nullOutputStream());
              } catch (IOException e) {
                // the command ended
              }
            },
            "drain");
    t.setDaemon(true);
    t.start();
  }
}
