package fr.guichet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what no HTTP client sends: a body that never ends, headers too
 * large, or a request from another loopback address ({@code 127.0.0.2}, ...: Linux answers on the
 * whole of 127/8), as if from another machine.
 *
 * <pre>{@code
 * RawHttp.Answer a = RawHttp.from("127.0.0.9").send(server.url(), "POST /v1/sessions HTTP/1.1\r\n...");
 * a.status(); a.header("retry-after"); a.body();
 * }</pre>
 */
public final class RawHttp {
  /** An answer: status, headers (names in lower case) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final String localAddress;

  private RawHttp(String localAddress) {
    this.localAddress = localAddress;
  }

  /** Requests from 127.0.0.1. */
  public static RawHttp loopback() {
    return new RawHttp("127.0.0.1");
  }

  /** Requests from another loopback address, e.g. {@code 127.0.3.7}. */
  public static RawHttp from(String localAddress) {
    return new RawHttp(localAddress);
  }

  /** A connected socket to the server at {@code baseUrl}, from this address, 20 s timeout. */
  public Socket connect(String baseUrl) throws IOException {
    URI uri = URI.create(baseUrl);
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** Sends a whole request (head and body as written) and reads the answer. */
  public Answer send(String baseUrl, String request) throws IOException {
    try (Socket socket = connect(baseUrl)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  /** A POST of a JSON body with a Content-Length, closing the connection after the answer. */
  public Answer postJson(String baseUrl, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return send(
        baseUrl,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n"
            + json);
  }

  /** Reads one answer: its head, then a body of Content-Length bytes, chunks, or up to the end. */
  public static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("the server closed the connection without an answer");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; ) {
        body.write(in.readNBytes(size));
        line(in);
        size = Integer.parseInt(line(in).strip(), 16);
      }
    } else {
      body.write(in.readAllBytes());
    }
    return new Answer(
        Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
  }

  /** Writes one chunk of a chunked body. */
  public static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
  }
}
