package fr.guichet.sandbox;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for what is counted per address (failed logins, refusals that
 * prove nothing): the peer's own, or, when the peer is a load balancer the operator trusts ({@code
 * --trusted-proxy}), the address it added last to {@code X-Forwarded-For}. Behind a load balancer
 * every request comes from its address: without this, every counter of the département would share
 * one count, and one guesser would hold back every office.
 *
 * <pre>{@code
 * ClientAddress addresses = new ClientAddress(Set.of("10.0.0.5"));
 * String source = addresses.of(ctx); // 192.0.2.7, as the load balancer saw it
 * }</pre>
 */
final class ClientAddress {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  private final Set<String> trustedProxies;

  ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  String of(Context ctx) {
    // Every X-Forwarded-For line, in order: a load balancer may add its own line after the
    // client's.
    List<String> lines = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    return of(ctx.ip(), lines.isEmpty() ? null : String.join(",", lines));
  }

  /**
   * The client's address from the peer's and the header: only a trusted peer's header counts, and
   * only its last hop (the one that peer added itself); anything that is not an address is ignored.
   */
  String of(String peer, String forwardedFor) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
    return ADDRESS.matcher(last).matches() ? last : peer;
  }
}
