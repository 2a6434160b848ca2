package fr.guichet.sandbox;

import fr.guichet.contract.Json;
import fr.guichet.contract.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors the HTTP server raises before any route runs (a malformed request line, an ambiguous path
 * such as {@code %00}, headers too large) also answer RFC 9457 problem+json with the security
 * headers of every answer, never an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    HttpGuard.securityHeaders(response::setHeader);
    response.setContentType(Problem.MEDIA_TYPE);
    response.getOutputStream().write(body(response.getStatus()));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    HttpGuard.securityHeaders(fields::put);
    return ByteBuffer.wrap(body(status));
  }

  /** The problem+json of an error the HTTP layer answers itself. */
  static byte[] body(int status) {
    String slug =
        switch (status) {
          case 413 -> "body-too-large";
          case 431 -> "headers-too-large";
          default -> status >= 500 ? "internal" : "malformed-request";
        };
    try {
      return Json.mapper()
          .writeValueAsBytes(
              new Problem(
                  Problem.TYPE_PREFIX + slug,
                  slug.replace('-', ' '),
                  status,
                  "rejected by the HTTP layer",
                  "problem." + slug,
                  Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
