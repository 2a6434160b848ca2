package fr.guichet.bench;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The baseline of the server figures: the same HTTP framework (Javalin, Jetty, Jackson) with one
 * bare route and nothing behind it, on a free loopback port, until the process is stopped. Prints
 * its address.
 *
 * <pre>
 * java -cp ... fr.guichet.bench.BareJavalin    # http://127.0.0.1:PORT/v1/health
 * </pre>
 */
public final class BareJavalin {
  private BareJavalin() {}

  public static void main(String[] args) throws InterruptedException {
    Javalin app =
        Javalin.create(config -> config.showJavalinBanner = false)
            .get("/v1/health", ctx -> ctx.json(Map.of("status", "UP")))
            .start("127.0.0.1", 0);
    System.out.println("http://127.0.0.1:" + app.port() + "/");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bare-javalin-stop"));
    Thread.currentThread().join();
  }
}
