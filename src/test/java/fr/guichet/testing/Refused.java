package fr.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.guichet.client.ApiException;
import fr.guichet.contract.Problem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A call the server must refuse, as a script with real tokens would meet it: the problem+json the
 * client read, for more assertions.
 *
 * <pre>{@code
 * Problem p = Refused.with("space-closed", 409, () -> api.documents(session, delegation));
 * }</pre>
 */
public final class Refused {
  private Refused() {}

  /** Asserts the call is refused with this slug and HTTP status, and returns the problem. */
  public static Problem with(String slug, int status, ThrowingCallable call) {
    ApiException e = catchThrowableOfType(ApiException.class, call);
    assertThat(e).as("refused with " + slug).isNotNull();
    assertThat(e.problem().slug()).as(e.problem().detail()).isEqualTo(slug);
    assertThat(e.problem().status()).as(slug).isEqualTo(status);
    assertThat(e.problem().messageKey()).isEqualTo("problem." + slug);
    return e.problem();
  }

  /** Asserts the call is refused with this slug, whatever its status. */
  public static Problem with(String slug, ThrowingCallable call) {
    ApiException e = catchThrowableOfType(ApiException.class, call);
    assertThat(e).as("refused with " + slug).isNotNull();
    assertThat(e.problem().slug()).as(e.problem().detail()).isEqualTo(slug);
    return e.problem();
  }
}
