package fr.guichet.bench;

import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.RawHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Anonymous bad logins against a running reference server, beside a load test: {@code threads}
 * logins in flight for {@code seconds}. {@code one-address}: the demo mediator's login with wrong
 * passwords, all from 127.0.0.1 (one attacker, whom the delays hold back); {@code crowd}: each
 * attempt a new login from another loopback address (127.1.x.y), so that every one reaches a
 * password check (the bounded pool's worst case). {@code retry}: each thread sends its next attempt
 * when the server says it may ({@code Retry-After} of a 429 or 503), at once otherwise; {@code
 * flood}: at once whatever the answer, which is a flood of refused requests more than a login
 * attack. Prints {@code BADLOGINS <sent> <401> <429> <503> <other>}.
 *
 * <pre>
 * java -cp ... fr.guichet.bench.BadLogins http://127.0.0.1:8470/ 8 12 one-address retry
 * </pre>
 */
public final class BadLogins {
  private BadLogins() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int threads = Integer.parseInt(args[1]);
    long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    boolean crowd = args[3].equals("crowd");
    boolean retry = args[4].equals("retry");
    AtomicInteger attempts = new AtomicInteger();
    AtomicLongArray counts = new AtomicLongArray(5); // sent, 401, 429, 503, other
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < until) {
                  int n = attempts.incrementAndGet();
                  String from =
                      crowd ? "127.1." + (n / 250 % 250) + "." + (n % 250 + 1) : "127.0.0.1";
                  RawHttp.Answer a =
                      attempt(url, from, crowd ? "crowd-" + n : DemoSandbox.LOGIN, n);
                  counts.incrementAndGet(0);
                  counts.incrementAndGet(counter(a));
                  if (retry && a != null && a.header("retry-after") != null) {
                    long left = Math.max(0, (until - System.nanoTime()) / 1_000_000);
                    Thread.sleep(Math.min(Long.parseLong(a.header("retry-after")) * 1000, left));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    System.out.printf(
        "BADLOGINS\t%d\t%d\t%d\t%d\t%d%n",
        counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4));
  }

  /** One bad login, or null if the connection failed. */
  private static RawHttp.Answer attempt(String url, String from, String login, int n) {
    try {
      return RawHttp.from(from)
          .postJson(
              url,
              "/v1/sessions",
              "{\"login\":\"" + login + "\",\"password\":\"guess-" + n + "\",\"totp\":\"000000\"}");
    } catch (IOException e) {
      return null;
    }
  }

  /** The counter to add to: 1 for 401, 2 for 429, 3 for 503, 4 for anything else. */
  private static int counter(RawHttp.Answer a) {
    if (a == null) {
      return 4;
    }
    return switch (a.status()) {
      case 401 -> 1;
      case 429 -> 2;
      case 503 -> 3;
      default -> 4;
    };
  }
}
