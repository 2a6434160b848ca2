package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's address behind a trusted load balancer: failed logins are counted for the address
 * the load balancer saw, never for the load balancer itself, and nobody else can name an address.
 */
class ClientAddressTest {
  final ClientAddress addresses = new ClientAddress(Set.of("127.0.0.1"));

  @Test
  void takesTheLastHopATrustedPeerAddedAndNothingElse() {
    assertThat(addresses.of("127.0.0.1", "192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(addresses.of("127.0.0.1", "203.0.113.1, 192.0.2.7"))
        .as("the first hops are the client's own word")
        .isEqualTo("192.0.2.7");
    assertThat(addresses.of("127.0.0.1", "2001:db8::7")).isEqualTo("2001:db8::7");
    assertThat(addresses.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
    assertThat(addresses.of("127.0.0.1", "<script>")).isEqualTo("127.0.0.1");
    assertThat(addresses.of("127.0.0.2", "192.0.2.7"))
        .as("an untrusted peer")
        .isEqualTo("127.0.0.2");
  }

  @Test
  void failedLoginsAreCountedForTheAddressTheLoadBalancerSaw(@TempDir Path data)
      throws IOException {
    Clock frozen = Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC);
    try (SandboxServer server =
        SandboxServer.start(
            SandboxServer.Options.demo(data)
                .withClock(frozen)
                .withTrustedProxies(List.of("127.0.0.1")))) {
      assertThat(logins(server, "127.0.0.1", n -> "192.0.2." + n))
          .as("each office its own count, behind the load balancer")
          .containsOnly(401);
      assertThat(logins(server, "127.0.0.1", n -> "198.51.100.9"))
          .as("one office past its free failures")
          .contains(429);
      assertThat(
              logins(
                  server,
                  "127.0.0.1",
                  n -> "192.0.2." + (100 + n) + "\r\nX-Forwarded-For: 198.51.100.10"))
          .as("the line the load balancer added after the client's own")
          .contains(429);
      assertThat(logins(server, "127.0.0.2", n -> "203.0.113." + n))
          .as("an untrusted peer's header names nobody: its own address is counted")
          .contains(429);
    }
  }

  /** Seven failed logins, each for another login, from {@code peer} saying it forwards them. */
  static List<Integer> logins(
      SandboxServer server, String peer, java.util.function.IntFunction<String> forwarded)
      throws IOException {
    List<Integer> statuses = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      String body =
          "{\"login\":\"nobody-" + peer + "-" + n + "\",\"password\":\"x\",\"totp\":\"000000\"}";
      statuses.add(
          RawHttp.from(peer)
              .send(
                  server.url(),
                  "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                      + forwarded.apply(n)
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
              .status());
    }
    return statuses;
  }
}
