package fr.guichet.kiosk;

import fr.guichet.contract.Problem;

/**
 * A call to the server that did not succeed: the server's refusal (a {@link Problem} with its
 * sentence key), or a network failure, the problem {@code network} with status 0. What {@link
 * DelegatedAccess} throws, whatever carries the calls.
 *
 * <pre>{@code
 * try { server.account(me, delegation); }
 * catch (ServerProblem p) { if (p.unreachable()) { ... } else { Say.problem(p.problem()); } }
 * }</pre>
 */
public final class ServerProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The slug of the problem that says the server was not reached. */
  public static final String NETWORK = "network";

  private final transient Problem problem;

  public ServerProblem(Problem problem, Throwable cause) {
    super(problem.slug() + " (" + problem.status() + "): " + problem.detail(), cause);
    this.problem = problem;
  }

  public ServerProblem(Problem problem) {
    this(problem, null);
  }

  public Problem problem() {
    return problem;
  }

  /** Whether the server never answered (nothing is known of what it did). */
  public boolean unreachable() {
    return NETWORK.equals(problem.slug());
  }
}
