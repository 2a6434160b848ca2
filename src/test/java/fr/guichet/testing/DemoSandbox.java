package fr.guichet.testing;

import fr.guichet.api.ApiClient;
import fr.guichet.api.LoginRequest;
import fr.guichet.api.MediatorSession;
import fr.guichet.domain.Totp;
import fr.guichet.sandbox.SandboxServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference server with the demo people, in-process on a free loopback port, with a clock
 * the test moves; plus what tests need around it: a fresh TOTP code, the demo NIRs, and a look
 * into the journal table.
 */
public final class DemoSandbox implements AutoCloseable {
  public static final String LOGIN = "demo.mediatrice";
  public static final String PASSWORD = "Guichet-demo-2026";
  public static final String TOTP_SECRET = "GUICHETDEMOSECRETKEYFORMEDIATOR2";
  /** Jeanne Martin, born 14/03/1950, Carte Vitale 12345678: ANNOUNCED. */
  public static final String JEANNE_NIR = "2 50 03 75 056 123 72";

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  public final SandboxServer server;
  public final ApiClient api;
  private final Path data;

  public DemoSandbox(Path data) {
    this.data = data;
    this.server = SandboxServer.start(SandboxServer.Options.demo(data).withClock(clock));
    this.api = new ApiClient(server.url());
  }

  /** A TOTP code no login has used yet: moves the clock to the next 30-second step. */
  public String freshTotp() {
    clock.advance(Duration.ofSeconds(30));
    return Totp.fromBase32(TOTP_SECRET).codeAt(clock.instant());
  }

  public MediatorSession login() {
    return api.login(new LoginRequest(LOGIN, PASSWORD, freshTotp()));
  }

  /** Journal rows of a chain as "ACTION OUTCOME", oldest first, read straight from the database file. */
  public List<String> journal(String chain) {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("guichet.db"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT action, outcome FROM journal WHERE chain = '" + chain + "' ORDER BY seq")) {
      while (r.next()) {
        out.add(r.getString(1) + " " + r.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
  }
}
