package fr.guichet.client;

import fr.guichet.contract.Problem;

/**
 * A call to the API that did not succeed: the server's problem, or a network failure shown as the
 * problem {@code urn:guichet:problem:network} (status 0).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.slug() + " (" + problem.status() + "): " + problem.detail());
    this.problem = problem;
  }

  public ApiException(Problem problem, Throwable cause) {
    super(problem.slug() + ": " + problem.detail(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
