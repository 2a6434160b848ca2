package fr.guichet.sandbox;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * What every request meets before any route: one limit on its body, however it is framed (a {@code
 * Content-Length} or chunks that may never end), and the security headers every answer carries.
 *
 * <p>A body is read here, {@link #MAX_BODY} bytes at most, before any route runs; one byte more and
 * the request is answered 413 problem+json at once. The rest of a refused body is read and thrown
 * away up to {@link #DRAIN} bytes, so that a client sending a slightly large body gets its answer
 * with an orderly close; past that, the connection is cut: an endless chunked upload costs 64 KB of
 * heap and a few hundred kilobytes of reading, never more.
 *
 * <pre>{@code
 * Javalin.create(config -> config.jetty.modifyServletContextHandler(HttpGuard::install));
 * }</pre>
 */
final class HttpGuard implements Filter {
  /** The largest body any route accepts (a profile section is 32 KB at most). */
  static final int MAX_BODY = 64 * 1024;

  /** How much of a refused body is read and thrown away before the connection is cut. */
  static final int DRAIN = 256 * 1024;

  /** What an answer with no policy of its own allows: nothing to load, no framing. */
  static final String NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'";

  static void install(ServletContextHandler handler) {
    handler.addFilter(new FilterHolder(new HttpGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  /**
   * The headers of every answer: no content sniffing, no referrer, nothing kept in a cache (person
   * data must not stay in a shared machine's cache), nothing loaded or framed.
   */
  static void securityHeaders(BiConsumer<String, String> header) {
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "no-referrer");
    header.accept("Cache-Control", "no-store");
    header.accept("Content-Security-Policy", NOTHING_ALLOWED);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse answer = (HttpServletResponse) response;
    securityHeaders(answer::setHeader);
    boolean framed = http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
    if (!framed) {
      chain.doFilter(request, response);
      return;
    }
    InputStream in = http.getInputStream();
    byte[] body = http.getContentLengthLong() > MAX_BODY ? null : in.readNBytes(MAX_BODY + 1);
    if (body == null || body.length > MAX_BODY) {
      refuse(http, answer, in);
      return;
    }
    chain.doFilter(new Read(http, body), response);
  }

  /** Answers 413, reads what is left of the body up to {@link #DRAIN}, then cuts the rest. */
  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, InputStream in) throws IOException {
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType(fr.guichet.contract.Problem.MEDIA_TYPE);
    byte[] problem = ProblemErrorHandler.body(413);
    response.setContentLength(problem.length);
    response.getOutputStream().write(problem);
    response.flushBuffer();
    if (!drained(in)) {
      Request.getBaseRequest(request)
          .getHttpChannel()
          .abort(new IOException("request body over " + MAX_BODY + " bytes"));
    }
  }

  /** Whether the body ended within {@link #DRAIN} more bytes (a broken one counts as not). */
  private static boolean drained(InputStream in) {
    byte[] sink = new byte[8192];
    long read = 0;
    try {
      for (int n = 0; n >= 0; n = in.read(sink)) {
        read += n;
        if (read > DRAIN) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException broken) {
      return false;
    }
  }

  /** A request whose body was read here: routes read it again from memory. */
  private static final class Read extends HttpServletRequestWrapper {
    private final byte[] body;

    Read(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new Bytes(new ByteArrayInputStream(body));
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** A body in memory, as a servlet stream. */
  private static final class Bytes extends ServletInputStream {
    private final ByteArrayInputStream in;

    Bytes(ByteArrayInputStream in) {
      this.in = in;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("the body was read before the route");
    }
  }
}
